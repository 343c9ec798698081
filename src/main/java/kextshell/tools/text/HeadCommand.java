package kextshell.tools.text;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.Invocation;

/**
 * {@code head [-n lines | -c bytes] [file ...]}, after text_cmds head.c (FreeBSD): the obsolete
 * {@code -N} form, {@code ==> FILE <==} headers for several files, {@code warn()} per missing file
 * and exit 1, {@code errx(1, "illegal line count -- %s")} for a count that is not a positive number.
 * -c counts characters, which are bytes for the ASCII text the image holds.
 */
public final class HeadCommand extends TextCommand {
    static final List<String> USAGE = List.of("usage: head [-n lines | -c bytes] [file ...]");

    @Override
    public String name() {
        return "head";
    }

    @Override
    public String summary() {
        return "print the first lines of files or standard input";
    }

    @Override
    public List<String> options() {
        return Options.names("n:c:");
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Options o = Options.parse(inv, "head", "n:c:", obsolete(args), USAGE);
        if (o == null) {
            return 1;
        }
        long lines = 10;
        Long bytes = null;
        for (Options.Opt opt : o.opts()) {
            Long n = Counts.parse(opt.arg());
            if (n == null || n <= 0) {
                inv.console().err("head: illegal " + (opt.letter() == 'n' ? "line" : "byte") + " count -- " + opt.arg());
                return 1;
            }
            if (opt.letter() == 'n') {
                lines = n;
            } else {
                bytes = n;
            }
        }
        if (bytes != null && o.has('n')) {
            inv.console().err("head: can't combine line and byte counts");
            return 1;
        }
        long lineCount = lines;
        Long byteCount = bytes;
        return Inputs.partsWithHeaders(inv, "head", o.operands(), text -> byteCount != null
                ? text.substring(0, Counts.clamp(text, byteCount)) : Counts.firstLines(text, lineCount));
    }

    /** head.c obsolete(): a leading {@code -N} means {@code -n N}. */
    static List<String> obsolete(List<String> args) {
        if (!args.isEmpty() && args.get(0).matches("-[0-9]+")) {
            List<String> rewritten = new ArrayList<>(args);
            rewritten.set(0, "-n" + args.get(0).substring(1));
            return rewritten;
        }
        return args;
    }
}
