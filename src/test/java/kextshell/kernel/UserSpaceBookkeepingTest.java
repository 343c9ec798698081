package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.EnumSet;
import java.util.List;
import kextshell.kexts.SampleKexts;
import org.junit.jupiter.api.Test;

/** What ps, call, close and the journal show about processes (mutation testing found these unasserted). */
class UserSpaceBookkeepingTest {
    final KernelFixture f = new KernelFixture();

    private List<JournalEvent> since(int j, String what) {
        return f.k.journal().since(j).stream().filter(e -> e.what().equals(what)).toList();
    }

    @Test
    void openingAndExitingAreJournaledWithThePid() {
        f.load(KernelFixture.DRIVER_ID);
        int j = f.k.journal().size();
        Task t = f.open(KernelFixture.DRIVER);
        JournalEvent opened = since(j, "opened").get(0);
        assertEquals("pid " + t.pid(), opened.detail());
        assertEquals(f.service(KernelFixture.DRIVER).getRegistryEntryID(), opened.otherId());
        f.us.exit(t);
        JournalEvent exit = since(j, "task-exit").get(0);
        assertEquals("pid " + t.pid(), exit.className());
        assertEquals("clientd", exit.detail());
        assertTrue(t.connections().get(0).released(), "the dead task's send right is gone");
        assertEquals(1, since(j, "clientDied").size(), "no-senders reached the user client");
    }

    @Test
    void closingReleasesTheConnectionAndASecondCloseIsAnInvalidName() {
        f.load(KernelFixture.DRIVER_ID);
        Task t = f.open(KernelFixture.DRIVER);
        Connection c = t.connections().get(0);
        assertEquals(IOReturn.kIOReturnSuccess, f.us.serviceClose(t, c));
        assertTrue(c.released());
        assertEquals(IOReturn.MACH_SEND_INVALID_DEST, f.us.serviceClose(t, c));
    }

    @Test
    void noticesAreDeliveredOnce() {
        f.us.notice("one");
        assertEquals(List.of("one"), f.us.drainNotices());
        assertEquals(List.of(), f.us.drainNotices());
    }

    @Test
    void reapingStartsAboveTwiceTheLimitAndRepeats() {
        for (int i = 0; i < 2 * UserSpace.EXITED_KEEP; i++) {
            f.us.exit(f.us.spawn("short"));
        }
        f.k.beginCommand();
        assertEquals(2 * UserSpace.EXITED_KEEP, f.us.tasks().size(), "exactly twice the limit: nothing reaped yet");
        f.us.exit(f.us.spawn("short"));
        f.k.beginCommand();
        assertEquals(UserSpace.EXITED_KEEP, f.us.tasks().size());
        for (int i = 0; i < UserSpace.EXITED_KEEP + 1; i++) {
            f.us.exit(f.us.spawn("short"));
        }
        f.k.beginCommand();
        assertEquals(UserSpace.EXITED_KEEP, f.us.tasks().size(), "the count of exited tasks held stays right");
    }

    @Test
    void theNondeterministicPidFaultStillGivesPidsInItsRange() {
        KernelFixture g = new KernelFixture(new Kernel(0, SampleKexts.bundles(), EnumSet.of(Fault.NONDETERMINISTIC_PIDS)));
        for (int i = 0; i < 50; i++) {
            int pid = g.us.spawn("x").pid();
            assertTrue(pid >= 1000 && pid <= 1000 + 0xfff, "pid " + pid);
        }
    }
}
