package kextshell.transcript;

import java.util.List;

/** Every step of one transcript file, in file order, after one run. */
public record TranscriptResult(Transcript transcript, List<StepOutcome> outcomes) {
    public TranscriptResult {
        outcomes = List.copyOf(outcomes);
    }

    public boolean passed() {
        return outcomes.stream().allMatch(StepOutcome::passed);
    }

    public List<StepOutcome> outcomes(Block block) {
        return outcomes.stream().filter(o -> o.block() == block).toList();
    }

    /** The unified diff of every failing step, or "" when everything matched. */
    public String diff() {
        return UnifiedDiff.render(transcript.name(), outcomes);
    }

    /** The unified diff of the failing steps of one block; line numbers still count the whole file. */
    public String diff(Block block) {
        return UnifiedDiff.render(transcript.name(), outcomes, block);
    }
}
