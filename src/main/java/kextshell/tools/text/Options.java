package kextshell.tools.text;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.Invocation;
import kextshell.tools.args.Getopt;
import kextshell.tools.args.GetoptLong;

/**
 * The options of one text-tool invocation, parsed the way the BSD tool parses them, in order.
 *
 * <p>Most BSD text tools (head, tail, wc, cut, tr, uniq, tee) call plain {@code getopt(3)}: options
 * stop at the first operand, and errors read {@code illegal option -- x} / {@code option requires an
 * argument -- x} (Darwin Libc getopt.c). grep and sort call {@code getopt_long(3)}, which permutes
 * ({@code grep foo file -i} works) and says {@code invalid option -- x} (getopt_long.c, GNU_COMPATIBLE).
 * On an error the message and the tool's usage go to stderr and {@link #parse} returns null.
 */
final class Options {
    /** One option as typed: its letter and its argument (null when it takes none). */
    record Opt(char letter, String arg) {
    }

    private final List<Opt> opts;
    private final List<String> operands;

    private Options(List<Opt> opts, List<String> operands) {
        this.opts = opts;
        this.operands = operands;
    }

    List<Opt> opts() {
        return opts;
    }

    List<String> operands() {
        return operands;
    }

    boolean has(char letter) {
        return opts.stream().anyMatch(o -> o.letter() == letter);
    }

    /** getopt(3), no permutation: the BSD message and {@code usage} on stderr, null on an error. */
    static Options parse(Invocation inv, String tool, String optstring, List<String> args, List<String> usage) {
        Getopt g = new Getopt(args, ":" + optstring);
        List<Opt> opts = new ArrayList<>();
        for (int c = g.next(); c != -1; c = g.next()) {
            if (c == '?' || c == ':') {
                inv.console().err(tool + ": " + (c == '?' ? "illegal option -- " : "option requires an argument -- ")
                        + g.optopt());
                usage.forEach(inv.console()::err);
                return null;
            }
            opts.add(new Opt((char) c, g.optarg()));
        }
        return new Options(opts, List.copyOf(args.subList(g.optind(), args.size())));
    }

    /** getopt_long(3) without long options: permutes operands behind options, GNU-compatible messages. */
    static Options parsePermuting(Invocation inv, String tool, String optstring, List<String> args, List<String> usage) {
        GetoptLong g = new GetoptLong(tool, args, optstring, null, inv.console()::err);
        List<Opt> opts = new ArrayList<>();
        for (int c = g.next(); c != GetoptLong.END; c = g.next()) {
            if (c == GetoptLong.BAD) {
                usage.forEach(inv.console()::err);
                return null;
            }
            opts.add(new Opt((char) c, g.optarg));
        }
        return new Options(opts, g.operands());
    }

    /** The option names tab completion offers, from a getopt option string. */
    static List<String> names(String optstring) {
        List<String> names = new ArrayList<>();
        for (char c : optstring.toCharArray()) {
            if (c != ':') {
                names.add("-" + c);
            }
        }
        return List.copyOf(names);
    }
}
