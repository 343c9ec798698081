package kextshell.text;

/**
 * Makes control characters visible the way {@code cat -v} does: {@code ESC} becomes {@code ^[},
 * DEL {@code ^?}, a C1 control such as U+009B (CSI) {@code M-^[}. Text read from a file (a
 * transcript being replayed, a lesson) goes through here before it reaches a terminal, so a file
 * cannot set the window title, write the clipboard (OSC 52) or clear the screen. Tabs and
 * newlines are layout, not escapes, and pass unchanged; so does every printable character,
 * including non-ASCII ones such as the tutorial's check marks.
 */
public final class Visible {
    private Visible() {
    }

    public static String escape(String text) {
        if (text == null || !needsEscape(text)) {
            return text;
        }
        StringBuilder b = new StringBuilder(text.length() + 8);
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '\t' || c == '\n') {
                b.append(c);
            } else if (c < 0x20) {
                b.append('^').append((char) (c + 64));
            } else if (c == 0x7f) {
                b.append("^?");
            } else if (c >= 0x80 && c < 0xa0) {
                b.append("M-^").append((char) (c - 0x80 + 64));
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private static boolean needsEscape(String text) {
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if ((c < 0x20 && c != '\t' && c != '\n') || (c >= 0x7f && c < 0xa0)) {
                return true;
            }
        }
        return false;
    }
}
