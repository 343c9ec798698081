package kextshell.tools.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.app.Kextshell;
import kextshell.shell.Console;
import kextshell.shell.Invocation;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

class PagerCommandTest {
    private final Session session = Kextshell.newSession();

    private Console run(PagerCommand command, String stdin, String... args) {
        Console console = new Console();
        int status = command.run(new Invocation(session, console, false, stdin), List.of(args));
        console.out("status " + status);
        return console;
    }

    @Test
    void passesStandardInputThroughAndAsksForThePager() {
        Console c = run(PagerCommand.less(), "one\ntwo\n");
        assertEquals("one\ntwo\nstatus 0\n", c.text());
        assertTrue(c.pagerRequested());
    }

    @Test
    void moreDoesTheSame() {
        Console c = run(PagerCommand.more(), "x\n");
        assertEquals("x\nstatus 0\n", c.text());
        assertTrue(c.pagerRequested());
    }

    @Test
    void showsANamedFile() {
        Console c = run(PagerCommand.less(), null, "/Users/learner/README.txt");
        assertTrue(c.text().endsWith("\nstatus 0\n"), c.text());
        assertTrue(c.text().length() > "status 0\n".length() + 10, c.text());
    }

    @Test
    void aMissingFileOrFolderIsLessOwnMessage() {
        assertEquals("nope.txt: No such file or directory\nstatus 1\n", run(PagerCommand.less(), null, "nope.txt").text());
        assertEquals("/Library is a directory\nstatus 1\n", run(PagerCommand.less(), null, "/Library").text());
    }

    @Test
    void withNothingToShowOnATerminalItSaysSo() {
        assertEquals("Missing filename (\"less --help\" for help)\nstatus 1\n", run(PagerCommand.less(), null).text());
    }
}
