package kextshell.kernel;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 defect 5: the journal, the log, the violations and the process table grew for ever
 * (1.34 GB after five rounds of launch 100,000 + unload). They compact at command boundaries and
 * keep what checks, lessons, log show and a trace of the last command read.
 */
class BoundedMemoryTest {
    final KernelFixture f = new KernelFixture();

    private void kextEvents(int n, EventName what) {
        for (int i = 0; i < n; i++) {
            f.k.journal().kext(what, "com.example", "");
        }
    }

    @Test
    void D5_theJournalDropsOldEventsButKeepsTheLastChangingCommandWhole() {
        Journal j = f.k.journal();
        j.beginCommand();
        int bigStart = j.size();
        kextEvents(3 * Journal.KEEP, EventName.LOADED);
        j.beginCommand(); // the big command stays whole: it is the last that changed anything
        assertEquals(bigStart, j.lastChange().get(0).seq());
        assertEquals(3 * Journal.KEEP, j.lastChange().size());
        assertTrue(j.first() <= bigStart);
        int smallStart = j.size();
        kextEvents(10, EventName.UNLOADED);
        j.beginCommand(); // a read-only command now: nothing written
        j.beginCommand();
        assertEquals(Journal.KEEP, j.events().size(), "the most recent KEEP events are held, no more");
        assertEquals(smallStart + 10, j.size(), "sequence numbers stay absolute");
        assertEquals(List.of("unloaded"), j.lastChange().stream().map(JournalEvent::what).distinct().toList());
        assertEquals(smallStart, j.lastChange().get(0).seq());
        assertEquals(j.first(), j.since(0).get(0).seq(), "asking for dropped events gives the oldest held");
        assertEquals(3L * Journal.KEEP, j.count("loaded", "com.example"), "check event still counts dropped events");
    }

    @Test
    void D5_invariantFactsSurviveCompaction() {
        f.load(KernelFixture.DRIVER_ID);
        IOService driver = f.service(KernelFixture.DRIVER);
        f.k.journal().state(EventName.STOP_DEFERRED, driver, null, "");
        f.k.journal().call(EventName.DETACH, driver, -1, null, "");
        kextEvents(3 * Journal.KEEP, EventName.RETAINED);
        f.k.journal().beginCommand();
        kextEvents(1, EventName.RETAINED);
        f.k.journal().beginCommand();
        assertTrue(f.k.journal().first() > 0, "old events were dropped");
        assertTrue(f.k.journal().wasDetached(driver.getRegistryEntryID()));
        assertEquals("stop-deferred", f.k.journal().deferralOf(driver.getRegistryEntryID()));
        f.k.journal().call(EventName.FREE, driver, -1, null, "");
        assertFalse(f.k.journal().wasDetached(driver.getRegistryEntryID()), "a freed object's facts go with it");
        assertNull(f.k.journal().deferralOf(driver.getRegistryEntryID()));
    }

    @Test
    void D5_theLogKeepsItsNewestLinesAndAbsolutePositions() {
        KernelLog log = f.k.log();
        int start = log.size();
        for (int i = 0; i < 2 * KernelLog.KEEP + 1; i++) {
            log.ioLog("kernel", "line " + i);
        }
        log.beginCommand();
        assertEquals(KernelLog.KEEP, log.lines().size());
        assertEquals(start + 2 * KernelLog.KEEP + 1, log.size());
        assertEquals("line " + 2 * KernelLog.KEEP, log.since(log.size() - 1).get(0).text());
        assertEquals(KernelLog.KEEP, log.since(start).size(), "a stale position reads from the oldest held");
    }

    @Test
    void D5_violationsAreCountedNotHeldWithoutLimit() {
        for (int i = 0; i < 100_000; i++) {
            f.k.violation("I7 bad busy count on x (1023,1)");
        }
        List<String> v = f.k.violations();
        assertEquals(Kernel.VIOLATIONS_KEPT + 1, v.size());
        assertEquals("... and " + (100_000 - Kernel.VIOLATIONS_KEPT) + " more violations", v.get(v.size() - 1));
    }

    @Test
    void D5_exitedProcessesAreReapedButLiveOnesNever() {
        Task live = f.us.spawn("keeper");
        int firstExited = live.pid() + 1;
        for (int i = 0; i < 2 * UserSpace.EXITED_KEEP + 1; i++) {
            f.us.exit(f.us.spawn("short"));
        }
        f.k.beginCommand();
        assertEquals(UserSpace.EXITED_KEEP + 1, f.us.tasks().size());
        assertTrue(f.us.task(live.pid()).alive());
        assertNull(f.us.task(firstExited));
        assertTrue(f.us.wasReaped(firstExited));
        assertFalse(f.us.wasReaped(live.pid()));
        assertFalse(f.us.wasReaped(live.pid() + 10 * UserSpace.EXITED_KEEP), "never handed out");
    }

    @Test
    void D5_aLessonCheckStillSeesAReapedProcessAsExited() {
        Session s = Kextshell.newSession();
        s.execute("launch --count 1 com_osxkernel_driver"); // no driver loaded: the daemon exits at once
        for (int i = 0; i < 2 * UserSpace.EXITED_KEEP + 1; i++) {
            s.kernel().userSpace().exit(s.kernel().userSpace().spawn("short"));
        }
        s.execute("whoami");
        assertTrue(s.kernel().userSpace().wasReaped(UserSpace.FIRST_PID));
        assertEquals(0, s.execute("check process " + UserSpace.FIRST_PID + " exited").exitCode());
        assertEquals(1, s.execute("check process " + UserSpace.FIRST_PID + " alive").exitCode());
    }
}
