package kextshell.transcript;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kextshell.shell.Result;
import kextshell.shell.InputEcho;
import kextshell.shell.Session;
import kextshell.shell.SessionListener;
import kextshell.shell.syntax.Parser;
import kextshell.store.HostFiles;

/**
 * Records a live session as a transcript that {@code replay --check} accepts: every executed line
 * with its output and non-zero status, under the session's seed and width. The file is written
 * once when recording starts (so a bad path fails early) and again, complete, when it finishes.
 *
 * <p>{@code record} lines are left out. One consequence: an empty input line repeats the last
 * status, so a bare {@code $} recorded right after a {@code record} command shows that command's
 * status and will not replay the same way.
 */
public final class Recorder {
    private final Session session;
    private final Path file;
    private final List<String> body = new ArrayList<>();
    private final SessionListener listener = SessionListener.onExecuted(this::onLine);
    private int commands;
    private boolean recording;
    private String summary;

    private Recorder(Session session, Path file) {
        this.session = session;
        this.file = file;
    }

    /** Starts recording {@code session} into a new file {@code file}; an existing file is refused. */
    public static Recorder start(Session session, Path file) throws IOException {
        return start(session, file, false);
    }

    /**
     * Starts recording {@code session} into {@code file}, replacing an existing regular file only
     * with {@code force}; fails with a one-line {@link HostFiles.Refused} if it cannot be written.
     */
    public static Recorder start(Session session, Path file, boolean force) throws IOException {
        HostFiles.refuseUnsafe(file, force); // before text(): "/" has no file name to put in it
        Recorder recorder = new Recorder(session, file);
        HostFiles.create(file, recorder.text(), force);
        recorder.recording = true;
        session.addListener(recorder.listener);
        return recorder;
    }

    public Path file() {
        return file;
    }

    public boolean isRecording() {
        return recording;
    }

    public int commands() {
        return commands;
    }

    private void onLine(String line, Result result) {
        if (!recording || isRecordCommand(line)) {
            return; // the record command steers the recording; it is not part of it
        }
        body.addAll(InputEcho.lines(line));
        for (String out : TranscriptRunner.lines(result.output())) {
            body.add(Quoting.quote(out));
        }
        if (result.exitCode() != 0) {
            body.add("? " + result.exitCode());
        }
        commands++;
        if (session.exited()) {
            finish(); // "exit" ends the shell, so it ends the recording too
        }
    }

    private static boolean isRecordCommand(String line) {
        List<String> names = Parser.commandNames(line);
        return !names.isEmpty() && names.get(0).equals("record");
    }

    /**
     * Stops listening and writes the file. Safe to call more than once: later calls return the
     * first call's message. Returns "Recorded N commands to FILE" or a one-line error.
     */
    public String finish() {
        if (summary != null) {
            return summary;
        }
        recording = false;
        session.removeListener(listener);
        try {
            HostFiles.rewrite(file, text()); // this shell's own file: still never a link, directory or device
            summary = "Recorded " + commands + (commands == 1 ? " command" : " commands") + " to " + file;
        } catch (IOException e) {
            summary = "record: " + e.getMessage();
        }
        return summary;
    }

    /** The transcript text: a heading, one kextshell block with the session's settings. */
    String text() {
        StringBuilder text = new StringBuilder();
        text.append("# Recorded kextshell session\n\n");
        text.append("Check it with `./kextshell replay --check ").append(file.getFileName()).append("`.\n\n");
        text.append("```kextshell seed=").append(session.config().seed())
                .append(" width=").append(session.config().width()).append('\n');
        for (String line : body) {
            text.append(line).append('\n');
        }
        text.append("```\n");
        return text.toString();
    }
}
