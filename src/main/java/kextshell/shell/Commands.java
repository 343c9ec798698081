package kextshell.shell;

import java.util.ArrayList;
import java.util.List;
import kextshell.tools.DmesgCommand;
import kextshell.tools.IoregCommand;
import kextshell.tools.LogCommand;
import kextshell.tools.CompareCommand;
import kextshell.tools.KextloadCommand;
import kextshell.tools.KextstatCommand;
import kextshell.tools.KextunloadCommand;
import kextshell.tools.KextutilCommand;
import kextshell.transcript.RecordCommand;

/** Every command the shell offers, in one list; add a new tool here, one line each. */
final class Commands {
    private Commands() {
    }

    static List<ShellCommand> all() {
        List<ShellCommand> all = new ArrayList<>(Builtins.all());
        all.add(new Help());
        all.add(new RecordCommand());
        all.add(new IoregCommand());
        all.add(new LogCommand());
        all.add(new DmesgCommand());
        all.add(new CompareCommand());
        all.add(new KextloadCommand());
        all.add(new KextunloadCommand());
        all.add(new KextstatCommand());
        all.add(new KextutilCommand());
        return List.copyOf(all);
    }
}
