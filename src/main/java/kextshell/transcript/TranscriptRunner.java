package kextshell.transcript;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.SessionConfig;
import kextshell.shell.SessionFactory;

/**
 * Runs a transcript against one fresh Session (per file), block after block, so that blocks can
 * build on each other as a tutorial does. Input lines are sent exactly as written: no history or
 * alias expansion, no interpolation.
 */
public final class TranscriptRunner {
    private TranscriptRunner() {
    }

    public static TranscriptResult run(Transcript transcript, SessionFactory sessions) {
        return run(transcript, newSession(sessions, transcript.config()));
    }

    /**
     * A fresh session for replaying a file. {@code record} is replaced by a refusal: replaying or
     * checking a transcript only reads the files it was given and must never write any.
     */
    public static Session newSession(SessionFactory sessions, SessionConfig config) {
        Session session = sessions.create(config);
        session.commands().put("record", RecordCommand.disabled());
        kextshell.trace.export.HostWrites.forbid(session);
        return session;
    }

    /** Runs on a given session (tests, or a front end that wants to keep it); it should be fresh. */
    public static TranscriptResult run(Transcript transcript, Session session) {
        List<StepOutcome> outcomes = new ArrayList<>();
        for (Block block : transcript.blocks()) {
            for (Step step : block.steps()) {
                Result result = session.execute(step.input());
                List<String> lines = lines(result.output());
                outcomes.add(new StepOutcome(block, step, lines, result.exitCode(),
                        Alignment.of(step.expected(), lines)));
            }
        }
        return new TranscriptResult(transcript, outcomes);
    }

    /** Output text as lines; the newline that ends the last line does not start another. */
    public static List<String> lines(String output) {
        List<String> lines = new ArrayList<>(List.of(output.split("\n", -1)));
        if (lines.get(lines.size() - 1).isEmpty()) {
            lines.remove(lines.size() - 1);
        }
        return lines;
    }
}
