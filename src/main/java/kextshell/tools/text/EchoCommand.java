package kextshell.tools.text;

import java.util.List;
import kextshell.shell.Invocation;

/**
 * {@code echo [-neE] [arg ...]} as zsh's builtin (Src/builtin.c bin_print with BIN_ECHO): the
 * words joined by spaces and a newline; backslash escapes are interpreted by default (zsh's
 * BSD_ECHO option is off), -E turns that off, -e on, -n drops the newline, {@code \c} ends the
 * output there. Leading words made only of those letters are options; anything else is text.
 */
public final class EchoCommand extends TextCommand {
    @Override
    public String name() {
        return "echo";
    }

    @Override
    public String summary() {
        return "write arguments to standard output";
    }

    @Override
    public List<String> options() {
        return List.of("-n", "-e", "-E");
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        boolean newline = true;
        boolean escapes = true;
        int i = 0;
        for (; i < args.size() && args.get(i).matches("-[neE]+"); i++) {
            for (char c : args.get(i).substring(1).toCharArray()) {
                newline &= c != 'n';
                escapes = c == 'e' || c != 'E' && escapes;
            }
        }
        String text = String.join(" ", args.subList(i, args.size()));
        if (escapes) {
            Escapes.Decoded decoded = Escapes.decode(text, Escapes.Style.ECHO);
            text = decoded.text();
            newline &= !decoded.stop();
        }
        inv.console().outRaw(newline ? text + "\n" : text);
        return 0;
    }
}
