package kextshell.tutorial;

import java.util.List;
import kextshell.kernel.Kernel;
import kextshell.shell.Sysexits;
import kextshell.kexts.MysteryStrategy;
import kextshell.shell.Console;
import kextshell.shell.Invocation;
import kextshell.shell.Session;
import kextshell.shell.ShellCommand;

/**
 * The learner's answer to the final challenge: which strategy com.osxkernel.Mystery follows.
 * {@code answer WORD} records it for the kernel now running, so a reset (a fresh kernel) forgets
 * it and {@code undo}, which replays commands, brings it back. {@code check answer} compares it
 * with {@link MysteryStrategy#forSeed} of that kernel's seed, without ever printing the right one.
 */
public final class Answer {
    private Kernel kernel;
    private MysteryStrategy value;

    /** The answer recorded for the session's current kernel, or null. */
    static MysteryStrategy current(Session session) {
        Answer a = session.toolState(Answer.class, Answer::new);
        return a.kernel == session.kernel() ? a.value : null;
    }

    /** Whether {@code answer} names what this kernel's Mystery kext does. */
    static Check.Verdict verdict(Kernel kernel, MysteryStrategy answer) {
        if (answer == null) {
            return new Check.Verdict(false, "no answer yet; type answer STRATEGY");
        }
        boolean right = answer == MysteryStrategy.forSeed(kernel.seed());
        return new Check.Verdict(right, right ? "" : "'" + answer.word() + "' is not what it does");
    }

    /** The {@code answer} command. */
    public static ShellCommand command() {
        return new ShellCommand() {
            @Override
            public String name() {
                return "answer";
            }

            @Override
            public String summary() {
                return "answer STRATEGY: your verdict on the Mystery kext (lesson 11)";
            }

            @Override
            public List<String> help() {
                return TutorialCommands.helpFromSummary(name(), summary());
            }

            @Override
            public List<String> options() {
                return List.of(MysteryStrategy.words().split(", "));
            }

            @Override
            public int run(Invocation invocation, List<String> args) {
                Console console = invocation.console();
                Session session = invocation.session();
                MysteryStrategy s = args.size() == 1 ? MysteryStrategy.parse(args.get(0)) : null;
                if (s == null) {
                    if (args.size() == 1) {
                        console.err("answer: unknown strategy '" + args.get(0) + "'");
                    }
                    console.err("usage: answer " + String.join("|", MysteryStrategy.words().split(", ")));
                    return Sysexits.EX_USAGE;
                }
                Answer a = session.toolState(Answer.class, Answer::new);
                a.kernel = session.kernel();
                a.value = s;
                console.out("Your answer: " + s.word() + ". 'check answer' tells you whether it is right.");
                return 0;
            }
        };
    }
}
