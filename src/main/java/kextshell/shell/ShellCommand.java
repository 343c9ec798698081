package kextshell.shell;

import java.util.List;

/** One command the shell knows: an emulated macOS tool or a kextshell built-in. */
public interface ShellCommand {
    /** {@link #group()} for the emulated macOS commands (kextload, ioreg, ps, ...). */
    String MACOS_TOOLS = "macOS tools";

    /** {@link #group()} for the shell's own commands (help, exit, tutorial, hint, ...). */
    String KEXTSHELL = "kextshell";

    /** The word the user types. */
    String name();

    /** One line for {@code help}. */
    String summary();

    /** Runs with the words after the command name; returns the exit status. Never throws for bad input. */
    int run(Invocation invocation, List<String> args);

    /** The heading {@code help} lists this command under; emulated tools return {@link #MACOS_TOOLS}. */
    default String group() {
        return KEXTSHELL;
    }

    /**
     * Whether running this command can change the session's state (the kernel, processes, files,
     * the clock). The tutorial's {@code undo} skips commands that only read. Unknown means yes.
     */
    default boolean changesState() {
        return true;
    }

    /** The options tab completion offers for this command, e.g. {@code -b}, {@code -v}, {@code -h}. */
    default List<String> options() {
        return List.of();
    }

    /**
     * What kind of value tab completion should offer for the word that follows {@code previousWord}
     * (for the first argument, {@code previousWord} is the command name itself). For example
     * kextunload returns {@link CompletionKind#BUNDLE_ID} after {@code -b}. {@link CompletionKind#NONE}
     * means "offer {@link #options()}".
     */
    default CompletionKind completionFor(String previousWord) {
        return CompletionKind.NONE;
    }

    /**
     * What {@code help CMD} (and {@code CMD -h}, where the real tool has -h) prints, without running
     * the command: usage lines first. The default reads the command's manual page
     * ({@code man/NAME.txt}): its synopsis as usage lines, the summary and the options.
     */
    default List<String> help() {
        return ManPage.helpOf(this);
    }
}
