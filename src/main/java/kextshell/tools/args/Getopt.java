package kextshell.tools.args;

import java.util.List;

/**
 * A tiny POSIX/BSD {@code getopt(3)}, as the macOS tools call it.
 *
 * <p>Why not picocli: the emulated tools need getopt's exact corner cases, which picocli does not
 * reproduce. BSD getopt stops at the first operand (no permuting), treats a lone {@code -} as an
 * operand, takes the next word as an option argument even when it starts with {@code -}
 * ({@code ioreg -c -l} means class "-l"), and with a leading {@code :} in the option string
 * prints no diagnostics and returns {@code ':'} for a missing argument, {@code '?'} for an unknown
 * option. picocli would either reject {@code -c -l} or print its own error text.
 */
public final class Getopt {
    private final List<String> args;
    private final String optstring;
    private int optind;
    private int nextChar;
    private String optarg;
    private char optopt;

    public Getopt(List<String> args, String optstring) {
        this.args = args;
        this.optstring = optstring;
    }

    /** The next option character, '?' (unknown), ':' (missing argument, with a leading ':'), or -1. */
    public int next() {
        optarg = null;
        if (nextChar == 0) {
            if (optind >= args.size()) {
                return -1;
            }
            String word = args.get(optind);
            if (word.length() < 2 || word.charAt(0) != '-') {
                return -1;
            }
            if (word.equals("--")) {
                optind++;
                return -1;
            }
            nextChar = 1;
        }
        String word = args.get(optind);
        char c = word.charAt(nextChar++);
        optopt = c;
        int at = c == ':' ? -1 : optstring.indexOf(c);
        boolean endOfWord = nextChar >= word.length();
        if (at < 0) {
            if (endOfWord) {
                advance();
            }
            return '?';
        }
        boolean takesArgument = at + 1 < optstring.length() && optstring.charAt(at + 1) == ':';
        if (!takesArgument) {
            if (endOfWord) {
                advance();
            }
            return c;
        }
        if (!endOfWord) {
            optarg = word.substring(nextChar);
            advance();
            return c;
        }
        advance();
        if (optind >= args.size()) {
            return optstring.startsWith(":") ? ':' : '?';
        }
        optarg = args.get(optind++);
        return c;
    }

    private void advance() {
        optind++;
        nextChar = 0;
    }

    public String optarg() {
        return optarg;
    }

    public char optopt() {
        return optopt;
    }

    /** Index of the first operand once {@link #next()} returned -1. */
    public int optind() {
        return optind;
    }

    /**
     * C {@code atoi}: optional leading white space and sign, then digits; stops at the first other
     * character; no digits gives 0. macOS atoi is {@code (int) strtol(s, NULL, 10)}, so an
     * out-of-range value saturates to LONG_MIN/LONG_MAX and is then truncated to 32 bits.
     */
    public static int atoi(String s) {
        int i = 0;
        while (i < s.length() && " \t\n\u000b\f\r".indexOf(s.charAt(i)) >= 0) {
            i++;
        }
        boolean negative = false;
        if (i < s.length() && (s.charAt(i) == '+' || s.charAt(i) == '-')) {
            negative = s.charAt(i) == '-';
            i++;
        }
        long value = 0;
        boolean overflow = false;
        for (; i < s.length() && s.charAt(i) >= '0' && s.charAt(i) <= '9'; i++) {
            int d = s.charAt(i) - '0';
            if (!overflow) {
                if (value > (Long.MAX_VALUE - d) / 10) {
                    overflow = true;
                } else {
                    value = value * 10 + d;
                }
            }
        }
        long result = overflow ? (negative ? Long.MIN_VALUE : Long.MAX_VALUE) : (negative ? -value : value);
        return (int) result;
    }
}
