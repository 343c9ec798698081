package kextshell.shell.syntax;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.syntax.Ast.AndOr;
import kextshell.shell.syntax.Ast.Part;
import kextshell.shell.syntax.Ast.PartKind;
import kextshell.shell.syntax.Ast.Pipeline;
import kextshell.shell.syntax.Ast.Redirect;
import kextshell.shell.syntax.Ast.RedirectKind;
import kextshell.shell.syntax.Ast.Script;
import kextshell.shell.syntax.Ast.SimpleCommand;
import kextshell.shell.syntax.Ast.Word;

/**
 * A recursive-descent parser for the zsh subset kextshell runs (see docs/shell.md): lists
 * ({@code ;}, newline, {@code &&}, {@code ||}), pipelines ({@code |}, leading {@code !}), words
 * with zsh quoting, {@code $NAME}/{@code ${NAME}}/{@code $?}, {@code ~}, comments, redirections
 * and here-documents. Constructs outside the subset (command substitution, subshells, job
 * control, assignments) are refused with one line that says so, never misread.
 */
public final class Parser {
    private static final String OPERATOR_CHARS = "|&;<>()";

    private final String src;
    private int pos;
    /** Here-documents whose bodies start after the next newline, in the order they were opened. */
    private final List<PendingHereDocument> pending = new ArrayList<>();

    private record PendingHereDocument(List<Redirect> owner, int index, String delimiter, boolean stripTabs) {
    }

    private Parser(String src) {
        this.src = src;
    }

    public static Script parse(String text) throws ParseException {
        return new Parser(text).script();
    }

    /** The literal words (quotes removed, nothing expanded) of text that is one simple command. */
    public static List<String> literalWords(String text) throws ParseException {
        List<SimpleCommand> commands = parse(text).commands();
        if (commands.size() != 1) {
            throw ParseException.error("expected one command");
        }
        return commands.get(0).words().stream().map(Word::literal).toList();
    }

    /**
     * The command names a line runs, in order: each simple command's first word, and after
     * {@code sudo} (and its options) the command sudo runs. A line that does not parse runs none.
     */
    public static List<String> commandNames(String text) {
        List<String> names = new ArrayList<>();
        try {
            for (SimpleCommand c : parse(text).commands()) {
                List<Word> words = c.words();
                int i = 0;
                while (i < words.size()) {
                    String word = words.get(i).literal();
                    names.add(word);
                    if (!word.equals("sudo")) {
                        break;
                    }
                    i++;
                    while (i < words.size() && words.get(i).literal().startsWith("-")) {
                        i++;
                    }
                }
            }
        } catch (ParseException e) {
            return List.of();
        }
        return names;
    }

    // ------------------------------------------------------------------ lists

    private Script script() throws ParseException {
        List<AndOr> items = new ArrayList<>();
        while (true) {
            skipBlanksAndComment();
            if (eof()) {
                break;
            }
            char c = peek();
            if (c == '\n') {
                newline();
                continue;
            }
            if (c == ';' || c == '|' || c == ')' || c == '&' && !startsWith("&>")) {
                throw nearError(c == ';' && startsWith(";;") ? ";;" : String.valueOf(c));
            }
            items.add(andOr());
            skipBlanksAndComment();
            if (eof()) {
                break;
            }
            c = peek();
            if (c == ';') {
                pos++;
                if (!eof() && peek() == ';') {
                    throw nearError(";;");
                }
            } else if (c == '\n') {
                newline();
            } else if (c == '&') {
                throw unsupported("background jobs (&) are");
            } else {
                throw nearError(String.valueOf(c));
            }
        }
        if (!pending.isEmpty()) {
            throw ParseException.incomplete("heredoc",
                    "zsh: here-document '" + pending.get(0).delimiter() + "' has no end line");
        }
        return new Script(items);
    }

