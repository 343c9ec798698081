package kextshell.tools.text;

import java.util.List;
import kextshell.shell.Invocation;

/**
 * {@code cut -c list | -f list [-d delim] [-s] [file ...]}, after text_cmds cut.c (FreeBSD):
 * one of -c or -f is required and -d/-s go only with -f (else usage()); the delimiter is one
 * character ({@code errx(1, "bad delimiter")}); a line without the delimiter passes whole unless -s.
 */
public final class CutCommand extends TextCommand {
    /** cut.c usage() without -b and -n, which kextshell's cut does not have. */
    static final List<String> USAGE = List.of(
            "usage: cut -c list [file ...]",
            "       cut -f list [-s] [-d delim] [file ...]");

    @Override
    public String name() {
        return "cut";
    }

    @Override
    public String summary() {
        return "select characters or fields from each line";
    }

    @Override
    public List<String> options() {
        return Options.names("c:d:f:s");
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Options o = Options.parse(inv, "cut", "c:d:f:s", args, USAGE);
        if (o == null) {
            return 1;
        }
        String list = null;
        boolean fields = false;
        char delimiter = '\t';
        for (Options.Opt opt : o.opts()) {
            switch (opt.letter()) {
                case 'c', 'f' -> {
                    list = opt.arg();
                    fields = opt.letter() == 'f';
                }
                case 'd' -> {
                    if (opt.arg().length() != 1) {
                        inv.console().err("cut: bad delimiter");
                        return 1;
                    }
                    delimiter = opt.arg().charAt(0);
                }
                default -> { }
            }
        }
        if (list == null || o.has('c') && o.has('f') || !fields && (o.has('d') || o.has('s'))) {
            USAGE.forEach(inv.console()::err);
            return 1;
        }
        CutList selection;
        try {
            selection = CutList.parse(list);
        } catch (IllegalArgumentException e) {
            inv.console().err("cut: " + e.getMessage());
            return 1;
        }
        int status = 0;
        for (String operand : Inputs.orStdin(o.operands())) {
            String text = Inputs.readOrWarn(inv, "cut", operand);
            if (text == null) {
                status = 1;
                continue;
            }
            inv.console().outRaw(cut(text, selection, fields, delimiter, o.has('s')));
        }
        return status;
    }

    private static String cut(String text, CutList selection, boolean fields, char delimiter, boolean onlyDelimited) {
        StringBuilder out = new StringBuilder();
        for (int pos = 0; pos < text.length();) {
            int nl = text.indexOf('\n', pos);
            int end = nl < 0 ? text.length() : nl;
            String line = text.substring(pos, end);
            if (!fields) {
                out.append(selection.characters(line)).append('\n');
            } else if (line.indexOf(delimiter) >= 0) {
                out.append(selection.fields(line, delimiter)).append('\n');
            } else if (!onlyDelimited) {
                out.append(line).append('\n');
            }
            pos = end + 1;
        }
        return out.toString();
    }
}
