package kextshell.tools.text;

import com.google.re2j.Pattern;
import com.google.re2j.PatternSyntaxException;
import java.util.List;
import java.util.Set;

/**
 * POSIX regular expressions (BRE, or ERE with {@code -E}) rewritten into RE2 syntax, so grep
 * matches in linear time whatever the learner types. In a BRE {@code \( \) \{ \} \| \+ \?} are the
 * operators and {@code ( ) { } | + ?} are plain characters; {@code *} is literal at the start, as
 * are {@code ^} and {@code $} away from the ends. Bracket expressions keep their POSIX meaning
 * ({@code []a]}, a backslash is literal, {@code [:upper:]}). Mistakes are reported with Darwin
 * Libc's regerror() texts, as grep prints them ({@code errx(2, "%s", re_error)} in grep.c).
 * Back-references ({@code \1}) need backtracking, which RE2 refuses by design: they get one clear line.
 */
final class PosixRegex {
    /** regerror() texts (Libc regex, the REG_* table). */
    static final String EBRACK = "brackets ([ ]) not balanced";
    static final String EPAREN = "parentheses not balanced";
    static final String EBRACE = "braces not balanced";
    static final String BADBR = "invalid repetition count(s)";
    static final String BADRPT = "repetition-operator operand invalid";
    static final String EESCAPE = "trailing backslash (\\)";
    static final String ECTYPE = "invalid character class";
    static final String ERANGE = "invalid character range";
    static final String ECOLLATE = "invalid collating element";
    static final String EMPTY = "empty (sub)expression";
    static final String BADPAT = "invalid regular expression";
    static final String BACKREF = "back-references (\\1 ... \\9) are not supported in kextshell";

    /** RE_DUP_MAX: the largest count an interval may name. */
    private static final int DUP_MAX = 255;
    private static final Set<String> CLASSES = Set.of("alnum", "alpha", "blank", "cntrl", "digit", "graph",
            "lower", "print", "punct", "space", "upper", "xdigit");

    /** A pattern that does not compile, with the message grep prints after {@code grep: }. */
    static final class BadRegex extends Exception {
        private static final long serialVersionUID = 1L;

        BadRegex(String message) {
            super(message, null, false, false);
        }
    }

    private final String p;
    private final boolean extended;
    private final StringBuilder out = new StringBuilder();
    private int i;
    private int depth;
    /** At the start of the expression, a group or a branch: where {@code *} has no operand. */
    private boolean atStart = true;
    /** The last thing written was a repetition operator. */
    private boolean afterRepeat;

    private PosixRegex(String pattern, boolean extended) {
        this.p = pattern;
        this.extended = extended;
    }

    /** Compiles grep patterns (each BRE, ERE or fixed string) into one RE2 pattern matching any of them. */
    static Pattern compile(List<String> patterns, boolean extended, boolean fixed, boolean ignoreCase,
            boolean wholeLine) throws BadRegex {
        StringBuilder any = new StringBuilder();
        for (String pattern : patterns) {
            any.append(any.length() == 0 ? "" : "|").append("(?:")
                    .append(fixed ? Pattern.quote(pattern) : toRe2(pattern, extended)).append(')');
        }
        String re = wholeLine ? "^(?:" + any + ")$" : any.toString();
        try {
            return Pattern.compile(re, Pattern.LONGEST_MATCH | (ignoreCase ? Pattern.CASE_INSENSITIVE : 0));
        } catch (PatternSyntaxException e) {
            throw new BadRegex(regerror(e.getDescription()));
        }
    }

    /** The RE2 form of one BRE or ERE. */
    static String toRe2(String pattern, boolean extended) throws BadRegex {
        PosixRegex r = new PosixRegex(pattern, extended);
        r.translate();
        return r.out.toString();
    }

    /** What RE2's complaint would be called by Darwin's regerror(), for anything the translation let by. */
    static String regerror(String re2Description) {
        String d = String.valueOf(re2Description);
        if (d.contains("]")) {
            return EBRACK;
        }
        if (d.contains(")")) {
            return EPAREN;
        }
        if (d.contains("repeat count")) {
            return BADBR;
        }
        if (d.contains("repetition")) {
            return BADRPT;
        }
        if (d.contains("range")) {
            return ERANGE;
        }
        if (d.contains("character class")) {
            return ECTYPE;
        }
        return d.contains("backslash") ? EESCAPE : BADPAT;
    }

    private void translate() throws BadRegex {
        for (i = 0; i < p.length(); i++) {
            char c = p.charAt(i);
            boolean repeat = false;
            if (c == '\\' && !extended && i + 1 < p.length() && "()|".indexOf(p.charAt(i + 1)) >= 0) {
                group(p.charAt(++i));
                continue;
            } else if (c == '\\') {
                repeat = escape();
            } else if (c == '.') {
                out.append('.');
            } else if (c == '[') {
                bracket();
            } else if (c == '*' || extended && (c == '+' || c == '?')) {
                repeat = repetition(String.valueOf(c));
            } else if (extended && c == '{') {
                repeat = interval('}');
            } else if (c == '^') {
                anchorAtStart();
                continue;
            } else if (c == '$') {
                out.append(extended || atEnd(i + 1) ? "$" : "\\$");
            } else if (extended && "()|".indexOf(c) >= 0) {
                group(c);
                continue;
            } else {
                literal(c);
            }
            atStart = false;
            afterRepeat = repeat;
        }
        if (depth > 0) {
            throw new BadRegex(EPAREN);
        }
    }

