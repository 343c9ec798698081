package kextshell.shell;

import java.util.ArrayList;
import java.util.List;
import kextshell.transcript.RecordCommand;
import kextshell.tutorial.TutorialCommands;

/** Every command the shell offers, in one list; add a new tool here. */
final class Commands {
    private Commands() {
    }

    static List<ShellCommand> all() {
        List<ShellCommand> all = new ArrayList<>();
        all.add(new RecordCommand());
        all.addAll(TutorialCommands.all());
        return List.copyOf(all);
    }
}
