package kextshell.tools.text;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** One printf run: a format applied to its arguments, repeated while arguments remain. */
final class PrintfFormat {
    /** A conversion printf does not know; {@code partial} is what was printed before it. */
    static final class BadDirective extends Exception {
        private static final long serialVersionUID = 1L;
        final String partial;

        BadDirective(String message, String partial) {
            super(message, null, false, false);
            this.partial = partial;
        }
    }

    private final String format;
    private final List<String> args;
    private final List<String> problems = new ArrayList<>();
    private int next;

    PrintfFormat(String format, List<String> args) {
        this.format = format;
        this.args = args;
    }

    /** Lines for stderr about arguments that were not numbers. */
    List<String> problems() {
        return problems;
    }

    String render() throws BadDirective {
        StringBuilder out = new StringBuilder();
        do {
            int before = next;
            if (once(out)) {
                break;
            }
            if (next == before) {
                break;
            }
        } while (next < args.size());
        return out.toString();
    }

    /** One pass over the format; true when {@code \c} ended all output. */
    private boolean once(StringBuilder out) throws BadDirective {
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c == '\\') {
                int end = i + 1 < format.length() ? escapeEnd(i) : i + 1;
                Escapes.Decoded d = Escapes.decode(format.substring(i, end), Escapes.Style.PRINTF);
                out.append(d.text());
                if (d.stop()) {
                    return true;
                }
                i = end - 1;
            } else if (c == '%') {
                i = directive(out, i);
            } else {
                out.append(c);
            }
        }
        return false;
    }

    /** The end of the escape at {@code i} (a backslash): octal and hex take up to three/two digits. */
    private int escapeEnd(int i) {
        char d = format.charAt(i + 1);
        int j = i + 2;
        if (d >= '0' && d <= '7') {
            while (j < Math.min(format.length(), i + 4) && format.charAt(j) >= '0' && format.charAt(j) <= '7') {
                j++;
            }
        } else if (d == 'x') {
            while (j < Math.min(format.length(), i + 4) && Character.digit(format.charAt(j), 16) >= 0) {
                j++;
            }
        }
        return j;
    }

    /** Formats the directive at {@code i} ('%'); returns the index of its conversion letter. */
    private int directive(StringBuilder out, int i) throws BadDirective {
        int j = i + 1;
        StringBuilder spec = new StringBuilder("%");
        while (j < format.length() && "-+ #0123456789.*".indexOf(format.charAt(j)) >= 0) {
            char f = format.charAt(j++);
            spec.append(f == '*' ? String.valueOf(number(arg())) : String.valueOf(f));
        }
        if (j >= format.length() || spec.toString().matches(".*[0-9]{6,}.*")) {
            // A width or precision of a million or more would only exhaust memory: refused like a bad letter.
            throw new BadDirective(format.substring(i, Math.min(j + 1, format.length())) + ": invalid directive",
                    out.toString());
        }
        char conv = format.charAt(j);
        try {
            if (!convert(out, spec.toString(), conv)) {
                throw new BadDirective(format.substring(i, j + 1) + ": invalid directive", out.toString());
            }
        } catch (java.util.IllegalFormatException e) {
            // Flags Java refuses for this conversion (%+s, %#d): printf cannot print it either.
            throw new BadDirective(format.substring(i, j + 1) + ": invalid directive", out.toString());
        }
        return j;
    }

    /** Appends one conversion; false for a letter printf does not know. */
    private boolean convert(StringBuilder out, String spec, char conv) {
        switch (conv) {
            case '%' -> out.append('%');
            case 's' -> out.append(String.format(Locale.ROOT, spec + "s", arg()));
            case 'b' -> out.append(String.format(Locale.ROOT, spec + "s", Escapes.decode(arg(), Escapes.Style.ECHO).text()));
            case 'c' -> {
                String a = arg();
                out.append(String.format(Locale.ROOT, spec + "s", a.isEmpty() ? "" : a.substring(0, 1)));
            }
            case 'd', 'i' -> out.append(String.format(Locale.ROOT, spec + "d", number(arg())));
            case 'u' -> out.append(String.format(Locale.ROOT, spec + "d", number(arg())));
            case 'x', 'X', 'o' -> out.append(String.format(Locale.ROOT, spec + conv, number(arg())));
            case 'f', 'e', 'E' -> out.append(String.format(Locale.ROOT, spec + conv, decimal(arg())));
            case 'g', 'G' -> out.append(GeneralFloat.format(spec, conv, decimal(arg())));
            default -> {
                return false;
            }
        }
        return true;
    }

    private String arg() {
        return next < args.size() ? args.get(next++) : "";
    }

    private long number(String arg) {
        String s = arg.strip();
        if (s.isEmpty()) {
            return 0;
        }
        if (s.length() >= 2 && (s.charAt(0) == '\'' || s.charAt(0) == '"')) {
            return s.charAt(1);
        }
        int end = s.startsWith("-") || s.startsWith("+") ? 1 : 0;
        while (end < s.length() && Character.isDigit(s.charAt(end))) {
            end++;
        }
        boolean digits = end > 0 && Character.isDigit(s.charAt(end - 1));
        if (!digits) {
            problems.add("printf: " + arg + ": expected numeric value");
            return 0;
        }
        if (end < s.length()) {
            problems.add("printf: " + arg + ": not completely converted");
        }
        try {
            return Long.parseLong(s.substring(0, end));
        } catch (NumberFormatException e) {
            return s.startsWith("-") ? Long.MIN_VALUE : Long.MAX_VALUE;
        }
    }

    private double decimal(String arg) {
        try {
            return arg.isBlank() ? 0 : Double.parseDouble(arg.strip());
        } catch (NumberFormatException e) {
            problems.add("printf: " + arg + ": expected numeric value");
            return 0;
        }
    }
}
