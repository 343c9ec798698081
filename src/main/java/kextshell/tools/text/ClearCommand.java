package kextshell.tools.text;

import java.util.List;
import kextshell.shell.Invocation;

/**
 * {@code clear}: the interactive front end clears a real terminal itself; here, where the output is
 * a transcript, a pipe or a file, there is no screen to clear, so clear writes nothing (no escape
 * sequences: same input, same bytes) and succeeds.
 */
public final class ClearCommand extends TextCommand {
    @Override
    public String name() {
        return "clear";
    }

    @Override
    public String summary() {
        return "clear the terminal screen";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        return 0;
    }
}
