package kextshell.shell;

import java.util.List;
import kextshell.tools.CallCommand;
import kextshell.tools.CatCommand;
import kextshell.tools.CdCommand;
import kextshell.tools.CloseCommand;
import kextshell.tools.DateCommand;
import kextshell.tools.DeviceCommand;
import kextshell.tools.KextInfoCommand;
import kextshell.tools.KillCommand;
import kextshell.tools.LaunchCommand;
import kextshell.tools.LsCommand;
import kextshell.tools.NotifyCommand;
import kextshell.tools.PsCommand;
import kextshell.tools.PwdCommand;
import kextshell.tools.SleepCommand;
import kextshell.transcript.RecordCommand;

/** Every command the shell offers, in one list; add a new tool here. */
final class Commands {
    private Commands() {
    }

    static List<ShellCommand> all() {
        return List.of(new RecordCommand(),
                // client processes (procs branch)
                new LaunchCommand(), new PsCommand(), new CallCommand(), new CloseCommand(), new KillCommand(),
                new NotifyCommand(), new DeviceCommand(),
                // time
                new SleepCommand(), new DateCommand(),
                // read-only virtual filesystem
                new LsCommand(), new CatCommand(), new CdCommand(), new PwdCommand(), new KextInfoCommand());
    }
}
