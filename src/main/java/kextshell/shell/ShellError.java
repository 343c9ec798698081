package kextshell.shell;

/**
 * A command line that cannot run as written: a glob that matches nothing, a redirection whose
 * file cannot be opened. The message is the one line zsh prints; the command does not run.
 */
final class ShellError extends Exception {
    private static final long serialVersionUID = 1L;

    ShellError(String message) {
        super(message, null, false, false);
    }
}
