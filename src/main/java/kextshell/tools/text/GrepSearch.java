package kextshell.tools.text;

import com.google.re2j.Matcher;
import com.google.re2j.Pattern;
import java.util.ArrayDeque;
import kextshell.shell.Console;

/**
 * One grep search over one input, line by line without splitting the text: selected lines with
 * {@code FILE:} and {@code N:} prefixes, context lines with {@code -}, {@code --} between groups
 * of context (util.c procline/printline), or only counts (-c), names (-l), matches (-o), nothing (-q).
 */
final class GrepSearch {
    /** The options that shape matching and output. */
    static final class Settings {
        boolean extended;
        boolean fixed;
        boolean ignoreCase;
        boolean wholeLine;
        boolean invert;
        boolean count;
        boolean filesOnly;
        boolean onlyMatching;
        boolean lineNumbers;
        boolean quiet;
        boolean silent;
        /** -H true, -h false, neither null (names when there are several files). */
        Boolean names;
        long after;
        long before;

        /** Takes one option; false for a context count that is not a number. */
        boolean set(char letter, String arg) {
            switch (letter) {
                case 'A', 'B', 'C' -> {
                    if (!arg.matches("[0-9]{1,18}")) {
                        return false;
                    }
                    long n = Long.parseLong(arg);
                    after = letter == 'B' ? after : n;
                    before = letter == 'A' ? before : n;
                }
                case 'E' -> { extended = true; fixed = false; }
                case 'F' -> { fixed = true; extended = false; }
                case 'G' -> { fixed = false; extended = false; }
                case 'H' -> names = true;
                case 'h' -> names = false;
                case 'c' -> count = true;
                case 'i' -> ignoreCase = true;
                case 'l' -> filesOnly = true;
                case 'n' -> lineNumbers = true;
                case 'o' -> onlyMatching = true;
                case 'q' -> quiet = true;
                case 's' -> silent = true;
                case 'v' -> invert = true;
                case 'x' -> wholeLine = true;
                default -> { }
            }
            return true;
        }

        boolean context() {
            return after > 0 || before > 0;
        }
    }

    final Settings settings;
    private final Matcher matcher;
    /** Line number of the last line printed in this input, 0 for none yet. */
    private long lastPrinted;
    private boolean printedAny;

    GrepSearch(Settings settings, Pattern pattern) {
        this.settings = settings;
        this.matcher = pattern.matcher("");
    }

    /** Searches one input; {@code label} prefixes each line when several files are searched. */
    boolean scan(String text, String label, Console console) {
        StringBuilder out = new StringBuilder();
        ArrayDeque<long[]> before = new ArrayDeque<>();
        long selected = 0;
        long afterLeft = 0;
        long lineNo = 0;
        lastPrinted = 0;
        for (int pos = 0; pos < text.length();) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            lineNo++;
            String line = text.substring(pos, end);
            boolean hit = matcher.reset(line).find() != settings.invert;
            if (hit) {
                selected++;
                if (settings.quiet || settings.filesOnly) {
                    break;
                }
                if (!settings.count) {
                    for (long[] b : before) {
                        print(out, label, b[0], text.substring((int) b[1], (int) b[2]), '-');
                    }
                    before.clear();
                    printSelected(out, label, lineNo, line);
                    afterLeft = settings.after;
                }
            } else if (afterLeft > 0 && !settings.count) {
                print(out, label, lineNo, line, '-');
                afterLeft--;
            } else if (settings.before > 0) {
                before.addLast(new long[] {lineNo, pos, end});
                if (before.size() > settings.before) {
                    before.removeFirst();
                }
            }
            pos = end + 1;
        }
        if (settings.filesOnly && selected > 0) {
            out.append(label == null ? "(standard input)" : label).append('\n');
        } else if (settings.count && !settings.quiet) {
            out.append(label == null ? "" : label + ":").append(selected).append('\n');
        }
        console.outRaw(out.toString());
        return selected > 0;
    }

    private void printSelected(StringBuilder out, String label, long lineNo, String line) {
        if (!settings.onlyMatching) {
            print(out, label, lineNo, line, ':');
            return;
        }
        if (settings.invert) {
            return;
        }
        matcher.reset(line);
        while (matcher.find()) {
            if (matcher.end() > matcher.start()) {
                print(out, label, lineNo, line.substring(matcher.start(), matcher.end()), ':');
            }
        }
    }

    /** One output line; {@code --} first when context is on and lines were skipped since the last. */
    private void print(StringBuilder out, String label, long lineNo, String line, char separator) {
        if (settings.context() && printedAny && lineNo > lastPrinted + 1) {
            out.append("--\n");
        }
        if (label != null) {
            out.append(label).append(separator);
        }
        if (settings.lineNumbers) {
            out.append(lineNo).append(separator);
        }
        out.append(line).append('\n');
        lastPrinted = lineNo;
        printedAny = true;
    }
}
