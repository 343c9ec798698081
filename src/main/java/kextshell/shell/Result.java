package kextshell.shell;

import java.util.List;

/**
 * What one input line produced: its output, stream by stream in the order written, and the exit
 * status, as a shell's {@code $?} would report it. {@link #output()} is what a terminal shows;
 * {@link #stdout()} and {@link #stderr()} are what a redirection or pipe sees. {@code paged}: the
 * line ended in {@code less} or {@code more} writing to the terminal, so an interactive front end
 * shows the stdout in its pager.
 */
public record Result(List<Chunk> chunks, int exitCode, boolean paged) {
    /** A run of text written to one stream. */
    public record Chunk(boolean stderr, String text) {
    }

    public Result {
        chunks = List.copyOf(chunks);
    }

    public Result(List<Chunk> chunks, int exitCode) {
        this(chunks, exitCode, false);
    }

    /** Stdout text only (the common case for tests and for status-only results). */
    public Result(String stdout, int exitCode) {
        this(stdout.isEmpty() ? List.of() : List.of(new Chunk(false, stdout)), exitCode);
    }

    public static Result ok(String output) {
        return new Result(output, 0);
    }

    /** Both streams interleaved, as a terminal shows them. */
    public String output() {
        return join(chunks, null);
    }

    public String stdout() {
        return join(chunks, Boolean.FALSE);
    }

    public String stderr() {
        return join(chunks, Boolean.TRUE);
    }

    /** The chunks' text; only those of one stream when {@code stream} is not null (TRUE = stderr). */
    static String join(List<Chunk> chunks, Boolean stream) {
        StringBuilder sb = new StringBuilder();
        for (Chunk c : chunks) {
            if (stream == null || stream == c.stderr()) {
                sb.append(c.text());
            }
        }
        return sb.toString();
    }
}
