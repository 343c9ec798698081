package kextshell.tools.text;

import java.util.List;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;

/**
 * {@code wc [-clmw] [file ...]}, after text_cmds wc.c (FreeBSD): each count printed as
 * {@code " %7ju"} (so eight columns), then {@code " NAME"}; a {@code total} line for several files;
 * {@code -c} and {@code -m} cancel each other, the last one wins. cnt() warns
 * {@code "%s: open"} when a file will not open and {@code "%s: read"} when it will not read (a
 * folder), and wc exits 1.
 */
public final class WcCommand extends TextCommand {
    static final List<String> USAGE = List.of("usage: wc [-clmw] [file ...]");

    @Override
    public String name() {
        return "wc";
    }

    @Override
    public String summary() {
        return "count lines, words and characters";
    }

    @Override
    public List<String> options() {
        return Options.names("clmw");
    }

    /** Which counts to print (lines, words, bytes or characters). */
    private record Columns(boolean lines, boolean words, boolean bytes, boolean chars) {
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Options o = Options.parse(inv, "wc", "clmw", args, USAGE);
        if (o == null) {
            return 1;
        }
        boolean lines = false;
        boolean words = false;
        boolean bytes = false;
        boolean chars = false;
        for (Options.Opt opt : o.opts()) {
            switch (opt.letter()) {
                case 'l' -> lines = true;
                case 'w' -> words = true;
                case 'c' -> { bytes = true; chars = false; }
                default -> { chars = true; bytes = false; }
            }
        }
        Columns columns = lines || words || bytes || chars ? new Columns(lines, words, bytes, chars)
                : new Columns(true, true, true, false);
        long[] total = new long[3];
        int status = 0;
        for (String operand : Inputs.orStdin(o.operands())) {
            String text;
            try {
                text = Inputs.read(inv, operand);
            } catch (FileError e) {
                String step = e.reason().equals(FileError.IS_A_DIRECTORY) ? ": read: " : ": open: ";
                inv.console().err("wc: " + operand + step + e.sentence());
                status = 1;
                continue;
            }
            long[] counts = count(text, columns);
            for (int i = 0; i < 3; i++) {
                total[i] += counts[i];
            }
            inv.console().out(format(counts, columns) + (operand.equals(Inputs.STDIN) ? "" : " " + operand));
        }
        if (o.operands().size() > 1) {
            inv.console().out(format(total, columns) + " total");
        }
        return status;
    }

    private static String format(long[] counts, Columns c) {
        StringBuilder line = new StringBuilder();
        if (c.lines()) {
            line.append(String.format(" %7d", counts[0]));
        }
        if (c.words()) {
            line.append(String.format(" %7d", counts[1]));
        }
        if (c.bytes() || c.chars()) {
            line.append(String.format(" %7d", counts[2]));
        }
        return line.toString();
    }

    /** Newlines, words (runs of non-space) and bytes or characters; only what is printed is counted. */
    static long[] count(String text, Columns columns) {
        long newlines = 0;
        for (int nl = text.indexOf('\n'); nl >= 0; nl = text.indexOf('\n', nl + 1)) {
            newlines++;
        }
        long words = columns.words() ? words(text) : 0;
        long size = columns.chars() ? text.codePointCount(0, text.length())
                : columns.bytes() ? Counts.utf8Bytes(text) : 0;
        return new long[] {newlines, words, size};
    }

    private static long words(String text) {
        long words = 0;
        boolean inWord = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            boolean space = Character.isWhitespace(c) || Character.isSpaceChar(c);
            if (!space && !inWord) {
                words++;
            }
            inWord = !space;
        }
        return words;
    }
}
