package kextshell.tools.text;

import java.util.Comparator;

/** What sort compares: a field range (-k, -t) of each line, as text (-f) or as a number (-n). */
final class SortKey {
    boolean numeric;
    boolean fold;
    boolean reverse;
    boolean unique;
    /** {@code b} after a -k field: leading blanks are not part of the key. */
    boolean skipBlanks;
    /** -t: the field separator, or 0 for runs of blanks (each field keeps its leading blanks). */
    char separator;
    /** -k: first and last field, 1-based; 0 when there is no -k (the whole line). */
    int firstField;
    int lastField;

    /** Takes one option; returns sort's complaint (sort.c's {@code errc(2, EINVAL, ...)}), or null. */
    String set(char letter, String arg) {
        switch (letter) {
            case 'n' -> numeric = true;
            case 'f' -> fold = true;
            case 'r' -> reverse = true;
            case 'u' -> unique = true;
            case 'B' -> skipBlanks = true;
            case 't' -> {
                if (arg.length() != 1) {
                    return arg + ": Invalid argument";
                }
                separator = arg.charAt(0);
            }
            default -> {
                if (!arg.matches("[1-9][0-9]{0,5}[bfnr]*(,[1-9][0-9]{0,5}[bfnr]*)?")) {
                    return "-k " + arg + ": Invalid argument";
                }
                String[] f = arg.split(",");
                firstField = Integer.parseInt(f[0].replaceAll("[bfnr]", ""));
                lastField = f.length > 1 ? Integer.parseInt(f[1].replaceAll("[bfnr]", "")) : 0;
                // Letters after a field (-k 2n) apply to that key; kextshell has one key, so to the sort.
                for (char c : arg.replaceAll("[0-9,]", "").toCharArray()) {
                    set(c == 'b' ? 'B' : c, null);
                }
            }
        }
        return null;
    }

    Comparator<String> comparator() {
        Comparator<String> keys = numeric
                ? Comparator.comparingDouble(SortKey::number)
                : fold ? String.CASE_INSENSITIVE_ORDER : Comparator.naturalOrder();
        return (a, b) -> keys.compare(key(a), key(b));
    }

    /** The part of the line -k names. */
    String key(String line) {
        if (firstField == 0) {
            return line;
        }
        int start = fieldStart(line, firstField);
        while (skipBlanks && start < line.length() && isBlank(line.charAt(start))) {
            start++;
        }
        int end = lastField == 0 ? line.length() : fieldEnd(line, lastField);
        return start >= end ? "" : line.substring(start, end);
    }

    private int fieldStart(String line, int field) {
        int pos = 0;
        for (int f = 1; f < field; f++) {
            pos = endOfFieldAt(line, pos);
            if (pos >= line.length()) {
                return line.length();
            }
            if (separator != 0) {
                pos++;
            }
        }
        return pos;
    }

    private int fieldEnd(String line, int field) {
        return endOfFieldAt(line, fieldStart(line, field));
    }

    /** Where the field beginning at {@code pos} ends. */
    private int endOfFieldAt(String line, int pos) {
        if (separator != 0) {
            int at = line.indexOf(separator, pos);
            return at < 0 ? line.length() : at;
        }
        while (pos < line.length() && isBlank(line.charAt(pos))) {
            pos++;
        }
        while (pos < line.length() && !isBlank(line.charAt(pos))) {
            pos++;
        }
        return pos;
    }

    private static boolean isBlank(char c) {
        return c == ' ' || c == '\t';
    }

    /** -n: leading blanks, an optional minus, digits and a decimal point; anything else is 0. */
    static double number(String key) {
        int i = 0;
        while (i < key.length() && isBlank(key.charAt(i))) {
            i++;
        }
        int start = i;
        if (i < key.length() && key.charAt(i) == '-') {
            i++;
        }
        boolean point = false;
        while (i < key.length() && (Character.isDigit(key.charAt(i)) || key.charAt(i) == '.' && !point)) {
            point |= key.charAt(i) == '.';
            i++;
        }
        try {
            return Double.parseDouble(key.substring(start, i));
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
