package kextshell.tools.text;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntPredicate;

/**
 * One tr string expanded into its characters, in order (str.c next()): plain characters,
 * backslash escapes, ranges {@code a-z}, and classes {@code [:upper:]} over ASCII (so
 * {@code [:lower:]} to {@code [:upper:]} pairs letters in order). A reversed range is taken as its
 * three characters. An unknown class is str.c genclass()'s {@code errx(1, "unknown class %s")}.
 */
final class TrSet {
    private TrSet() {
    }

    static List<Character> expand(String spec) {
        String s = Escapes.decode(spec, Escapes.Style.PRINTF).text();
        List<Character> chars = new ArrayList<>();
        for (int i = 0; i < s.length(); i++) {
            if (s.startsWith("[:", i) && s.indexOf(":]", i + 2) > 0) {
                int end = s.indexOf(":]", i + 2);
                addClass(chars, s.substring(i + 2, end));
                i = end + 1;
            } else if (i + 2 < s.length() && s.charAt(i + 1) == '-' && s.charAt(i + 2) >= s.charAt(i)) {
                for (int c = s.charAt(i); c <= s.charAt(i + 2); c++) {
                    chars.add((char) c);
                }
                i += 2;
            } else {
                chars.add(s.charAt(i));
            }
        }
        return chars;
    }

    private static void addClass(List<Character> chars, String name) {
        IntPredicate in = switch (name) {
            case "alnum" -> Character::isLetterOrDigit;
            case "alpha" -> Character::isLetter;
            case "blank" -> c -> c == ' ' || c == '\t';
            case "cntrl" -> c -> c < 32 || c == 127;
            case "digit" -> Character::isDigit;
            case "graph" -> c -> c > 32 && c < 127;
            case "lower" -> Character::isLowerCase;
            case "print" -> c -> c >= 32 && c < 127;
            case "punct" -> c -> c > 32 && c < 127 && !Character.isLetterOrDigit(c);
            case "space" -> c -> c == ' ' || c >= 9 && c <= 13;
            case "upper" -> Character::isUpperCase;
            case "xdigit" -> c -> Character.digit(c, 16) >= 0;
            default -> throw new IllegalArgumentException("unknown class " + name);
        };
        for (char c = 0; c < 128; c++) {
            if (in.test(c)) {
                chars.add(c);
            }
        }
    }
}
