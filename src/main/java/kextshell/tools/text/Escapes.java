package kextshell.tools.text;

/**
 * Backslash escapes as zsh's echo and printf read them (Src/utils.c getkeystring) and as tr reads
 * its sets (str.c backslash()): {@code \a \b \e \f \n \r \t \v \\}, octal, {@code \xHH}, and in
 * echo and printf {@code \c}, which ends all output.
 */
final class Escapes {
    /** echo: octal is {@code \0NNN}; printf and tr: {@code \NNN}. */
    enum Style { ECHO, PRINTF }

    /** The decoded text, and whether a {@code \c} cut it short. */
    record Decoded(String text, boolean stop) {
    }

    private Escapes() {
    }

    static Decoded decode(String s, Style style) {
        StringBuilder out = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c != '\\' || i + 1 >= s.length()) {
                out.append(c);
                continue;
            }
            char d = s.charAt(++i);
            int simple = "abefnrtv\\".indexOf(d);
            if (simple >= 0) {
                out.append("\u0007\b\u001b\f\n\r\t\u000b\\".charAt(simple));
            } else if (d == 'c') {
                return new Decoded(out.toString(), true);
            } else if (d == 'x' && i + 1 < s.length() && hex(s.charAt(i + 1))) {
                int end = Math.min(s.length(), i + 3);
                int j = i + 1;
                while (j < end && hex(s.charAt(j))) {
                    j++;
                }
                out.append((char) Integer.parseInt(s.substring(i + 1, j), 16));
                i = j - 1;
            } else if (style == Style.ECHO ? d == '0' : d >= '0' && d <= '7') {
                int start = style == Style.ECHO ? i + 1 : i;
                int j = start;
                while (j < Math.min(s.length(), start + 3) && s.charAt(j) >= '0' && s.charAt(j) <= '7') {
                    j++;
                }
                out.append(j == start ? '\0' : (char) (Integer.parseInt(s.substring(start, j), 8) & 0xff));
                i = j - 1;
            } else {
                out.append('\\').append(d);
            }
        }
        return new Decoded(out.toString(), false);
    }

    private static boolean hex(char c) {
        return Character.digit(c, 16) >= 0;
    }
}
