package kextshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import kextshell.app.Main;
import org.junit.jupiter.api.Test;

class MainTest {
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();

    private int run(String stdin, String... args) {
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    private String out() {
        return out.toString(StandardCharsets.UTF_8);
    }

    private String err() {
        return err.toString(StandardCharsets.UTF_8);
    }

    @Test
    void dashCRunsOneCommandAndReturnsItsStatus() {
        assertEquals(0, run("", "-c", "whoami"));
        assertEquals("learner\n", out());
    }

    @Test
    void dashCPassesAFailureOn() {
        assertEquals(127, run("", "-c", "nosuchtool"));
        assertTrue(err().startsWith("zsh: command not found: nosuchtool\n"), err());
        assertEquals("", out());
    }

    @Test
    void dashCKeepsTheToolsStreamsApart() {
        assertEquals(3, run("", "-c", "sudo kextunload -b com.nope"));
        assertEquals("", out(), "kextunload's messages go to stderr only");
        assertTrue(err().contains("com.nope"), err());
        assertEquals(2, err().split("\n").length, err());
    }

    @Test
    void dashCWithoutACommandIsAUsageError() {
        assertEquals(64, run("", "-c"));
        assertTrue(err().startsWith("kextshell: Missing required parameter for option '-c' (LINE)\n"), err());
        assertTrue(err().endsWith("kextshell: try 'kextshell --help'\n"), err());
    }

    @Test
    void pipedInputEchoesEachLineAndStopsAtExit() {
        assertEquals(0, run("whoami\nsudo -s\nwhoami\nexit\nexit\nwhoami\n"));
        assertEquals("$ whoami\nlearner\n$ sudo -s\n$ whoami\nroot\n$ exit\n$ exit\n", out());
    }

    @Test
    void pipedExitIsZero() {
        assertEquals(0, run("exit\n"));
        assertEquals("$ exit\n", out());
    }

    @Test
    void pipedStatusIsTheLastCommands() {
        assertEquals(127, run("whoami\nnosuchtool\n"));
        assertEquals(0, run("nosuchtool\nwhoami"));
        assertEquals(0, run(""));
    }

    @Test
    void launcherHelpAndVersion() {
        assertEquals(0, run("", "--help"));
        assertTrue(out().startsWith("Usage: kextshell"), out());
        for (String mode : new String[] {"replay", "tutorial", "bench", "--record", "-c"}) {
            assertTrue(out().contains(mode), mode + " missing from --help: " + out());
        }
        assertEquals(0, run("", "--version"));
        assertTrue(out().contains("kextshell "), out());
    }

    @Test
    void replayAndRecordAreWired() {
        assertEquals(1, run("", "replay", "--check", "no-such-lesson.md"));
        assertTrue(out().contains("0 passed, 1 failed"), out());
        assertEquals(64, run("", "--record"));
        assertTrue(err().contains("Missing required parameter for option '--record' (FILE)"), err());
    }

    @Test
    void unknownArgumentsAreUsageErrorsWithASuggestion() {
        assertEquals(64, run("", "--verison"));
        assertTrue(err().contains("did you mean '--version'?"), err());
    }

    @Test
    void exitWithAStatusEndsTheProcessWithIt() {
        assertEquals(5, run("", "-c", "exit 5"));
        assertEquals(5, run("whoami\nexit 5\nwhoami\n"));
        assertEquals("$ whoami\nlearner\n$ exit 5\n", out().substring(out().lastIndexOf("$ whoami\nlearner\n$ exit 5")));
    }

    @Test
    void aPipedScriptWithCommentsAndAHereDocumentRunsClean() {
        assertEquals(0, run("# set up\n\ncat > /tmp/n <<'EOF'\none\ntwo\nEOF\nwc -l < /tmp/n # count\n"));
        assertTrue(out().endsWith("$ wc -l < /tmp/n # count\n       2\n"), out());
        assertEquals("", err());
    }
}
