package kextshell.tools.files;

/**
 * cat's -b -e -n -s -t -v, after cat.c cook_cat() (FreeBSD, as in macOS): -n numbers lines as
 * {@code "%6d\t"}, -b numbers only non-empty ones, -s squeezes runs of empty lines into one, -e
 * marks line ends with {@code $}, -t shows tabs as {@code ^I}, -v shows control characters as
 * {@code ^X} and DEL as {@code ^?} (-e and -t imply -v). Numbering starts again in each file, as
 * cook_cat() sets {@code line = 0} on entry.
 */
final class CatFormat {
    boolean number;
    boolean numberNonBlank;
    boolean squeeze;
    boolean ends;
    boolean tabs;
    boolean visible;

    /** Takes one of the letters of "benstuv"; false for any other. */
    boolean set(char option) {
        switch (option) {
            case 'b' -> { number = true; numberNonBlank = true; }
            case 'e' -> { ends = true; visible = true; }
            case 'n' -> number = true;
            case 's' -> squeeze = true;
            case 't' -> { tabs = true; visible = true; }
            case 'v' -> visible = true;
            case 'u' -> { }
            default -> {
                return false;
            }
        }
        return true;
    }

    boolean plain() {
        return !number && !squeeze && !ends && !visible;
    }

    String apply(String text) {
        StringBuilder out = new StringBuilder(text.length() + text.length() / 8);
        int line = 0;
        boolean gobble = false;
        char prev = '\n';
        for (int i = 0; i < text.length(); prev = text.charAt(i), i++) {
            char ch = text.charAt(i);
            if (prev == '\n') {
                if (squeeze) {
                    if (ch == '\n' && gobble) {
                        continue;
                    }
                    gobble = ch == '\n';
                }
                if (number && (!numberNonBlank || ch != '\n')) {
                    out.append(String.format("%6d\t", ++line));
                }
            }
            if (ch == '\n') {
                out.append(ends ? "$\n" : "\n");
            } else if (ch == '\t' && tabs) {
                out.append("^I");
            } else if (ch != '\t' && visible && (ch < 32 || ch == 127)) {
                out.append('^').append(ch == 127 ? '?' : (char) (ch | 0100));
            } else {
                out.append(ch);
            }
        }
        return out.toString();
    }
}
