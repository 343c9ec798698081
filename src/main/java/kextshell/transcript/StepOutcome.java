package kextshell.transcript;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.InputEcho;

/**
 * What one step produced compared with what the file expects.
 *
 * @param block     the block the step belongs to
 * @param output    actual output split into lines (a missing final newline is not recorded)
 * @param status    actual exit status
 * @param alignment expected lines against {@code output}
 */
public record StepOutcome(Block block, Step step, List<String> output, int status, Alignment alignment) {
    public StepOutcome {
        output = List.copyOf(output);
    }

    public boolean passed() {
        return alignment.matches() && status == step.expectedStatus();
    }

    /** One line of the step's part of the file, before ('-'), after ('+') or both (' '). */
    public record Change(char sign, String text, int fileLine) {
    }

    /**
     * The step's lines as --update would rewrite them: the {@code $} line, then expected vs
     * actual output, then the status line. {@code fileLine} is set for lines now in the file.
     */
    public List<Change> changes() {
        List<Change> lines = new ArrayList<>();
        List<String> shown = InputEcho.lines(step.input());
        for (int i = 0; i < shown.size(); i++) {
            lines.add(new Change(' ', shown.get(i), step.line() + i));
        }
        for (Alignment.Op op : alignment.ops()) {
            switch (op.kind()) {
                case MATCH:
                case ELLIPSIS:
                    lines.add(new Change(' ', op.expected().text(), op.expected().line()));
                    break;
                case DELETE:
                    lines.add(new Change('-', op.expected().text(), op.expected().line()));
                    break;
                case INSERT:
                    lines.add(new Change('+', Quoting.quote(op.actual()), 0));
                    break;
                default:
                    break; // ABSORB: covered by the "..." line, not a line of its own
            }
        }
        String expectedStatus = "? " + step.expectedStatus();
        if (status == step.expectedStatus()) {
            if (step.statusLine() != 0) {
                lines.add(new Change(' ', expectedStatus, step.statusLine()));
            }
        } else {
            if (step.statusLine() != 0) {
                lines.add(new Change('-', expectedStatus, step.statusLine()));
            }
            if (status != 0) {
                lines.add(new Change('+', "? " + status, 0));
            }
        }
        return lines;
    }
}
