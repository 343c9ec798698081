package kextshell.kexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.shell.Console;
import kextshell.compare.CompareCommand;
import org.junit.jupiter.api.Test;

class CompareCommandTest {
    private static String run(String... args) {
        Console c = new Console();
        new CompareCommand().run(c, List.of(args));
        return c.text();
    }

    @Test
    void matrixFitsEightyColumns() {
        // Its wall time (target: under 2 s) is measured by ./kextshell bench, not here.
        List<String> lines = CompareCommand.matrix();
        for (String l : lines) {
            assertTrue(l.length() <= 80, l.length() + ": " + l);
        }
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("RobustVeto ") && l.endsWith("autounloaded")));
        assertTrue(lines.stream().anyMatch(l -> l.startsWith("UsbNaiveVeto ") && l.contains("orphaned")));
    }

    @Test
    void listNamesEveryStrategyWithItsBundleId() {
        String out = run("--list");
        assertTrue(out.contains("RobustVeto         com.osxkernel.RobustVeto\n"));
        assertTrue(out.contains("UsbStock           com.osxkernel.usb.Stock (USB 05ac:1234)\n"));
        for (String l : out.split("\n")) {
            assertTrue(l.length() <= 80, l);
        }
    }

    @Test
    void accountTellsOneCellStepByStep() {
        String out = run("--scenario", "unload", "--strategy", "DeferredStopStuck");
        assertTrue(out.contains("THREAD_TIMED_OUT"));
        assertTrue(out.contains("kextunload -b com.osxkernel.DeferredStopStuck -> 0xdc008018"));
        assertTrue(out.endsWith("Outcome: deadline 15 s (kext loaded; instances: driver 1, client 2; 15.001 s virtual)\n"));
        assertTrue(run("--scenario", "unplug", "--strategy", "driver").contains("Not applicable"));
    }

    @Test
    void badArgumentsAreReported() {
        Console c = new Console();
        assertEquals(64, new CompareCommand().run(c, List.of("--scenario", "unload")));
        assertEquals(1, new CompareCommand().run(new Console(), List.of("--scenario", "nope", "--strategy", "driver")));
        assertEquals(1, new CompareCommand().run(new Console(), List.of("--scenario", "kill", "--strategy", "nope")));
        assertEquals(64, new CompareCommand().run(new Console(), List.of("--bogus")));
    }
}
