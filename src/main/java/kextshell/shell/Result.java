package kextshell.shell;

/**
 * What one input line produced: the interleaved stdout/stderr text (each line ends in '\n')
 * and the exit status, as a shell's {@code $?} would report it.
 */
public record Result(String output, int exitCode) {
    public static Result ok(String output) {
        return new Result(output, 0);
    }
}
