package kextshell.transcript;

import java.util.List;
import java.util.OptionalInt;
import kextshell.shell.Console;
import kextshell.shell.Invocation;
import kextshell.shell.Result;
import kextshell.shell.SessionListener;
import kextshell.shell.Session;
import kextshell.trace.export.HostFiles;

/**
 * {@code record --cast FILE [--force]}: records the session as an asciinema v2 file, each line's
 * prompt, input and output stamped with the virtual clock. The file is written when recording
 * starts (a bad path fails at once) and rewritten, whole, after every line, so it is complete
 * even if the session ends without {@code exit}; {@code record stop} ends it.
 */
final class CastRecorder implements SessionListener {
    private final Session session;
    private final String file;
    private final AsciicastWriter cast;
    private long kernelNs;
    private long elapsedNs;
    private String prompt;
    private int lines;

    private CastRecorder(Session session, String file) {
        this.session = session;
        this.file = file;
        this.cast = new AsciicastWriter(session.config().width(), 24, "kextshell session");
        this.kernelNs = session.kernel().clock().now();
        this.prompt = session.prompt();
    }

    /**
     * Handles {@code record --cast FILE [--force]}, and {@code record stop} while a cast is being
     * recorded and no transcript is; empty means "not mine, let record go on".
     */
    static OptionalInt handle(Invocation invocation, List<String> args, boolean transcriptRecording) {
        Session session = invocation.session();
        Console console = invocation.console();
        CastRecorder active = session.toolState(Holder.class, Holder::new).active;
        if (args.size() == 1 && args.get(0).equals("stop") && active != null && !transcriptRecording) {
            return OptionalInt.of(active.stop(console));
        }
        if (args.isEmpty() || !args.get(0).equals("--cast")) {
            return OptionalInt.empty();
        }
        boolean force = args.size() == 3 && args.get(2).equals("--force");
        if (args.size() != 2 && !force) {
            console.err("usage: record --cast FILE [--force]");
            return OptionalInt.of(2);
        }
        if (active != null) {
            console.err("record: already recording a cast to " + active.file + "; 'record stop' first");
            return OptionalInt.of(1);
        }
        CastRecorder recorder = new CastRecorder(session, args.get(1));
        String error = HostFiles.write(recorder.file, recorder.cast.text(), force);
        if (error != null) {
            console.err("record: " + error);
            return OptionalInt.of(1);
        }
        session.toolState(Holder.class, Holder::new).active = recorder;
        session.addListener(recorder);
        console.out("Recording a cast to " + recorder.file + "; 'record stop' saves it");
        return OptionalInt.of(0);
    }

    @Override
    public void executed(String line, Result result) {
        if (line.strip().startsWith("record")) {
            return;
        }
        cast.output(elapsedNs / 1e9, prompt + line);
        long now = session.kernel().clock().now();
        // a fresh kernel (lesson start, reset, undo) has its own clock: count the line's usual time
        elapsedNs += now >= kernelNs ? now - kernelNs : Session.COMMAND_TIME_NS;
        kernelNs = now;
        cast.output(elapsedNs / 1e9, "\n" + result.output());
        prompt = session.prompt();
        lines++;
        HostFiles.write(file, cast.text(), true);
        if (session.exited()) {
            stop(null);
        }
    }

    private int stop(Console console) {
        session.removeListener(this);
        session.toolState(Holder.class, Holder::new).active = null;
        String error = HostFiles.write(file, cast.text(), true);
        if (console != null) {
            if (error != null) {
                console.err("record: " + error);
                return 1;
            }
            console.out("Recorded " + lines + (lines == 1 ? " command" : " commands") + " to " + file);
        }
        return 0;
    }

    /** The session's cast recording, if any. */
    private static final class Holder {
        CastRecorder active;
    }
}
