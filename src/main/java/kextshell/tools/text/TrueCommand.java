package kextshell.tools.text;

import java.util.List;
import kextshell.shell.Invocation;

/** {@code true}: zsh's builtin, which ignores its arguments and succeeds. */
public final class TrueCommand extends TextCommand {
    @Override
    public String name() {
        return "true";
    }

    @Override
    public String summary() {
        return "do nothing, successfully";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        return 0;
    }
}
