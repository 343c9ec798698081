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
    PID
}
