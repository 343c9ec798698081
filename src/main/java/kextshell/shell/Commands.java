package kextshell.shell;

import java.util.ArrayList;
import java.util.List;
import kextshell.tools.system.DmesgCommand;
import kextshell.tools.ioreg.IoregCommand;
import kextshell.tools.system.LogCommand;
import kextshell.compare.CompareCommand;
import kextshell.tools.kext.KextloadCommand;
import kextshell.tools.kext.KextstatCommand;
import kextshell.tools.kext.KextunloadCommand;
import kextshell.tools.kext.KextutilCommand;
import kextshell.tools.process.CallCommand;
import kextshell.tools.files.CatCommand;
import kextshell.tools.files.CdCommand;
import kextshell.tools.process.CloseCommand;
import kextshell.tools.system.DateCommand;
import kextshell.tools.process.DeviceCommand;
import kextshell.tools.files.KextInfoCommand;
import kextshell.tools.process.KillCommand;
import kextshell.tools.process.LaunchCommand;
import kextshell.tools.files.LsCommand;
import kextshell.tools.process.NotifyCommand;
import kextshell.tools.process.PsCommand;
import kextshell.tools.files.PwdCommand;
import kextshell.tools.system.SleepCommand;
import kextshell.transcript.RecordCommand;
import kextshell.tutorial.TutorialCommands;

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
        // client processes
        all.add(new LaunchCommand());
        all.add(new PsCommand());
        all.add(new CallCommand());
        all.add(new CloseCommand());
        all.add(new KillCommand());
        all.add(new NotifyCommand());
        all.add(new DeviceCommand());
        // time
        all.add(new SleepCommand());
        all.add(new DateCommand());
        // read-only virtual filesystem
        all.add(new LsCommand());
        all.add(new CatCommand());
        all.add(new CdCommand());
        all.add(new PwdCommand());
        all.add(new KextInfoCommand());
        // tutorials: tutorial, goal, hint, solution, reset, undo, progress, check
        all.addAll(TutorialCommands.all());
        return List.copyOf(all);
    }
}
