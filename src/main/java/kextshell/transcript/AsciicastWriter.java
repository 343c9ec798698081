package kextshell.transcript;

import java.util.Locale;

/**
 * Builds an asciinema v2 recording (asciicast v2: a JSON header line, then one
 * {@code [time, "o", text]} line per output event). Times are seconds of the session's virtual
 * clock, so the same session gives the same bytes; {@code idle_time_limit} keeps a
 * {@code sleep 60} from stalling playback. No timestamp of the real time is written.
 */
public final class AsciicastWriter {
    /** Longest pause a player keeps, in seconds. */
    static final int IDLE_TIME_LIMIT = 2;

    private final StringBuilder text = new StringBuilder();

    public AsciicastWriter(int width, int height, String title) {
        text.append("{\"version\": 2, \"width\": ").append(width).append(", \"height\": ").append(height)
                .append(", \"idle_time_limit\": ").append(IDLE_TIME_LIMIT)
                .append(", \"title\": ").append(json(title))
                .append(", \"env\": {\"SHELL\": \"/bin/zsh\", \"TERM\": \"xterm-256color\"}}\n");
    }

    /** Terminal output at {@code seconds}; bare '\n' become "\r\n" as a terminal would receive them. */
    public void output(double seconds, String data) {
        text.append('[').append(String.format(Locale.ROOT, "%.6f", seconds)).append(", \"o\", ")
                .append(json(data.replace("\r\n", "\n").replace("\n", "\r\n"))).append("]\n");
    }

    public String text() {
        return text.toString();
    }

    /** A JSON string literal (RFC 8259): quote, backslash and control characters escaped. */
    static String json(String s) {
        StringBuilder b = new StringBuilder(s.length() + 2).append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"': b.append("\\\""); break;
                case '\\': b.append("\\\\"); break;
                case '\n': b.append("\\n"); break;
                case '\r': b.append("\\r"); break;
                case '\t': b.append("\\t"); break;
                default:
                    if (c < 0x20) {
                        b.append(String.format(Locale.ROOT, "\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.append('"').toString();
    }
}
