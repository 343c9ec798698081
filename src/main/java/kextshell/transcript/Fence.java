package kextshell.transcript;

/**
 * A Markdown code-fence line (CommonMark rules, simplified): three or more backticks or tildes,
 * indented by at most three spaces. All fences are tracked, not only kextshell ones, so that an
 * example transcript shown inside a {@code ````markdown} fence is not run.
 */
record Fence(char marker, int length, int indent, String info) {
    /** The fence opened or closed by this line, or null when the line is not a fence. */
    static Fence of(String line) {
        int indent = 0;
        while (indent < line.length() && indent < 4 && line.charAt(indent) == ' ') {
            indent++;
        }
        if (indent > 3 || indent >= line.length()) {
            return null;
        }
        char marker = line.charAt(indent);
        if (marker != '`' && marker != '~') {
            return null;
        }
        int end = indent;
        while (end < line.length() && line.charAt(end) == marker) {
            end++;
        }
        int length = end - indent;
        String info = line.substring(end).strip();
        if (length < 3 || (marker == '`' && info.indexOf('`') >= 0)) {
            return null;
        }
        return new Fence(marker, length, indent, info);
    }

    /** True when {@code line} closes a block opened by this fence. */
    boolean closedBy(String line) {
        Fence other = of(line);
        return other != null && other.marker == marker && other.length >= length && other.info.isEmpty();
    }

    /** True when the info string's first word is exactly {@code kextshell}. */
    boolean isKextshell() {
        return info.equals("kextshell") || info.startsWith("kextshell ") || info.startsWith("kextshell\t");
    }
}
