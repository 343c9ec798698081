package kextshell.shell;

import java.util.OptionalInt;

/**
 * Lets one extension take part in every line the user types; the tutorial engine is the only
 * one today ({@link Session#setHook}). Every method has a do-nothing default. Lines run through
 * {@link Session#executeNested} (a lesson's Setup, a replayed Solution) skip {@link #answer} and
 * {@link #after}; {@link #refuse} is asked for every command, nested or not.
 */
public interface SessionHook {
    /**
     * Before a line is split into words: answer it yourself (write to {@code console}, return the
     * status), or return empty to let the shell run it. Used for a pending {@code [y/N]} question.
     */
    default OptionalInt answer(String line, Console console) {
        return OptionalInt.empty();
    }

    /**
     * Before a known command runs, also the command after {@code sudo}: null lets it run; any
     * other value is printed as an error and the command fails with status 1.
     */
    default String refuse(String command) {
        return null;
    }

    /**
     * After a line ran and the client notices were printed, before listeners see the result:
     * {@code soFar} is the line's output and status; anything written to {@code console} is
     * appended to that output (a lesson's debrief).
     */
    default void after(String line, Result soFar, Console console) {
    }
}
