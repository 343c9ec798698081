package kextshell.tools.text;

/**
 * Numbers as the BSD text tools read them and the pieces of text they cut, scanning the one string
 * they were given instead of splitting it into lines.
 */
final class Counts {
    private Counts() {
    }

    /**
     * A count like {@code strtol(optarg, &ep, 10)} that must use every character: null when it
     * does not (the tool then prints its "illegal ... count" error). Saturates like strtol.
     */
    static Long parse(String word) {
        if (!word.matches("[+-]?[0-9]+")) {
            return null;
        }
        try {
            return Long.parseLong(word);
        } catch (NumberFormatException e) {
            return word.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    /** The first {@code n} lines (each with its newline; a last line without one stays so). */
    static String firstLines(String text, long n) {
        int end = 0;
        for (long k = 0; k < n; k++) {
            int nl = text.indexOf('\n', end);
            if (nl < 0) {
                return text;
            }
            end = nl + 1;
        }
        return text.substring(0, end);
    }

    /** The last {@code n} lines, found from the end: {@code tail -1} never reads the front. */
    static String lastLines(String text, long n) {
        if (n <= 0) {
            return "";
        }
        int pos = text.length() - (text.endsWith("\n") ? 1 : 0);
        for (long k = 0; k < n; k++) {
            int nl = pos > 0 ? text.lastIndexOf('\n', pos - 1) : -1;
            if (nl < 0) {
                return text;
            }
            pos = nl;
        }
        return text.substring(pos + 1);
    }

    /** Everything from line {@code n} (1-based) on. */
    static String fromLine(String text, long n) {
        int start = 0;
        for (long k = 1; k < n; k++) {
            int nl = text.indexOf('\n', start);
            if (nl < 0) {
                return "";
            }
            start = nl + 1;
        }
        return text.substring(start);
    }

    /** A character offset clamped into the text. */
    static int clamp(String text, long offset) {
        return (int) Math.max(0, Math.min(text.length(), offset));
    }

    /** The length of {@code text} in UTF-8 bytes, as {@code wc -c} counts it. */
    static long utf8Bytes(String text) {
        long bytes = 0;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c < 0x80) {
                bytes++;
            } else if (c < 0x800) {
                bytes += 2;
            } else if (Character.isHighSurrogate(c) && i + 1 < text.length() && Character.isLowSurrogate(text.charAt(i + 1))) {
                bytes += 4;
                i++;
            } else {
                bytes += 3;
            }
        }
        return bytes;
    }
}
