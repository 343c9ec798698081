package kextshell.tools.text;

import java.util.List;
import kextshell.shell.Invocation;

/**
 * {@code printf format [arg ...]} as zsh's builtin (bin_print with BIN_PRINTF): the format's
 * escapes are decoded, each {@code %} directive takes the next argument (a missing one is empty or
 * 0), and the format is used again while arguments remain. Without a format zsh says
 * {@code printf: not enough arguments}; an unknown directive {@code printf: %z: invalid directive}.
 * A number that does not parse gets /usr/bin/printf's wording (printf.c getnum():
 * {@code expected numeric value}, {@code not completely converted}) and status 1.
 */
public final class PrintfCommand extends TextCommand {
    @Override
    public String name() {
        return "printf";
    }

    @Override
    public String summary() {
        return "format and print arguments";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        if (args.isEmpty()) {
            inv.console().err("printf: not enough arguments");
            return 1;
        }
        PrintfFormat format = new PrintfFormat(args.get(0), args.subList(1, args.size()));
        String text;
        try {
            text = format.render();
        } catch (PrintfFormat.BadDirective e) {
            inv.console().outRaw(e.partial);
            inv.console().err("printf: " + e.getMessage());
            return 1;
        }
        inv.console().outRaw(text);
        format.problems().forEach(inv.console()::err);
        return format.problems().isEmpty() ? 0 : 1;
    }
}
