package kextshell.shell;

/**
 * One output stream per command run. stdout and stderr are interleaved in the order they are
 * written, as a terminal shows them; the stream of each line is kept for tools that care.
 */
public final class Console {
    private final StringBuilder text = new StringBuilder();

    /** A line on stdout. */
    public void out(String line) {
        text.append(line).append('\n');
    }

    /** A line on stderr. */
    public void err(String line) {
        text.append(line).append('\n');
    }

    /** Raw stdout text, newline handling left to the caller (ioreg -a, multi-line blocks). */
    public void outRaw(String chunk) {
        text.append(chunk);
    }

    public String text() {
        return text.toString();
    }

    public boolean isEmpty() {
        return text.length() == 0;
    }
}
