package kextshell.transcript;

import java.util.ArrayList;
import java.util.List;

/** Splits file text into lines that keep their terminators, so text can be rebuilt byte for byte. */
final class SourceLines {
    private SourceLines() {
    }

    static List<String> split(String text) {
        List<String> lines = new ArrayList<>();
        int from = 0;
        int nl;
        while ((nl = text.indexOf('\n', from)) >= 0) {
            lines.add(text.substring(from, nl + 1));
            from = nl + 1;
        }
        if (from < text.length()) {
            lines.add(text.substring(from));
        }
        return lines;
    }

    /** The line without "\n" or "\r\n", which is what the grammar looks at. */
    static String content(String raw) {
        if (raw.endsWith("\r\n")) {
            return raw.substring(0, raw.length() - 2);
        }
        if (raw.endsWith("\n")) {
            return raw.substring(0, raw.length() - 1);
        }
        return raw;
    }
}
