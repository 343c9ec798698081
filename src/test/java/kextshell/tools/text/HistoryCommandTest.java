package kextshell.tools.text;

import static org.junit.jupiter.api.Assertions.assertEquals;

import kextshell.app.Kextshell;
import kextshell.shell.Result;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

class HistoryCommandTest {
    private final Session session = Kextshell.newSession();

    @Test
    void listsTypedLinesNumberedAsZshDoesWithoutItself() {
        session.execute("whoami");
        session.execute("");
        session.execute("kextstat -l");
        assertEquals("    1  whoami\n    2  kextstat -l\n", session.execute("history").stdout());
        assertEquals("    1  whoami\n    2  kextstat -l\n    3  history\n    4  pwd\n",
                run("pwd", "history 1"));
    }

    @Test
    void showsTheLastSixteenByDefaultAndAnyRangeOnRequest() {
        for (int i = 1; i <= 20; i++) {
            session.execute("sleep " + i);
        }
        String last = session.execute("history").stdout();
        assertEquals(16, last.lines().count());
        assertEquals("    5  sleep 5", last.lines().findFirst().orElseThrow());
        assertEquals("   20  sleep 20\n   21  history\n", session.execute("history -2").stdout());
        assertEquals("   22  history -2\n", session.execute("history 22").stdout());
    }

    @Test
    void answersToQuestionsAreNotHistory() {
        session.execute("reset");
        session.execute("n");
        session.execute("whoami");
        assertEquals("    1  reset\n    2  whoami\n", session.execute("history").stdout());
    }

    @Test
    void aBadArgumentIsZshsMessage() {
        Result r = session.execute("history abc");
        assertEquals("history: event not found: abc\n", r.stderr());
        assertEquals(1, r.exitCode());
        assertEquals("history: event not found: 99\n", session.execute("history 99").stderr());
    }

    private String run(String line, String then) {
        session.execute(line);
        return session.execute(then).stdout();
    }
}
