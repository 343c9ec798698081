package kextshell.shell;

/** The kinds of value the session can offer for tab completion; see {@link Session#completionValues}. */
public enum CompletionKind {
    /** No value: offer the command's options instead. */
    NONE,
    /** A command name (after {@code help}, {@code sudo}). */
    COMMAND,
    /** A kext bundle identifier, e.g. {@code com.example.driver.Widget}. */
    BUNDLE_ID,
    /** A path to a {@code .kext} bundle. */
    KEXT_PATH,
    /** An IOKit registry class name, e.g. {@code IOService}. */
    CLASS,
    /** A process id of a running (simulated) client. */
    PID,
    /**
     * A path in the session's files: the entries of the folder the partial word names, folders
     * ending in '/' (see {@link PathCompletions}).
     */
    PATH,
    /** A folder in the session's files, for {@code cd}: like {@link #PATH} without the files. */
    DIRECTORY,
    /** A tutorial lesson id, e.g. {@code 00-welcome}. */
    LESSON,
    /** A strategy name for {@code compare --strategy}. */
    STRATEGY,
    /** A scenario name for {@code compare --scenario}. */
    SCENARIO;

    /**
     * What comes after {@code previousWord} for a command whose value-taking options are
     * {@code byOption}: that option's kind, nothing after another option, else {@code operand}
     * (the kind of the command's plain arguments; {@code previousWord} is the command name for the
     * first one).
     */
    public static CompletionKind after(String previousWord, String command,
            java.util.Map<String, CompletionKind> byOption, CompletionKind operand) {
        CompletionKind kind = byOption.get(previousWord);
        if (kind != null) {
            return kind;
        }
        return previousWord.startsWith("-") && !previousWord.equals(command) ? NONE : operand;
    }
}
