package kextshell.shell;

import java.util.List;
import kextshell.tools.KextloadCommand;
import kextshell.tools.KextstatCommand;
import kextshell.tools.KextunloadCommand;
import kextshell.tools.KextutilCommand;
import kextshell.transcript.RecordCommand;

/** Every command the shell offers, in one list; add a new tool here. */
final class Commands {
    private Commands() {
    }

    static List<ShellCommand> all() {
        return List.of(new RecordCommand(),
                new KextunloadCommand(), new KextloadCommand(), new KextstatCommand(), new KextutilCommand());
    }
}
