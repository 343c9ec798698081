package kextshell.shell;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HelpTest {
    private final Session session = StubTool.session();

    @Test
    void listsEveryCommandOnceWithItsSummary() {
        Result result = session.execute("help");
        assertEquals(0, result.exitCode());
        for (ShellCommand command : session.commands().values()) {
            long lines = result.output().lines()
                    .filter(l -> l.startsWith("  " + command.name() + " ") && l.endsWith(command.summary()))
                    .count();
            assertEquals(1, lines, () -> command.name() + " in\n" + result.output());
        }
    }

    @Test
    void groupsMacosToolsBeforeKextshellAndAlignsSummaries() {
        String expected = String.join("\n",
                "macOS tools:",
                "  kextload    stand-in for kextload",
                "  kextstat    stand-in for kextstat",
                "  kextunload  stand-in for kextunload",
                "  sudo        run a command as root; sudo -s opens a root shell",
                "  whoami      print the name of the current user",
                "",
                "kextshell:",
                "  exit        leave the shell (after sudo -s: leave the root shell)",
                "  help        list the commands, or show how to use one: help CMD",
                "",
                "Type 'help CMD' to see how to use a command, 'man CMD' for its manual page.",
                "");
        assertEquals(expected, session.execute("help").output());
    }

    @Test
    void longSummariesWrapAtTheSessionWidth() {
        Session narrow = Kextshell.newSession(SessionConfig.defaults().withWidth(40));
        narrow.commands().keySet().retainAll(java.util.Set.of("exit", "help", "sudo", "whoami"));
        String output = narrow.execute("help").output();
        assertTrue(output.lines().allMatch(l -> l.length() <= 40), output);
        assertTrue(output.contains("\n  exit    leave the shell (after sudo\n          -s: leave the root shell)\n"), output);
    }

    @Test
    void helpForOneCommandShowsItsUsage() {
        assertEquals(new Result("usage: kextunload [-v] -b bundle-id\n", 0), session.execute("help kextunload"));
        assertEquals("usage: exit\n\nleave the shell (after sudo -s: leave the root shell)\n",
                session.execute("help exit").output());
        assertEquals(false, session.exited());
    }

    @Test
    void helpNeverRunsTheCommand() {
        java.util.List<java.util.List<String>> runs = new java.util.ArrayList<>();
        session.register(new ShellCommand() {
            @Override
            public String name() {
                return "probe";
            }

            @Override
            public String summary() {
                return "records its runs";
            }

            @Override
            public int run(Invocation invocation, java.util.List<String> args) {
                runs.add(args);
                return 0;
            }
        });
        assertEquals("usage: probe\n\nrecords its runs\n", session.execute("help probe").output());
        assertEquals(java.util.List.of(), runs);
    }

    @Test
    void helpForTheRealToolsShowsTheirUsageNotAnError() {
        Session real = Kextshell.newSession();
        Result kill = real.execute("help kill");
        assertEquals(0, kill.exitCode());
        assertTrue(kill.stdout().startsWith("usage: kill [-s signal_name] pid ...\n       kill -l [exit_status]\n"),
                kill.output());
        assertEquals("", kill.stderr());
        for (String name : real.commands().keySet()) {
            Result r = real.execute("help " + name);
            assertEquals(0, r.exitCode(), name);
            assertEquals("", r.stderr(), name);
            assertTrue(r.stdout().toLowerCase(java.util.Locale.ROOT).startsWith("usage: "), name + ": " + r.stdout());
            assertTrue(r.stdout().lines().allMatch(l -> l.length() <= 80), name + ": " + r.stdout());
        }
    }

    @Test
    void helpForAnUnknownCommandSuggests() {
        assertEquals(err("help: no such command: kextunlod\nhelp: did you mean 'kextunload'?\n", 1),
                session.execute("help kextunlod"));
    }

    @Test
    void unknownCommandSuggestsTheClosestName() {
        assertEquals(err("zsh: command not found: kextunlod\n"
                + "kextshell: did you mean 'kextunload'?\n", 127), session.execute("kextunlod"));
        assertEquals(err("zsh: command not found: frobnicate\n", 127), session.execute("frobnicate"));
    }

    /** What a command printed on stderr, with its status. */
    private static Result err(String stderr, int status) {
        return new Result(java.util.List.of(new Result.Chunk(true, stderr)), status);
    }
}
