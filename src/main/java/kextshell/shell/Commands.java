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
import kextshell.tutorial.TutorialCommands;

/** Every command the shell offers, in one list; add a new tool here, one line each. */
final class Commands {
    private Commands() {
    }

    static List<ShellCommand> all() {
        List<ShellCommand> all = new ArrayList<>(Builtins.all());
        all.add(new Help());
        all.add(new RecordCommand());
        all.add(new kextshell.trace.command.TraceCommand());
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
