package kextshell.tools.text;

import java.util.List;
import kextshell.shell.Invocation;

/**
 * {@code uniq [-c | -d | -u] [-i] [input]}, after text_cmds uniq.c (FreeBSD): adjacent equal lines
 * collapse into one; -c prefixes the count as {@code "%4d "} (show()), -d keeps only repeated lines,
 * -u only unrepeated ones, -i compares without case. An input that will not open is
 * {@code err(1, "%s", ifn)}.
 */
public final class UniqCommand extends TextCommand {
    /** uniq.c usage() without -f, -s and the output operand, which kextshell's uniq does not have. */
    static final List<String> USAGE = List.of("usage: uniq [-c | -d | -u] [-i] [input]");

    @Override
    public String name() {
        return "uniq";
    }

    @Override
    public String summary() {
        return "report or filter out repeated lines";
    }

    @Override
    public List<String> options() {
        return Options.names("cdiu");
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Options o = Options.parse(inv, "uniq", "cdiu", args, USAGE);
        if (o == null) {
            return 1;
        }
        if (o.operands().size() > 1) {
            USAGE.forEach(inv.console()::err);
            return 1;
        }
        String text = Inputs.readOrWarn(inv, "uniq", Inputs.orStdin(o.operands()).get(0));
        if (text == null) {
            return 1;
        }
        boolean count = o.has('c');
        boolean repeatedOnly = o.has('d');
        boolean uniqueOnly = o.has('u');
        boolean ignoreCase = o.has('i');
        StringBuilder out = new StringBuilder();
        String previous = null;
        int repeats = 0;
        for (int pos = 0; pos <= text.length(); ) {
            int nl = text.indexOf('\n', pos);
            boolean last = pos == text.length();
            String line = last ? null : text.substring(pos, nl < 0 ? text.length() : nl);
            boolean same = line != null && previous != null
                    && (ignoreCase ? previous.equalsIgnoreCase(line) : previous.equals(line));
            if (same) {
                repeats++;
            } else {
                if (previous != null && (repeats > 0 ? !uniqueOnly : !repeatedOnly)) {
                    out.append(count ? String.format("%4d ", repeats + 1) : "").append(previous).append('\n');
                }
                previous = line;
                repeats = 0;
            }
            if (last) {
                break;
            }
            pos = nl < 0 ? text.length() : nl + 1;
        }
        inv.console().outRaw(out.toString());
        return 0;
    }
}
