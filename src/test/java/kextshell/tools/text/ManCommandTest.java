package kextshell.tools.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.app.Kextshell;
import kextshell.shell.Console;
import kextshell.shell.Invocation;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.SessionConfig;
import org.junit.jupiter.api.Test;

class ManCommandTest {
    private final Session session = Kextshell.newSession();

    @Test
    void withoutANameAsksWhichPageAsManDoes() {
        Result r = session.execute("man");
        assertEquals("What manual page do you want?\n", r.stderr());
        assertEquals(1, r.exitCode());
    }

    @Test
    void anUnknownNameHasNoEntry() {
        Result r = session.execute("man frobnicate");
        assertEquals("No manual entry for frobnicate\n", r.stderr());
        assertEquals(1, r.exitCode());
    }

    @Test
    void showsTheRealSynopsisAndOptionsFittedToTheWidth() {
        Session narrow = Kextshell.newSession(SessionConfig.defaults().withWidth(60));
        Result r = narrow.execute("man kextunload");
        assertEquals(0, r.exitCode());
        List<String> lines = r.stdout().lines().toList();
        assertTrue(lines.get(0).startsWith("KEXTUNLOAD(8)"), r.stdout());
        assertTrue(lines.contains("     kextunload [options] [--] [kext ...]"), r.stdout());
        assertTrue(lines.contains("     -b bundle_id, -bundle-id bundle_id"), r.stdout());
        assertTrue(lines.stream().allMatch(l -> l.length() < 60), r.stdout());
    }

    @Test
    void pagesForKextshellsOwnCommandsHaveTheSameShape() {
        Result r = session.execute("man launch");
        assertEquals(0, r.exitCode());
        assertTrue(r.stdout().contains("\nNAME\n     launch -- "), r.stdout());
        assertTrue(r.stdout().contains("\nSYNOPSIS\n     launch "), r.stdout());
    }

    @Test
    void asksForThePagerOnlyWhenThereIsAPage() {
        Console console = new Console();
        new ManCommand().run(new Invocation(session, console, false), List.of("ls"));
        assertTrue(console.pagerRequested());
        Console none = new Console();
        new ManCommand().run(new Invocation(session, none, false), List.of("nope"));
        assertFalse(none.pagerRequested());
    }
}
