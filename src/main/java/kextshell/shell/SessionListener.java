package kextshell.shell;

import java.util.OptionalInt;
import java.util.function.BiConsumer;
import kextshell.kernel.Kernel;

/**
 * Something that runs around every command: the tutorial engine, a recording, {@code log stream}.
 * Every method has a do-nothing default. Lines run through {@link Session#executeNested} (a
 * lesson's Setup, a replayed Solution) skip {@link #answer}, {@link #after} and {@link #executed};
 * {@link #refuse} and {@link #afterCommand} see every line.
 */
public interface SessionListener {
    /**
     * Before a line is parsed: answer it yourself (write to {@code console}, return the status), or
     * return empty to let the shell run it. Used for a pending {@code [y/N]} question.
     */
    default OptionalInt answer(String line, Console console) {
        return OptionalInt.empty();
    }

    /**
     * Before a known command runs, also the command after {@code sudo}: null lets it run; any other
     * value is printed as an error and the command fails with status 1.
     */
    default String refuse(String command) {
        return null;
    }

    /** After every line, once client notices are printed: what it writes is part of the line's output. */
    default void afterCommand(Console console) {
    }

    /** After a typed line ran: {@code soFar} is its output and status; what it writes is appended (a debrief). */
    default void after(String line, Result soFar, Console console) {
    }

    /** The final result of a typed line (a recording keeps it). */
    default void executed(String line, Result result) {
    }

    /** The session threw its kernel away and booted {@code current} (reset, lesson start, undo). */
    default void kernelReplaced(Kernel previous, Kernel current) {
    }

    /** A word the prompt shows before {@code user@host} while it applies (the active lesson), or "". */
    default String promptTag() {
        return "";
    }

    /** A listener that only wants each typed line's final result. */
    static SessionListener onExecuted(BiConsumer<String, Result> action) {
        return new SessionListener() {
            @Override
            public void executed(String line, Result result) {
                action.accept(line, result);
            }
        };
    }
}
