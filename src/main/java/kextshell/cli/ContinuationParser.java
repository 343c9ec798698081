package kextshell.cli;

import org.jline.reader.EOFError;
import org.jline.reader.ParsedLine;
import org.jline.reader.impl.DefaultParser;
import kextshell.shell.Session;

/**
 * Enter on an unfinished line (an open quote or here-document, a trailing {@code |}, {@code &&} or
 * backslash) asks for another line, with zsh's continuation prompt naming what is open:
 * {@code dquote> }, {@code quote> }, {@code heredoc> }, {@code pipe> }, {@code cmdand> }, or
 * {@code > } after a backslash. The lines then run together, as one input.
 */
final class ContinuationParser extends DefaultParser {
    /** JLine's secondary prompt: %M is the "missing" text of the EOFError thrown below. */
    static final String PROMPT_PATTERN = "%M> ";

    ContinuationParser() {
        setEofOnUnclosedQuote(false);
        setEofOnEscapedNewLine(false);
    }

    @Override
    public ParsedLine parse(String line, int cursor, ParseContext context) {
        if (context == ParseContext.ACCEPT_LINE || context == ParseContext.SECONDARY_PROMPT) {
            Session.continuation(line).ifPresent(open -> {
                throw new EOFError(-1, -1, "incomplete input", open);
            });
        }
        return super.parse(line, cursor, context);
    }
}