    /** A backslash sequence; true when it was a repetition operator. */
    private boolean escape() throws BadRegex {
        if (i + 1 >= p.length()) {
            throw new BadRegex(EESCAPE);
        }
        char d = p.charAt(++i);
        if (!extended) {
            switch (d) {
                case '{' -> {
                    return interval('\\');
                }
                case '+', '?' -> {
                    return repetition(String.valueOf(d));
                }
                default -> {
                }
            }
        }
        if (d >= '1' && d <= '9') {
            throw new BadRegex(BACKREF);
        }
        if (d == '<' || d == '>') {
            out.append("\\b");
        } else if ("wWsSbB".indexOf(d) >= 0) {
            out.append('\\').append(d);
        } else {
            literal(d);
        }
        return false;
    }

    /** {@code ( ) |} in an ERE, {@code \( \) \|} in a BRE. */
    private void group(char c) throws BadRegex {
        if (c == '(') {
            if (extended && i + 1 < p.length() && p.charAt(i + 1) == ')') {
                throw new BadRegex(EMPTY);
            }
            depth++;
            out.append('(');
        } else if (c == ')') {
            if (depth == 0) {
                throw new BadRegex(EPAREN);
            }
            depth--;
            out.append(')');
        } else {
            out.append('|');
        }
        atStart = c != ')';
        afterRepeat = false;
    }

    private boolean repetition(String op) throws BadRegex {
        if (atStart) {
            if (extended) {
                throw new BadRegex(BADRPT);
            }
            literal(op.charAt(0));
            return false;
        }
        if (afterRepeat) {
            // a** is a*; other stacked operators would change meaning in RE2 (a+? is lazy there).
            if (op.equals("*") && out.charAt(out.length() - 1) == '*') {
                return true;
            }
            throw new BadRegex(BADRPT);
        }
        out.append(op);
        return true;
    }

    /** {@code {m}}, {@code {m,}} or {@code {m,n}} (in a BRE {@code \{...\}}); {@code close} is '}' or '\\'. */
    private boolean interval(char close) throws BadRegex {
        if (atStart || afterRepeat) {
            throw new BadRegex(BADRPT);
        }
        String end = close == '\\' ? "\\}" : "}";
        int stop = p.indexOf(end, i + 1);
        if (stop < 0) {
            throw new BadRegex(EBRACE);
        }
        String body = p.substring(i + 1, stop);
        if (!body.matches("[0-9]{1,3}(,[0-9]{0,3})?")) {
            throw new BadRegex(BADBR);
        }
        String[] bounds = body.split(",", -1);
        int min = Integer.parseInt(bounds[0]);
        int max = bounds.length == 1 ? min : bounds[1].isEmpty() ? -1 : Integer.parseInt(bounds[1]);
        if (min > DUP_MAX || max > DUP_MAX || max >= 0 && max < min) {
            throw new BadRegex(BADBR);
        }
        out.append('{').append(body).append('}');
        i = stop + end.length() - 1;
        return true;
    }

    private void anchorAtStart() {
        if (extended || atStart) {
            out.append('^');
        } else {
            out.append("\\^");
            atStart = false;
        }
        afterRepeat = false;
    }

    /** In a BRE, {@code $} anchors only at the end of the expression, a group or a branch. */
    private boolean atEnd(int next) {
        return next >= p.length() || p.startsWith("\\)", next) || p.startsWith("\\|", next);
    }

    private void literal(char c) {
        if ("\\.+*?()|[]{}^$".indexOf(c) >= 0) {
            out.append('\\');
        }
        out.append(c);
    }

    /** A bracket expression, copied with POSIX's rules made explicit for RE2. */
    private void bracket() throws BadRegex {
        int j = i + 1;
        out.append('[');
        if (j < p.length() && p.charAt(j) == '^') {
            out.append('^');
            j++;
        }
        if (j < p.length() && p.charAt(j) == ']') {
            out.append("\\]");
            j++;
        }
        while (true) {
            if (j >= p.length()) {
                throw new BadRegex(EBRACK);
            }
            char c = p.charAt(j);
            if (c == ']') {
                break;
            }
            if (c == '[' && j + 1 < p.length() && ":.=".indexOf(p.charAt(j + 1)) >= 0) {
                j = bracketTerm(j, p.charAt(j + 1));
                continue;
            }
            if (c == '\\' || c == '[') {
                out.append('\\');
            }
            out.append(c);
            j++;
        }
        out.append(']');
        i = j;
    }

    /** {@code [:class:]}, {@code [.c.]} or {@code [=c=]} at {@code j}; returns the index after it. */
    private int bracketTerm(int j, char kind) throws BadRegex {
        int stop = p.indexOf(kind + "]", j + 2);
        if (stop < 0) {
            throw new BadRegex(EBRACK);
        }
        String name = p.substring(j + 2, stop);
        if (kind == ':') {
            if (!CLASSES.contains(name)) {
                throw new BadRegex(ECTYPE);
            }
            out.append("[:").append(name).append(":]");
        } else if (name.length() == 1) {
            out.append(name.charAt(0) == '\\' || name.charAt(0) == ']' || name.charAt(0) == '[' ? "\\" : "").append(name);
        } else {
            throw new BadRegex(ECOLLATE);
        }
        return stop + 2;
    }
}
