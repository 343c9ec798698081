package kextshell.transcript;

import com.google.re2j.Pattern;

/**
 * One expected output line as written in a transcript, already classified so that matching is a
 * single call. Exact text is the default; every wildcard is visible in the file.
 */
public record ExpectedLine(int line, String text, Kind kind, Pattern pattern) {
    /** A literal {@code [..]} inside a line matches any run of characters (possibly none). */
    public static final String INLINE_WILDCARD = "[..]";
    /** A line that is exactly this matches zero or more whole lines. */
    public static final String ELLIPSIS = "...";
    /**
     * A line ending in this suffix is a regex for the whole line (suffix removed), in RE2 syntax
     * (RE2/J): matching takes time linear in the line whatever the pattern, so a crafted
     * transcript such as {@code ((a+)+)+b} cannot hang a replay; backreferences and lookaround,
     * which need backtracking, are rejected when the file is read.
     */
    public static final String REGEX_SUFFIX = " (re)";

    public enum Kind { EXACT, INLINE, REGEX, ELLIPSIS }

    /** True when this single expected line accepts the single actual line (never for ELLIPSIS). */
    public boolean matches(String actual) {
        switch (kind) {
            case EXACT:
                return text.equals(actual);
            case INLINE:
            case REGEX:
                return pattern.matcher(actual).matches();
            default:
                return false;
        }
    }

    public boolean isEllipsis() {
        return kind == Kind.ELLIPSIS;
    }

    /** The pattern for a line containing {@code [..]}: literal pieces joined by {@code .*}. */
    static Pattern inlinePattern(String text) {
        StringBuilder regex = new StringBuilder();
        int from = 0;
        int at;
        while ((at = text.indexOf(INLINE_WILDCARD, from)) >= 0) {
            regex.append(Pattern.quote(text.substring(from, at))).append(".*");
            from = at + INLINE_WILDCARD.length();
        }
        regex.append(Pattern.quote(text.substring(from)));
        return Pattern.compile(regex.toString(), Pattern.DOTALL);
    }
}
