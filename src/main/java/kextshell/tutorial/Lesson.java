package kextshell.tutorial;

import java.nio.file.Path;
import java.util.List;
import kextshell.transcript.Block;
import kextshell.transcript.Transcript;

/**
 * One parsed lesson file (see docs/tutorials.md). Pure data: nothing in a lesson is executed
 * except its Setup and Solution blocks, and those only as shell input lines.
 *
 * @param file       where it was read from (null for text parsed in tests)
 * @param transcript the whole file as a transcript; its two blocks are {@code setup} and {@code solution}
 */
public record Lesson(Path file, String id, String title, List<String> requires, List<String> allow, long seed,
        boolean seedPerLearner, String story, List<Goal> goals, List<String> hints, String debrief, Transcript transcript, Block setup,
        Block solution) {
    public Lesson {
        requires = List.copyOf(requires);
        allow = List.copyOf(allow);
        goals = List.copyOf(goals);
        hints = List.copyOf(hints);
    }

    /** One goal item: the text the learner reads and the predicate that decides it. */
    public record Goal(int line, String text, Check check) {
    }

    /** The file name used in messages, e.g. {@code tutorials/00-welcome.md}. */
    public String name() {
        return transcript.name();
    }
}
