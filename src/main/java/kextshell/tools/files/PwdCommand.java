package kextshell.tools.files;

import java.util.List;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/** {@code pwd}: the session's current directory (zsh builtin; -L/-P are the same here, no links). */
public final class PwdCommand implements ShellCommand {
    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "pwd";
    }

    @Override
    public String summary() {
        return "print the current directory";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        for (String a : args) {
            if (a.equals("-L") || a.equals("-P")) {
                continue;
            }
            if (a.startsWith("-")) {
                inv.console().err("pwd: bad option: " + a);
            } else {
                inv.console().err("pwd: too many arguments");
            }
            return 1;
        }
        inv.console().out(inv.session().cwd());
        return 0;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }
}
