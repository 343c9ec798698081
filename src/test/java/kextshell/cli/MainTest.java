package kextshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import kextshell.Main;
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
        assertTrue(out().startsWith("kextshell: command not found: nosuchtool\n"), out());
    }

    @Test
    void dashCWithoutACommandIsAUsageError() {
        assertEquals(2, run("", "-c"));
        assertTrue(err().contains("-c takes exactly one argument"), err());
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
        assertTrue(out().startsWith("usage: kextshell"), out());
        assertEquals(0, run("", "--version"));
        assertTrue(out().contains("kextshell "), out());
    }

    @Test
    void replayAndRecordAreWired() {
        assertEquals(1, run("", "replay", "--check", "no-such-lesson.md"));
        assertTrue(out().contains("0 passed, 1 failed"), out());
        assertEquals(2, run("", "--record"));
        assertTrue(err().contains("usage: kextshell --record [--force] FILE"), err());
    }

    @Test
    void unknownArgumentsAreUsageErrorsWithASuggestion() {
        assertEquals(2, run("", "--verison"));
        assertTrue(err().contains("did you mean '--version'?"), err());
    }
}
