package kextshell.tools.text;

import java.util.BitSet;

/**
 * A cut list, {@code 1,3-5,7-} (cut.c get_list(): items separated by commas or blanks, each
 * {@code N}, {@code N-}, {@code -M} or {@code N-M}, counted from 1).
 */
final class CutList {
    private final BitSet picked;
    /** Everything from this position on is picked (an open {@code N-}); MAX_VALUE for none. */
    private final int openFrom;

    private CutList(BitSet picked, int openFrom) {
        this.picked = picked;
        this.openFrom = openFrom;
    }

    /** Throws with cut's message ({@code errx(1, ...)} in get_list) for a list it rejects. */
    static CutList parse(String list) {
        BitSet picked = new BitSet();
        int openFrom = Integer.MAX_VALUE;
        for (String item : list.split("[, \t]+")) {
            if (!item.matches("[0-9]*-?[0-9]*") || item.isEmpty() || item.equals("-")) {
                throw new IllegalArgumentException("[-cf] list: illegal list value");
            }
            int dash = item.indexOf('-');
            String from = dash < 0 ? item : item.substring(0, dash);
            String to = dash < 0 ? item : item.substring(dash + 1);
            int start = from.isEmpty() ? 1 : number(from);
            if (start == 0 || !to.isEmpty() && number(to) == 0) {
                throw new IllegalArgumentException("[-cf] list: values may not include zero");
            }
            if (to.isEmpty()) {
                openFrom = Math.min(openFrom, start);
            } else if (number(to) >= start) {
                picked.set(start, number(to) + 1);
            }
        }
        return new CutList(picked, openFrom);
    }

    private static int number(String digits) {
        return digits.length() > 6 ? 999_999 : Integer.parseInt(digits);
    }

    boolean has(int position) {
        return position >= openFrom || picked.get(position);
    }

    String characters(String line) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < line.length(); i++) {
            if (has(i + 1)) {
                out.append(line.charAt(i));
            }
        }
        return out.toString();
    }

    /** The picked fields, joined by the delimiter again. */
    String fields(String line, char delimiter) {
        StringBuilder out = new StringBuilder();
        int field = 1;
        boolean first = true;
        for (int start = 0; start <= line.length(); field++) {
            int at = line.indexOf(delimiter, start);
            int end = at < 0 ? line.length() : at;
            if (has(field)) {
                out.append(first ? "" : String.valueOf(delimiter)).append(line, start, end);
                first = false;
            }
            start = end + 1;
        }
        return out.toString();
    }
}
