package kextshell.tools.text;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.Invocation;

/**
 * {@code tail [-n #] [-c #] [file ...]}, after text_cmds tail.c (FreeBSD): {@code -n N} the last N
 * lines, {@code -n +N} from line N on, the obsolete {@code -N} and {@code +N} forms; a bad number is
 * {@code errx(1, "illegal offset -- %s")} (the ARG macro). The last lines are found by scanning
 * back from the end, so {@code tail -1} of a long pipe costs one line.
 * -c counts characters, which are bytes for the ASCII text the image holds.
 */
public final class TailCommand extends TextCommand {
    /** tail.c usage() lists -F -f -r -q -b too; kextshell has only these (no following, no reversing). */
    static final List<String> USAGE = List.of("usage: tail [-c # | -n #] [file ...]");

    @Override
    public String name() {
        return "tail";
    }

    @Override
    public String summary() {
        return "print the last lines of files or standard input";
    }

    @Override
    public List<String> options() {
        return Options.names("n:c:");
    }

    /** How much to print: from the front (+N) or from the back, in lines or characters. */
    private record Offset(boolean forward, long count, boolean lines) {
        String apply(String text) {
            if (forward) {
                return lines ? Counts.fromLine(text, count) : text.substring(Counts.clamp(text, count - 1));
            }
            return lines ? Counts.lastLines(text, count) : text.substring(Counts.clamp(text, text.length() - count));
        }
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Options o = Options.parse(inv, "tail", "n:c:", obsolete(args), USAGE);
        if (o == null) {
            return 1;
        }
        Offset offset = new Offset(false, 10, true);
        for (Options.Opt opt : o.opts()) {
            Long n = Counts.parse(opt.arg());
            if (n == null) {
                inv.console().err("tail: illegal offset -- " + opt.arg());
                return 1;
            }
            boolean forward = opt.arg().startsWith("+");
            offset = new Offset(forward, Math.abs(n), opt.letter() == 'n');
        }
        return Inputs.partsWithHeaders(inv, "tail", o.operands(), offset::apply);
    }

    /** tail.c obsolete(): a leading {@code -N} or {@code +N} means {@code -n N} / {@code -n +N}. */
    static List<String> obsolete(List<String> args) {
        if (!args.isEmpty() && args.get(0).matches("[-+][0-9]+")) {
            String word = args.get(0);
            List<String> rewritten = new ArrayList<>(args);
            rewritten.set(0, "-n" + (word.startsWith("+") ? word : word.substring(1)));
            return rewritten;
        }
        return args;
    }
}
