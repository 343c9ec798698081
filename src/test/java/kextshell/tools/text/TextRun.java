package kextshell.tools.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import kextshell.app.Kextshell;
import kextshell.shell.Console;
import kextshell.shell.FileSystem;
import kextshell.shell.Invocation;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.ShellCommand;

/** One text-tool run in a fresh (or given) session: what it wrote to each stream, and its status. */
record TextRun(String out, String err, int status) {
    static Session session() {
        return Kextshell.newSession();
    }

    /** Runs {@code cmd args} with {@code stdin} piped in (null: the terminal). */
    static TextRun run(Session s, ShellCommand cmd, String stdin, String... args) {
        Console console = new Console();
        int status = cmd.run(new Invocation(s, console, false, stdin), List.of(args));
        Result r = new Result(console.chunks(), status);
        return new TextRun(r.stdout(), r.stderr(), status);
    }

    static TextRun run(ShellCommand cmd, String stdin, String... args) {
        return run(session(), cmd, stdin, args);
    }

    static void write(Session s, String path, String text) {
        try {
            s.files().write(path, text, false);
        } catch (FileSystem.FileError e) {
            throw new AssertionError(e.reason(), e);
        }
    }

    TextRun is(String expectedOut, int expectedStatus) {
        assertEquals(expectedOut, out, "stdout");
        assertEquals("", err, "stderr");
        assertEquals(expectedStatus, status, "status");
        return this;
    }

    TextRun fails(int expectedStatus, String... errLines) {
        assertEquals(errLines.length == 0 ? "" : String.join("\n", errLines) + "\n", err, "stderr");
        assertEquals(expectedStatus, status, "status");
        return this;
    }
}
