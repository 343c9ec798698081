package kextshell.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Where one command writes: stdout and stderr kept apart, and also in the order they were written
 * (what a terminal shows when both streams go to it). Each {@code out}/{@code err} line ends in '\n'.
 */
public final class Console {
    private final List<Result.Chunk> chunks = new ArrayList<>();
    private StringBuilder open;
    private boolean openIsErr;
    private boolean pagerRequested;
    private final boolean terminal;

    /** A console whose stdout is the terminal (a transcript or the interactive shell). */
    public Console() {
        this(true);
    }

    /** {@code terminal} false: stdout goes to a pipe or a file, as {@code isatty(1)} would say. */
    public Console(boolean terminal) {
        this.terminal = terminal;
    }

    /**
     * Whether stdout is the terminal. Tools that format for a terminal do what the real ones do
     * when it is not: {@code ls} prints one name a line, for example.
     */
    public boolean isTerminal() {
        return terminal;
    }

    /** A line on stdout. */
    public void out(String line) {
        append(false, line).append('\n');
    }

    /** A line on stderr. */
    public void err(String line) {
        append(true, line).append('\n');
    }

    /** Raw stdout text, newline handling left to the caller (ioreg -a, multi-line blocks). */
    public void outRaw(String chunk) {
        append(false, chunk);
    }

    /** Raw text on one stream, as it came (a redirection or pipe passing on another command's output). */
    public void write(boolean toStderr, String text) {
        append(toStderr, text);
    }

    private StringBuilder append(boolean toStderr, String text) {
        if (open == null || openIsErr != toStderr) {
            flushOpen();
            open = new StringBuilder();
            openIsErr = toStderr;
        }
        return open.append(text);
    }

    private void flushOpen() {
        if (open != null && open.length() > 0) {
            chunks.add(new Result.Chunk(openIsErr, open.toString()));
        }
        open = null;
    }

    /** What was written, in order, stream by stream. */
    public List<Result.Chunk> chunks() {
        flushOpen();
        return List.copyOf(chunks);
    }

    /** Both streams interleaved, as a terminal shows them. */
    public String text() {
        return Result.join(chunks(), null);
    }

    /**
     * {@code less} and {@code more} ask for their stdout to be shown in a pager. Only the
     * interactive front end honours it; everywhere else the text simply passes through.
     */
    public void requestPager() {
        pagerRequested = true;
    }

    public boolean pagerRequested() {
        return pagerRequested;
    }

    public boolean isEmpty() {
        return chunks().isEmpty();
    }
}
