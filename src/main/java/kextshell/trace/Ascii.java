package kextshell.trace;

/** The ASCII stand-ins for the few non-ASCII characters labels use, for dumb terminals. */
final class Ascii {
    private Ascii() {
    }

    static String of(String text) {
        StringBuilder b = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            switch (c) {
                case '×': b.append('x'); break;
                case '·': b.append('-'); break;
                case '→': b.append("->"); break;
                case '…': b.append("..."); break;
                case '↺': b.append("@"); break;
                default: b.append(c < 128 ? c : '?');
            }
        }
        return b.toString();
    }
}
