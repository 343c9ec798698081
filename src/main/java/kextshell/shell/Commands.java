package kextshell.shell;

import java.util.List;
import kextshell.tools.DmesgCommand;
import kextshell.tools.IoregCommand;
import kextshell.tools.LogCommand;
import kextshell.transcript.RecordCommand;

/** Every command the shell offers, in one list; add a new tool here. */
final class Commands {
    private Commands() {
    }

    static List<ShellCommand> all() {
        return List.of(new RecordCommand(), new IoregCommand(), new LogCommand(), new DmesgCommand());
    }
}
