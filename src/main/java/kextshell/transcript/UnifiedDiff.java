package kextshell.transcript;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Prints failing steps as unified diffs whose line numbers are the transcript file's: '-' lines
 * carry the file line they are on, '+' lines the line they would be on after --update. One
 * {@code --- file:line} header per failing step, where line is the step's {@code $} line.
 */
final class UnifiedDiff {
    private static final int CONTEXT = 3;

    private UnifiedDiff() {
    }

    static String render(String name, List<StepOutcome> outcomes) {
        return render(name, outcomes, null);
    }

    /** Diffs of the failing steps (of {@code only} when it is not null). */
    static String render(String name, List<StepOutcome> outcomes, Block only) {
        StringBuilder out = new StringBuilder();
        int delta = 0; // lines added minus lines removed by earlier steps: shifts the '+' numbers
        for (StepOutcome outcome : outcomes) {
            if (outcome.passed()) {
                continue;
            }
            List<StepOutcome.Change> changes = outcome.changes();
            if (only == null || outcome.block() == only) {
                out.append("--- ").append(name).append(':').append(outcome.step().line()).append('\n');
                out.append("+++ actual\n");
                hunks(changes, outcome.step().line(), delta, out);
            }
            for (StepOutcome.Change c : changes) {
                delta += c.sign() == '+' ? 1 : c.sign() == '-' ? -1 : 0;
            }
        }
        return out.toString();
    }

    /** Standard hunks: runs of changes with up to CONTEXT unchanged lines around them. */
    private static void hunks(List<StepOutcome.Change> lines, int firstLine, int delta, StringBuilder out) {
        int size = lines.size();
        int[] oldNo = new int[size];
        int[] newNo = new int[size];
        int oldPos = firstLine;
        int newPos = firstLine + delta;
        for (int k = 0; k < size; k++) {
            oldNo[k] = oldPos;
            newNo[k] = newPos;
            char sign = lines.get(k).sign();
            oldPos += sign == '+' ? 0 : 1;
            newPos += sign == '-' ? 0 : 1;
        }
        int k = 0;
        while (k < size) {
            if (lines.get(k).sign() == ' ') {
                k++;
                continue;
            }
            int start = Math.max(0, k - CONTEXT);
            int end = k; // exclusive end of the hunk, grown while changes are close together
            int lastChange = k;
            while (end < size && end - lastChange <= 2 * CONTEXT) {
                if (lines.get(end).sign() != ' ') {
                    lastChange = end;
                }
                end++;
            }
            end = Math.min(size, lastChange + 1 + CONTEXT);
            hunk(lines.subList(start, end), oldNo[start], newNo[start], out);
            k = end;
        }
    }

    private static void hunk(List<StepOutcome.Change> lines, int oldStart, int newStart, StringBuilder out) {
        int oldCount = 0;
        int newCount = 0;
        List<String> body = new ArrayList<>();
        for (StepOutcome.Change c : lines) {
            oldCount += c.sign() == '+' ? 0 : 1;
            newCount += c.sign() == '-' ? 0 : 1;
            body.add(c.sign() + c.text());
        }
        // diff(1) convention: an empty side names the line before it
        out.append(String.format(Locale.ROOT, "@@ -%d,%d +%d,%d @@\n",
                oldCount == 0 ? oldStart - 1 : oldStart, oldCount,
                newCount == 0 ? newStart - 1 : newStart, newCount));
        for (String line : body) {
            out.append(line).append('\n');
        }
    }
}
