package kextshell.shell.syntax;

/**
 * Input the parser cannot run. {@link #incomplete()} input could still be finished by more lines
 * (an open quote, a here-document without its end line, a trailing {@code |}, {@code &&} or
 * {@code \}); the front ends then prompt with {@link #context()} {@code > } as zsh does
 * ({@code dquote> }, {@code heredoc> }, {@code pipe> }).
 */
public final class ParseException extends Exception {
    private static final long serialVersionUID = 1L;

    private final boolean incomplete;
    private final String context;

    private ParseException(String message, boolean incomplete, String context) {
        super(message, null, false, false);
        this.incomplete = incomplete;
        this.context = context;
    }

    /** A syntax error; the message is zsh's, without the {@code zsh: } prefix. */
    static ParseException error(String message) {
        return new ParseException(message, false, "");
    }

    /** Input that needs more lines; {@code message} is what zsh says if none come. */
    static ParseException incomplete(String context, String message) {
        return new ParseException(message, true, context);
    }

    public boolean incomplete() {
        return incomplete;
    }

    /** zsh's parser state for the continuation prompt: quote, dquote, heredoc, pipe, cmdand, cmdor. */
    public String context() {
        return context;
    }
}
