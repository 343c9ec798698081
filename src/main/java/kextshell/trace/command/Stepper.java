package kextshell.trace.command;

import java.util.List;
import kextshell.kernel.JournalEvent;
import kextshell.shell.CommandMarks;
import kextshell.shell.Console;
import kextshell.shell.Session;
import kextshell.trace.StepTrace;

/**
 * {@code trace --step}: one journal event at a time. The stepper is line-driven so it works the
 * same in a terminal, a pipe and a transcript: {@code trace --step} shows the first event of the
 * traced command, then {@code trace --step next} (n), {@code back} (p), {@code goto K} and
 * {@code quit} (q) move through it. One stepper per session.
 */
final class Stepper {
    private StepTrace steps;
    private int at;
    private String title;

    static Stepper of(Session session) {
        return session.toolState(Stepper.class, Stepper::new);
    }

    int start(CommandMarks.Mark mark, List<JournalEvent> context, List<JournalEvent> range, Console console) {
        title = "command " + mark.number() + ": " + mark.line();
        if (range.isEmpty()) {
            console.err("trace: " + title + " left no events to step through");
            steps = null;
            return 1;
        }
        steps = StepTrace.of(context, range);
        at = 0;
        console.out("stepping through " + title + " (" + steps.size() + " events); "
                + "'trace --step next|back|goto K|quit'");
        show(console);
        return 0;
    }

    int act(String action, int target, Console console) {
        if (steps == null) {
            console.err("trace: not stepping; 'trace --step' starts");
            return 1;
        }
        switch (action) {
            case "quit":
                console.out("stopped stepping through " + title);
                steps = null;
                return 0;
            case "next":
                if (at + 1 >= steps.size()) {
                    console.err("trace: at the last step (" + steps.size() + ")");
                    return 1;
                }
                at++;
                break;
            case "back":
                if (at == 0) {
                    console.err("trace: at the first step");
                    return 1;
                }
                at--;
                break;
            default:
                if (target > steps.size()) {
                    console.err("trace: no step " + target + " (there are " + steps.size() + ")");
                    return 1;
                }
                at = target - 1;
        }
        show(console);
        return 0;
    }

    private void show(Console console) {
        for (String line : steps.describe(at)) {
            console.out(line);
        }
    }
}
