package kextshell.transcript;

import java.util.Locale;

/**
 * Writes actual output lines so they read back as themselves. A line the grammar would misread
 * ("$ ls" would become an input line, "..." a wildcard) is turned into an escaped {@code (re)}
 * line, the way cram writes {@code (esc)} lines.
 */
public final class Quoting {
    private static final String REGEX_SPECIALS = "\\^$.|?*+()[]{}";

    private Quoting() {
    }

    /** The expected-output line that matches exactly {@code actual}. */
    public static String quote(String actual) {
        return needsQuote(actual) ? escape(actual) + ExpectedLine.REGEX_SUFFIX : actual;
    }

    static boolean needsQuote(String line) {
        return line.equals("$") || line.startsWith("$ ")
                || line.startsWith("? ")
                // reserved for continuation lines (ux-anchors 2.9); quoted so they stay output later
                || line.startsWith("> ")
                || line.equals(ExpectedLine.ELLIPSIS)
                || line.contains(ExpectedLine.INLINE_WILDCARD)
                || line.endsWith(ExpectedLine.REGEX_SUFFIX)
                // would close the kextshell fence
                || line.startsWith("```") || line.startsWith("~~~")
                || hasControl(line);
    }

    private static boolean hasControl(String line) {
        return line.chars().anyMatch(c -> c != '\t' && Character.isISOControl(c));
    }

    /** A Java regex matching {@code text} literally, readable (no \Q..\E) and single-line. */
    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (REGEX_SPECIALS.indexOf(c) >= 0 || c == '`' || c == '~' || (i == 0 && c == '>')) {
                out.append('\\').append(c);
            } else if (c != '\t' && Character.isISOControl(c)) {
                out.append(String.format(Locale.ROOT, "\\x%02x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }
}
