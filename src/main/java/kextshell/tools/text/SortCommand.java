package kextshell.tools.text;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;

/**
 * {@code sort [-fnru] [-k field1[,field2]] [-t char] [file ...]}, after macOS's BSD sort (text_cmds
 * sort, FreeBSD's): getopt_long, so options may follow files; equal keys fall back to comparing
 * whole lines (the "last resort" comparison), -u keeps the first of each run of equal keys, a usage
 * error or a file that will not open exits 2. Strings compare by code point, as in the C locale:
 * the same bytes on every machine.
 */
public final class SortCommand extends TextCommand {
    static final String OPTSTRING = "fk:nrt:u";
    /** sort.c usage() ("Usage:", capital U), cut down to the options kextshell's sort has. */
    static final List<String> USAGE = List.of("Usage: sort [-fnru] [-kPOS1[,POS2] ... ] [-t separator] [file ...]");
    static final int ERROR = 2;

    @Override
    public String name() {
        return "sort";
    }

    @Override
    public String summary() {
        return "sort lines of text";
    }

    @Override
    public List<String> options() {
        return Options.names(OPTSTRING);
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Options o = Options.parsePermuting(inv, "sort", OPTSTRING, args, USAGE);
        if (o == null) {
            return ERROR;
        }
        SortKey key = new SortKey();
        for (Options.Opt opt : o.opts()) {
            String problem = key.set(opt.letter(), opt.arg());
            if (problem != null) {
                inv.console().err("sort: " + problem);
                return ERROR;
            }
        }
        List<String> lines = new ArrayList<>();
        for (String operand : Inputs.orStdin(o.operands())) {
            String text;
            try {
                text = Inputs.read(inv, operand);
            } catch (FileError e) {
                // file.c file_reader_init(): err(2, NULL), so the message does not name the file.
                inv.console().err("sort: " + e.sentence());
                return ERROR;
            }
            for (int pos = 0; pos < text.length();) {
                int nl = text.indexOf('\n', pos);
                int end = nl < 0 ? text.length() : nl;
                lines.add(text.substring(pos, end));
                pos = end + 1;
            }
        }
        Comparator<String> byKey = key.comparator();
        Comparator<String> order = key.unique ? byKey : byKey.thenComparing(Comparator.naturalOrder());
        lines.sort(key.reverse ? order.reversed() : order);
        StringBuilder out = new StringBuilder();
        String previous = null;
        for (String line : lines) {
            if (!key.unique || previous == null || byKey.compare(previous, line) != 0) {
                out.append(line).append('\n');
            }
            previous = line;
        }
        inv.console().outRaw(out.toString());
        return 0;
    }
}
