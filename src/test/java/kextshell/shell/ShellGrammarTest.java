package kextshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kextshell.app.Kextshell;
import kextshell.shell.FileSystem.FileError;
import org.junit.jupiter.api.Test;

/** The executor: redirections, pipes, lists and $? as zsh runs them. */
class ShellGrammarTest {
    private final Session s = Kextshell.newSession();

    private String file(String path) throws FileError {
        return s.files().read(path);
    }

    @Test
    void redirectionsApplyLeftToRight() throws FileError {
        Result r = s.execute("sudo kextunload -b com.nope >/tmp/both 2>&1");
        assertEquals("", r.output());
        assertEquals(3, r.exitCode());
        assertTrue(file("/tmp/both").contains("com.nope"), file("/tmp/both"));
        r = s.execute("sudo kextunload -b com.nope 2>&1 >/tmp/out");
        assertEquals("", file("/tmp/out"));
        assertTrue(r.stdout().contains("com.nope"), "stderr went where stdout was: the terminal's stdout");
        assertEquals("", r.stderr());
    }

    @Test
    void stderrToDevNullHidesOnlyTheErrors() {
        Result r = s.execute("sudo kextunload -b com.nope 2>/dev/null");
        assertEquals("", r.output());
        assertEquals(3, r.exitCode());
    }

    @Test
    void appendAndTruncate() throws FileError {
        s.execute("whoami > ~/w");
        s.execute("whoami >> ~/w");
        assertEquals("learner\nlearner\n", file("/Users/learner/w"));
        s.execute("whoami > ~/w");
        assertEquals("learner\n", file("/Users/learner/w"));
    }

    @Test
    void listsAndStatus() {
        assertEquals(127, s.execute("nope; whoami && nope2").exitCode());
        assertEquals("learner\n", s.execute("nope || whoami").stdout());
        assertEquals("", s.execute("whoami > /dev/null && nope 2>/dev/null").output());
        assertEquals(1, s.execute("! whoami > /dev/null").exitCode());
        assertEquals(1, s.lastStatus());
    }

    @Test
    void readOnlyPlacesKeepTheirFilesAndSaySo() {
        Result r = s.execute("whoami > /Library/x");
        assertEquals("zsh: permission denied: /Library/x\n", r.stderr());
        assertEquals(1, r.exitCode());
        assertTrue(!s.files().exists("/Library/x"));
    }

    @Test
    void globsMatchTheFilesOrFailLikeZsh() {
        Result r = s.execute("ls -1d /Library/Extensions/Usb*.kext");
        assertEquals("/Library/Extensions/UsbNaiveVeto.kext\n/Library/Extensions/UsbRobustVeto.kext\n"
                + "/Library/Extensions/UsbStock.kext\n", r.stdout());
        r = s.execute("ls /nope*");
        assertEquals("zsh: no matches found: /nope*\n", r.stderr());
        assertEquals(1, r.exitCode());
    }

    @Test
    void oddBracketsAreLiteralNotBrokenPatterns() {
        // found by the random sessions: "[!]" once became the regex "[^]"
        Result r = s.execute("sudo kextload [!]");
        assertEquals("zsh: no matches found: [!]\n", r.stderr());
        assertEquals(1, r.exitCode());
        assertEquals("zsh: no matches found: [^\\]]\n", s.execute("ls [^\\]]").stderr());
    }

    @Test
    void exitTakesAStatus() {
        s.execute("exit 5");
        assertTrue(s.exited());
        assertEquals(5, s.exitStatus());
    }

    @Test
    void manySudosDoNotOverflowTheStack() {
        assertEquals("root\n", s.execute("sudo ".repeat(8000) + "whoami").stdout());
    }
}
