package kextshell.shell;

import java.util.ArrayList;
import java.util.List;

/** Every command the shell offers, in one list; add a new tool here. */
final class Commands {
    private Commands() {
    }

    static List<ShellCommand> all() {
        List<ShellCommand> all = new ArrayList<>(Builtins.all());
        all.add(new Help());
        return List.copyOf(all);
    }
}
