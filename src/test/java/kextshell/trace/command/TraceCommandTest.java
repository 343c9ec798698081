package kextshell.trace.command;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import kextshell.shell.Result;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TraceCommandTest {
    @TempDir
    Path dir;

    private final Session session = Kextshell.newSession();

    private Result run(String line) {
        return session.execute(line);
    }

    private void unloadWithTwoClients() {
        run("sudo kextload /Library/Extensions/driver.kext");
        run("launch --count 2 com_osxkernel_driver");
        run("sudo kextunload -b com.osxkernel.driver");
    }

    @Test
    void beforeAnythingChangedTraceSaysSo() {
        run("kextstat");
        Result r = run("trace");
        assertEquals(1, r.exitCode());
        assertEquals("trace: no command has changed the kernel yet\n", r.output());
    }

    @Test
    void traceDrawsTheLastStateChangingCommandSkippingReadOnlyOnes() {
        unloadWithTwoClients();
        run("kextstat");
        run("ps");
        Result r = run("trace");
        assertEquals(0, r.exitCode());
        assertTrue(r.output().startsWith("trace 3: sudo kextunload -b com.osxkernel.driver  (32 events"), r.output());
        assertTrue(r.output().contains("terminate(kIOServiceRequired|kIOServiceSynchronous)"));
    }

    @Test
    void traceNAndListNumberTypedLines() {
        unloadWithTwoClients();
        Result list = run("trace --list");
        assertEquals("    1  sudo kextload /Library/Extensions/driver.kext  (4 events, 2 callbacks)\n"
                + "    2  launch --count 2 com_osxkernel_driver  (2 events, 0 callbacks)\n"
                + "    3  sudo kextunload -b com.osxkernel.driver  (32 events, 25 callbacks, 3 terminate())\n",
                list.output());
        assertTrue(run("trace 1").output().startsWith("trace 1: sudo kextload"));
        Result none = run("trace 99");
        assertEquals(1, none.exitCode());
        assertEquals("trace: no command 99 (this session has run 5)\n", none.output());
    }

    @Test
    void badWordsGiveOneErrorLineAndTheUsage() {
        for (String bad : new String[] {"trace --nope", "trace 0", "trace x", "trace 1 2", "trace --svg",
            "trace --list 3", "trace --force", "trace --step --svg a.svg"}) {
            Result r = run(bad);
            assertEquals(64, r.exitCode(), bad);
            assertEquals(5, r.output().lines().count(), bad + ": " + r.output());
            assertTrue(r.output().lines().allMatch(l -> l.length() <= 80), r.output());
            assertTrue(r.output().lines().skip(1).findFirst().get().startsWith("usage: trace"), bad);
        }
    }

    @Test
    void helpPrintsTheUsageAndWhatEachOptionDoes() {
        Result help = run("help trace");
        assertEquals(0, help.exitCode());
        assertTrue(help.output().startsWith("usage: trace [N]"), help.output());
        assertTrue(help.output().contains("--svg FILE"));
        assertEquals(help.output(), run("trace -h").output());
        assertTrue(help.output().lines().allMatch(l -> l.length() <= 80));
    }

    @Test
    void svgIsWrittenOnceAndParsesAsXml() throws Exception {
        unloadWithTwoClients();
        Path svg = dir.resolve("unload.svg");
        Result first = run("trace --svg " + svg);
        assertEquals(0, first.exitCode(), first.output());
        var doc = DocumentBuilderFactory.newInstance().newDocumentBuilder()
                .parse(new ByteArrayInputStream(Files.readAllBytes(svg)));
        assertEquals("svg", doc.getDocumentElement().getTagName());
        Result again = run("trace --svg " + svg);
        assertEquals(1, again.exitCode());
        assertEquals("trace: " + svg + ": file exists (add --force to replace it)\n", again.output());
        assertEquals(0, run("trace --svg " + svg + " --force").exitCode());
        Result missing = run("trace --svg " + dir.resolve("nope/x.svg"));
        assertEquals("trace: " + dir.resolve("nope/x.svg") + ": no such directory\n", missing.output());
        assertFalse(missing.output().contains("Exception"));
    }

    @Test
    void stepperGoesForwardBackAndJumps() {
        unloadWithTwoClients();
        Result start = run("trace --step");
        assertTrue(start.output().contains("step 1/32  #6  com_osxkernel_driver 0x100000251: "
                + "terminate(kIOServiceRequired|kIOServiceSynchronous)"), start.output());
        assertTrue(run("trace --step next").output().contains("step 2/32  #7  phase1  com_osxkernel_driver"
                + " 0x100000251: inactive\n  __state[0]: kIOServiceInactiveState set"));
        assertTrue(run("trace --step back").output().startsWith("step 1/32"));
        assertEquals(1, run("trace --step back").exitCode());
        Result port = run("trace --step goto 11");
        assertTrue(port.output().contains("port-dead") && port.output().contains("port: LIVE → DEAD"),
                port.output());
        assertEquals(1, run("trace --step goto 33").exitCode());
        assertEquals(0, run("trace --step quit").exitCode());
        assertEquals("trace: not stepping; 'trace --step' starts\n", run("trace --step n").output());
    }

    @Test
    void aFreshKernelStartsTheSliceAtZero() {
        unloadWithTwoClients();
        session.resetKernel(0);
        run("sudo kextload /Library/Extensions/driver.kext");
        assertTrue(run("trace").output().startsWith("trace 4: sudo kextload /Library/Extensions/driver.kext  (4 events"));
    }
}