    private AndOr andOr() throws ParseException {
        List<Pipeline> pipelines = new ArrayList<>();
        List<String> ops = new ArrayList<>();
        pipelines.add(pipeline());
        while (true) {
            skipBlanks();
            String op = startsWith("&&") ? "&&" : startsWith("||") ? "||" : null;
            if (op == null) {
                return new AndOr(pipelines, ops);
            }
            pos += 2;
            skipBlanksNewlinesAndComments();
            if (eof()) {
                throw ParseException.incomplete(op.equals("&&") ? "cmdand" : "cmdor", "zsh: parse error near `\\n'");
            }
            ops.add(op);
            pipelines.add(pipeline());
        }
    }

    private Pipeline pipeline() throws ParseException {
        skipBlanks();
        boolean negated = false;
        if (peek() == '!' && (pos + 1 >= src.length() || isBlank(src.charAt(pos + 1)))) {
            negated = true;
            pos++;
            skipBlanks();
        }
        List<SimpleCommand> commands = new ArrayList<>();
        commands.add(simpleCommand());
        while (true) {
            skipBlanks();
            if (eof() || peek() != '|' || startsWith("||")) {
                return new Pipeline(commands, negated);
            }
            pos++;
            skipBlanksNewlinesAndComments();
            if (eof()) {
                throw ParseException.incomplete("pipe", "zsh: parse error near `\\n'");
            }
            commands.add(simpleCommand());
        }
    }

    private SimpleCommand simpleCommand() throws ParseException {
        List<Word> words = new ArrayList<>();
        List<Redirect> redirects = new ArrayList<>();
        while (true) {
            skipBlanks();
            if (eof()) {
                break;
            }
            char c = peek();
            if (c == '\n' || c == ';' || c == '|' || c == '&' && !startsWith("&>")) {
                break;
            }
            if (c == '(' || c == ')') {
                throw unsupported("subshells and functions ( ) are");
            }
            if (c == '#') {
                break; // a comment: zsh with INTERACTIVE_COMMENTS, as scripts always have
            }
            if (!redirect(redirects)) {
                Word word = word();
                if (words.isEmpty() && isAssignment(word)) {
                    throw unsupported("parameter assignments (" + word.source() + ") are");
                }
                words.add(word);
            }
        }
        if (words.isEmpty() && redirects.isEmpty()) {
            throw nearError(eof() ? "\\n" : peek() == '\n' ? "\\n" : String.valueOf(peek()));
        }
        return new SimpleCommand(words, redirects);
    }

    private static boolean isAssignment(Word word) {
        if (word.parts().isEmpty() || word.parts().get(0).quoted() || word.parts().get(0).kind() != PartKind.TEXT) {
            return false;
        }
        return word.parts().get(0).text().matches("[A-Za-z_][A-Za-z0-9_]*=.*");
    }

    // ------------------------------------------------------------------ redirections

    /** Reads a redirection at the cursor into {@code into}; false (cursor unmoved) if there is none. */
    private boolean redirect(List<Redirect> into) throws ParseException {
        int start = pos;
        int digits = pos;
        while (digits < src.length() && Character.isDigit(src.charAt(digits))) {
            digits++;
        }
        boolean hasFd = digits > pos;
        if (digits >= src.length() || (src.charAt(digits) != '>' && src.charAt(digits) != '<')) {
            if (hasFd || !startsWith("&>")) {
                return false;
            }
        }
        Integer fd = hasFd ? Integer.valueOf(src.substring(pos, digits)) : null;
        pos = digits;
        if (fd != null && fd > 2) {
            pos = start;
            throw unsupported("file descriptors above 2 are");
        }
        if (startsWith("&>>") || startsWith("&>")) {
            boolean append = startsWith("&>>");
            pos += append ? 3 : 2;
            into.add(new Redirect(append ? RedirectKind.APPEND_BOTH : RedirectKind.WRITE_BOTH, 1, target(), -1, null,
                    false));
        } else if (startsWith("<<")) {
            hereDocument(into);
        } else if (startsWith(">&") || startsWith("<&")) {
            pos += 2;
            if (eof() || !(peek() == '1' || peek() == '2')) {
                throw unsupported("duplicating descriptors other than 1 and 2 is");
            }
            int from = peek() - '0';
            pos++;
            into.add(new Redirect(RedirectKind.DUPLICATE, fd == null ? 1 : fd, null, from, null, false));
        } else if (startsWith(">>")) {
            pos += 2;
            into.add(new Redirect(RedirectKind.APPEND, fd == null ? 1 : fd, target(), -1, null, false));
        } else if (startsWith(">")) {
            pos += startsWith(">|") ? 2 : 1;
            into.add(new Redirect(RedirectKind.WRITE, fd == null ? 1 : fd, target(), -1, null, false));
        } else {
            pos++;
            into.add(new Redirect(RedirectKind.READ, fd == null ? 0 : fd, target(), -1, null, false));
        }
        return true;
    }

