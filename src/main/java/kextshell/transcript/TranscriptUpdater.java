package kextshell.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Blesses a transcript: replaces each step's expected output and status with what actually ran,
 * keeping the wildcard, {@code ...} and {@code (re)} lines that still match. Prose, headings,
 * fences and {@code $} lines are copied byte for byte, and a file that already passes comes back
 * identical.
 */
public final class TranscriptUpdater {
    private TranscriptUpdater() {
    }

    /** The file text after blessing. */
    public static String update(TranscriptResult result) {
        Transcript transcript = result.transcript();
        List<String> raw = new ArrayList<>(transcript.rawLines());
        String eol = transcript.lineEnding();
        List<StepOutcome> outcomes = result.outcomes();
        // from the last step backwards, so the line numbers of earlier steps stay valid
        for (int s = outcomes.size() - 1; s >= 0; s--) {
            StepOutcome outcome = outcomes.get(s);
            if (outcome.passed()) {
                continue;
            }
            Step step = outcome.step();
            List<String> replacement = new ArrayList<>();
            for (StepOutcome.Change change : outcome.changes()) {
                if (change.sign() == '-') {
                    continue;
                }
                if (change.fileLine() >= step.line() && change.fileLine() < step.line() + step.inputLines()) {
                    continue; // the "$" line and its "> " continuations are not rewritten
                }
                // unchanged lines keep their original bytes (terminator included)
                replacement.add(change.fileLine() != 0 ? raw.get(change.fileLine() - 1) : change.text() + eol);
            }
            List<String> region = raw.subList(step.line() - 1 + step.inputLines(), step.endLine() - 1);
            region.clear();
            region.addAll(replacement);
        }
        return String.join("", raw);
    }
}
