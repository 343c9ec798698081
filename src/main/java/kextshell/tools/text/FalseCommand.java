package kextshell.tools.text;

import java.util.List;
import kextshell.shell.Invocation;

/** {@code false}: zsh's builtin, which ignores its arguments and fails with status 1. */
public final class FalseCommand extends TextCommand {
    @Override
    public String name() {
        return "false";
    }

    @Override
    public String summary() {
        return "do nothing, unsuccessfully";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        return 1;
    }
}
