package kextshell.tools.text;

import java.util.List;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/**
 * {@code history [first]}: the session's typed lines, numbered as zsh's {@code history} (an alias of
 * {@code fc -l}) prints them: the number right-aligned in five columns, two spaces, the line. No
 * argument lists the last 16; a positive {@code first} lists from that event on; a negative one
 * lists that many of the last. The running {@code history} line itself is not listed yet.
 */
public final class HistoryCommand implements ShellCommand {
    private static final int DEFAULT_COUNT = 16;

    @Override
    public String name() {
        return "history";
    }

    @Override
    public String summary() {
        return "list the lines typed in this session";
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        List<String> lines = TypedLines.of(inv.session()).lines();
        int from = Math.max(1, lines.size() - DEFAULT_COUNT + 1);
        if (args.size() > 1) {
            inv.console().err("history: too many arguments");
            return 1;
        }
        if (args.size() == 1) {
            String arg = args.get(0);
            if (!arg.matches("-?[0-9]{1,9}")) {
                inv.console().err("history: event not found: " + arg);
                return 1;
            }
            int n = Integer.parseInt(arg);
            from = n > 0 ? n : Math.max(1, lines.size() + n + 1);
            if (n == 0 || from > lines.size()) {
                inv.console().err("history: event not found: " + arg);
                return 1;
            }
        }
        for (int i = from; i <= lines.size(); i++) {
            inv.console().out(String.format("%5d  %s", i, lines.get(i - 1)));
        }
        return 0;
    }
}
