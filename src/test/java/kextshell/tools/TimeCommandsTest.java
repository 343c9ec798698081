package kextshell.tools;

import kextshell.app.Kextshell;
import kextshell.tools.system.DateCommand;

import static kextshell.tools.ToolTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;

import kextshell.kernel.VirtualClock;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

class TimeCommandsTest {
    @Test
    void dateAtBootAndAfterSleep() {
        Session s = Kextshell.newSession();
        run(s, "date", 0, "Mon Nov 16 09:00:42 UTC 2020");
        run(s, "sleep 17.863", 0);
        run(s, "date", 0, "Mon Nov 16 09:01:00 UTC 2020");
        run(s, "sleep 86400", 0);
        run(s, "date -u", 0, "Tue Nov 17 09:01:00 UTC 2020");
        run(s, "date +%Y-%m-%dT%H:%M:%S%z", 0, "2020-11-17T09:01:00+0000");
        run(s, "date +%s", 0, "1605603660");
    }

    @Test
    void sleepAdvancesVirtualTimeExactly() {
        Session s = Kextshell.newSession();
        long before = s.kernel().clock().now();
        run(s, "sleep .25", 0);
        run(s, "sleep 1.", 0);
        run(s, "sleep +2", 0);
        run(s, "sleep 0", 0);
        run(s, "sleep 0.0000000019", 0);
        // Each of the five command lines also takes Session.COMMAND_TIME_NS.
        assertEquals(3 * VirtualClock.NS_PER_SEC + 250 * VirtualClock.NS_PER_MS + 1 + 5 * Session.COMMAND_TIME_NS,
                s.kernel().clock().now() - before);
    }

    @Test
    void sleepRejectsWhatIsNotADuration() {
        Session s = Kextshell.newSession();
        long before = s.kernel().clock().now();
        for (String bad : new String[] {"sleep", "sleep -1", "sleep abc", "sleep 1 2", "sleep 1e3", "sleep .",
            "sleep ''"}) {
            run(s, bad, 1, "usage: sleep seconds");
        }
        run(s, "sleep 1000000000", 1, "sleep: 1000000000: longer than kextshell's limit of 999999999 seconds");
        // Only the eight command lines' own time passed: no sleep happened.
        assertEquals(before + 8 * Session.COMMAND_TIME_NS, s.kernel().clock().now());
    }

    @Test
    void dateRejectsSettingTheClock() {
        run(Kextshell.newSession(), "date 0101000020", 1, DateCommand.USAGE1, DateCommand.USAGE2);
    }
}