    private Word target() throws ParseException {
        skipBlanks();
        if (eof() || peek() == '\n') {
            throw ParseException.error("zsh: parse error near `\\n'");
        }
        if (OPERATOR_CHARS.indexOf(peek()) >= 0) {
            throw nearError(String.valueOf(peek()));
        }
        return word();
    }

    private void hereDocument(List<Redirect> into) throws ParseException {
        pos += 2;
        boolean stripTabs = false;
        if (!eof() && peek() == '-') {
            stripTabs = true;
            pos++;
        }
        Word delimiter = target();
        boolean quoted = delimiter.parts().stream().anyMatch(Part::quoted);
        into.add(new Redirect(RedirectKind.HERE_DOCUMENT, 0, delimiter, -1, null, !quoted));
        pending.add(new PendingHereDocument(into, into.size() - 1, delimiter.literal(), stripTabs));
    }

    /** After a newline: the bodies of the here-documents opened on the line just ended. */
    private void newline() throws ParseException {
        pos++;
        for (PendingHereDocument doc : pending) {
            StringBuilder body = new StringBuilder();
            while (true) {
                if (eof()) {
                    throw ParseException.incomplete("heredoc",
                            "zsh: here-document '" + doc.delimiter() + "' has no end line");
                }
                int end = src.indexOf('\n', pos);
                String line = src.substring(pos, end < 0 ? src.length() : end);
                pos = end < 0 ? src.length() : end + 1;
                String text = doc.stripTabs() ? line.replaceFirst("^\t+", "") : line;
                if (text.equals(doc.delimiter())) {
                    break;
                }
                body.append(text).append('\n');
            }
            Redirect open = doc.owner().get(doc.index());
            doc.owner().set(doc.index(), new Redirect(open.kind(), 0, open.target(), -1, body.toString(), open.expand()));
        }
        pending.clear();
    }

    // ------------------------------------------------------------------ words

    private Word word() throws ParseException {
        int start = pos;
        List<Part> parts = new ArrayList<>();
        StringBuilder text = new StringBuilder();
        if (peek() == '~') {
            pos++;
            int nameStart = pos;
            while (!eof() && (Character.isLetterOrDigit(peek()) || peek() == '_' || peek() == '-')) {
                pos++;
            }
            parts.add(new Part(PartKind.TILDE, src.substring(nameStart, pos), false));
        }
        while (!eof()) {
            char c = peek();
            if (isBlank(c) || c == '\n' || OPERATOR_CHARS.indexOf(c) >= 0) {
                break;
            }
            if (c == '\'') {
                flush(parts, text, false);
                parts.add(new Part(PartKind.TEXT, singleQuoted(), true));
            } else if (c == '"') {
                flush(parts, text, false);
                doubleQuoted(parts);
            } else if (c == '\\') {
                if (pos + 1 >= src.length()) {
                    throw ParseException.incomplete("", "zsh: parse error near `\\n'");
                }
                if (src.charAt(pos + 1) == '\n') {
                    pos += 2; // line continuation
                    continue;
                }
                flush(parts, text, false);
                parts.add(new Part(PartKind.TEXT, String.valueOf(src.charAt(pos + 1)), true));
                pos += 2;
            } else if (c == '$') {
                flush(parts, text, false);
                parameter(parts, false);
            } else if (c == '`') {
                throw unsupported("command substitution (`...`) is");
            } else {
                text.append(c);
                pos++;
            }
        }
        flush(parts, text, false);
        return new Word(parts, src.substring(start, pos));
    }

