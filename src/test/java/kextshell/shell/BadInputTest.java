package kextshell.shell;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** One 100,000-character line per command: refused cleanly, and nothing in the kernel changes. */
class BadInputTest {
    static final Pattern JAVA = Pattern.compile(
            "Exception|[A-Za-z]Error\\b|\\bat kextshell\\.|java\\.lang|kextshell: internal error");
    static final String LONG = "x".repeat(100_000);
    static final String DIGITS = "9".repeat(100_000);

    private static String state(Session s) {
        return s.execute("ioreg -w 0").output() + s.execute("kextstat").output() + s.execute("ps").output()
                + s.execute("device list").output();
    }

    @Test
    void hugeLinesAreRefusedWithoutChangingState() {
        Session s = Kextshell.newSession(new SessionConfig(0, 80));
        assertEquals(0, s.execute("sudo kextload /Library/Extensions/driver.kext").exitCode());
        assertEquals(0, s.execute("launch com_osxkernel_driver").exitCode());
        String before = state(s);

        List<String> lines = List.of(
                LONG, "sudo " + LONG, DIGITS, "'" + LONG, " ".repeat(99_999) + "x",
                "kextload " + LONG, "sudo kextload " + LONG, "sudo kextload -b " + LONG,
                "sudo kextunload -b " + LONG, "sudo kextunload " + LONG, "sudo kextunload -v " + DIGITS,
                "kextstat " + LONG, "kextstat -b " + LONG + " extra", "sudo kextutil -b " + LONG,
                "ioreg -d " + DIGITS + " -r -c " + LONG, "ioreg -" + "q".repeat(100_000),
                "log show --predicate 'sender == \"" + LONG + "\"' --last " + DIGITS + "s", "log " + LONG,
                "sudo dmesg " + LONG, "launch " + LONG, "launch --count " + DIGITS + " com_osxkernel_driver",
                "ps " + LONG, "call " + DIGITS, "call 401 " + DIGITS, "close " + DIGITS, "kill " + DIGITS,
                "kill -" + LONG + " 401", "notify " + DIGITS, "device attach " + LONG,
                "device attach w --product " + DIGITS, "device detach " + LONG, "sleep " + DIGITS, "sleep " + LONG,
                "date +" + LONG.substring(0, 10) + " " + LONG, "ls " + LONG, "cat " + LONG, "cd " + LONG,
                "kextinfo " + LONG, "compare --scenario " + LONG + " --strategy driver", "help " + LONG,
                "sudo -" + LONG);
        for (String line : lines) {
            Result r = s.execute(line);
            String shown = line.substring(0, Math.min(40, line.length()));
            assertTrue(r.exitCode() != 0 || r.output().isEmpty(), shown + " -> " + r.exitCode());
            assertFalse(JAVA.matcher(r.output()).find(), shown + " printed a Java name");
            if (r.exitCode() != 0) {
                assertFalse(r.output().isBlank(), shown + " failed silently");
            }
        }
        assertEquals(before, state(s));
    }
}
