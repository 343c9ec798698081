package kextshell.shell;

import java.util.List;

/** One command the shell knows: an emulated macOS tool or a kextshell built-in. */
public interface ShellCommand {
    /** The word the user types. */
    String name();

    /** One line for {@code help}. */
    String summary();

    /** Runs with the words after the command name; returns the exit status. Never throws for bad input. */
    int run(Invocation invocation, List<String> args);
}