    private static void flush(List<Part> parts, StringBuilder text, boolean quoted) {
        if (text.length() > 0) {
            parts.add(new Part(PartKind.TEXT, text.toString(), quoted));
            text.setLength(0);
        }
    }

    private String singleQuoted() throws ParseException {
        int close = src.indexOf('\'', pos + 1);
        if (close < 0) {
            throw ParseException.incomplete("quote", "zsh: unmatched '");
        }
        String body = src.substring(pos + 1, close);
        pos = close + 1;
        return body;
    }

    private void doubleQuoted(List<Part> parts) throws ParseException {
        pos++;
        int before = parts.size();
        StringBuilder text = new StringBuilder();
        while (true) {
            if (eof()) {
                throw ParseException.incomplete("dquote", "zsh: unmatched \"");
            }
            char c = peek();
            if (c == '"') {
                pos++;
                break;
            }
            if (c == '\\' && pos + 1 < src.length() && "\"\\$`\n".indexOf(src.charAt(pos + 1)) >= 0) {
                if (src.charAt(pos + 1) != '\n') {
                    text.append(src.charAt(pos + 1));
                }
                pos += 2;
            } else if (c == '$') {
                flush(parts, text, true);
                parameter(parts, true);
            } else if (c == '`') {
                throw unsupported("command substitution (`...`) is");
            } else {
                text.append(c);
                pos++;
            }
        }
        flush(parts, text, true);
        if (parts.size() == before) {
            parts.add(new Part(PartKind.TEXT, "", true)); // "" is still a word
        }
    }

    /** {@code $?}, {@code $NAME}, {@code ${NAME}}; a lone {@code $} is literal. */
    private void parameter(List<Part> parts, boolean quoted) throws ParseException {
        pos++;
        if (eof()) {
            parts.add(new Part(PartKind.TEXT, "$", quoted));
            return;
        }
        char c = peek();
        if (c == '(') {
            throw unsupported("command substitution $(...) and arithmetic $((...)) are");
        }
        if (c == '?' || c == '$' || c == '#') {
            pos++;
            parts.add(new Part(PartKind.PARAMETER, String.valueOf(c), quoted));
        } else if (c == '{') {
            int close = src.indexOf('}', pos);
            if (close < 0) {
                throw ParseException.incomplete("braceparam", "zsh: closing brace expected");
            }
            String name = src.substring(pos + 1, close);
            if (!name.matches("[A-Za-z_][A-Za-z0-9_]*|\\?")) {
                throw unsupported("parameter expansion ${" + name + "} is");
            }
            pos = close + 1;
            parts.add(new Part(PartKind.PARAMETER, name, quoted));
        } else if (Character.isLetter(c) || c == '_') {
            int start = pos;
            while (!eof() && (Character.isLetterOrDigit(peek()) || peek() == '_')) {
                pos++;
            }
            parts.add(new Part(PartKind.PARAMETER, src.substring(start, pos), quoted));
        } else {
            parts.add(new Part(PartKind.TEXT, "$", quoted));
        }
    }

    // ------------------------------------------------------------------ helpers

    private ParseException nearError(String token) {
        return ParseException.error("zsh: parse error near `" + token + "'");
    }

    private static ParseException unsupported(String what) {
        return ParseException.error("kextshell: " + what + " not supported in this shell");
    }

    private void skipBlanks() {
        while (!eof() && isBlank(peek())) {
            pos++;
        }
    }

    private void skipBlanksAndComment() {
        skipBlanks();
        if (!eof() && peek() == '#') {
            while (!eof() && peek() != '\n') {
                pos++;
            }
        }
    }

    private void skipBlanksNewlinesAndComments() throws ParseException {
        while (true) {
            skipBlanksAndComment();
            if (eof() || peek() != '\n') {
                return;
            }
            newline();
        }
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t' || c == '\r';
    }

    private boolean startsWith(String s) {
        return src.startsWith(s, pos);
    }

    private char peek() {
        return eof() ? '\0' : src.charAt(pos);
    }

    private boolean eof() {
        return pos >= src.length();
    }
}
