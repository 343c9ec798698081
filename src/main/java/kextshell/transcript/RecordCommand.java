package kextshell.transcript;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import kextshell.shell.Invocation;
import kextshell.shell.Sysexits;
import kextshell.shell.Session;
import kextshell.shell.ShellCommand;
import kextshell.store.HostFiles;

/**
 * {@code record [--force] FILE} starts writing the session to a transcript, {@code record stop} finishes
 * it, {@code record} alone says what is going on. One instance per session (Commands.all() builds
 * a fresh list for every Session), so the active recording lives here.
 */
public final class RecordCommand implements ShellCommand {
    private Recorder active;

    @Override
    public String name() {
        return "record";
    }

    @Override
    public String summary() {
        return "record [--force] FILE | record stop: save this session as a replayable transcript";
    }

    @Override
    public List<String> help() {
        return List.of("usage: record FILE", "       record stop", "", "save this session as a replayable transcript");
    }

    @Override
    public int run(Invocation invocation, List<String> args) {
        boolean recording = active != null && active.isRecording();
        java.util.OptionalInt cast = CastRecorder.handle(invocation, args, recording);
        if (cast.isPresent()) {
            return cast.getAsInt();
        }
        if (args.isEmpty()) {
            invocation.console().out(recording
                    ? "Recording to " + active.file() + " (" + active.commands() + " commands so far); 'record stop' ends it"
                    : "Not recording; 'record FILE' starts");
            return 0;
        }
        boolean force = args.get(0).equals("--force");
        if (force) {
            args = args.subList(1, args.size());
        }
        if (args.size() != 1) {
            invocation.console().err("usage: record [--force] FILE | record stop");
            return Sysexits.EX_USAGE;
        }
        if (args.get(0).startsWith("-")) {
            // Not a file name: `record -h` used to start a recording to a file called "-h".
            invocation.console().err("record: unknown option: " + args.get(0) + " (to record to that file, write ./"
                    + args.get(0) + ")");
            invocation.console().err("usage: record [--force] FILE | record stop");
            return Sysexits.EX_USAGE;
        }
        if (args.get(0).equals("stop") && !force) {
            if (!recording) {
                invocation.console().err("record: not recording");
                return 1;
            }
            String message = active.finish();
            boolean ok = message.startsWith("Recorded ");
            if (ok) {
                invocation.console().out(message);
            } else {
                invocation.console().err(message);
            }
            return ok ? 0 : 1;
        }
        if (recording) {
            invocation.console().err("record: already recording to " + active.file() + "; 'record stop' first");
            return 1;
        }
        try {
            active = Recorder.start(invocation.session(), HostFiles.path(args.get(0)), force);
        } catch (IOException e) {
            invocation.console().err("record: " + e.getMessage());
            return 1;
        }
        invocation.console().out("Recording to " + active.file() + "; 'record stop' saves it");
        return 0;
    }

    /**
     * For {@code ./kextshell --record FILE}: records {@code session} from now on. The recording ends
     * by itself when the session exits; call {@link Recorder#finish()} at end of input too (it is
     * idempotent) and print its message. Uses the session's own {@code record} command when it is
     * registered, so {@code record} and {@code record stop} inside the session see this recording.
     */
    public static Recorder recordSession(Session session, Path file) throws IOException {
        return recordSession(session, file, false);
    }

    /** As above; {@code force} allows replacing an existing regular file. */
    public static Recorder recordSession(Session session, Path file, boolean force) throws IOException {
        Recorder recorder = Recorder.start(session, file, force);
        if (session.commands().get("record") instanceof RecordCommand command) {
            command.active = recorder;
        }
        return recorder;
    }

    /** Stands in for {@code record} in replayed sessions, where writing files is not allowed. */
    static ShellCommand disabled() {
        return new ShellCommand() {
            @Override
            public String name() {
                return "record";
            }

            @Override
            public String summary() {
                return "record: not available while replaying a transcript";
            }

            @Override
            public int run(Invocation invocation, List<String> args) {
                invocation.console().err("record: not available while replaying a transcript");
                return 1;
            }
        };
    }
}
