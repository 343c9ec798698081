package kextshell.shell;

import java.util.List;
import kextshell.tools.CompareCommand;
import kextshell.transcript.RecordCommand;

/** Every command the shell offers, in one list; add a new tool here. */
final class Commands {
    private Commands() {
    }

    static List<ShellCommand> all() {
        return List.of(new RecordCommand(), new CompareCommand());
    }
}
