package kextshell.transcript;

import java.util.List;

/**
 * One runnable {@code ```kextshell} fence. Blocks of a file share one session, so a block is a
 * reporting unit (one JUnit test), not an isolation unit.
 *
 * @param line    file line of the opening fence
 * @param heading text of the nearest Markdown heading above the fence, or "" when there is none
 */
public record Block(int line, String heading, List<Step> steps) {
    public Block {
        steps = List.copyOf(steps);
    }

    /** A display name: the heading, or the fence's line when the file has no heading above it. */
    public String name() {
        return heading.isEmpty() ? "block at line " + line : heading;
    }
}
