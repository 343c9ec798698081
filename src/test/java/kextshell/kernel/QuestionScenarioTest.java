package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The question: kextunload with two clients connected, and the order of callbacks it logs. */
class QuestionScenarioTest {
    private static final String D = "com_osxkernel_driver";
    private static final String C = "com_osxkernel_driverClient";

    @Test
    void kextunloadWithTwoClientsLogsTheQuestionsOrder() {
        KernelFixture f = new KernelFixture();
        assertTrue(f.load(KernelFixture.DRIVER_ID).ok());
        Task a = f.open(D);
        Task b = f.open(D);
        int log = f.k.log().size();
        int journal = f.k.journal().size();

        KextRequestResult r = f.unload(KernelFixture.DRIVER_ID);

        assertEquals(IOReturn.kIOReturnSuccess, r.result(), r.kernelLines().toString());
        assertEquals(List.of(
                "(driver) virtual bool " + D + "::terminate(IOOptionBits)",
                "(driver) virtual bool " + C + "::terminate(IOOptionBits)",
                "(driver) virtual bool " + C + "::terminate(IOOptionBits)",
                "(driver) virtual void " + C + "::stop(IOService *)",
                "(driver) virtual void " + C + "::stop(IOService *)",
                "(driver) virtual void " + D + "::stop(IOService *)"),
                f.logSince(log).stream().filter(l -> l.startsWith("(driver)")).toList());

        List<JournalEvent> seq = f.calls(journal, "terminate", "stop");
        assertEquals(List.of(D + ":terminate", C + ":terminate", C + ":terminate", C + ":stop", C + ":stop",
                D + ":stop"), seq.stream().map(e -> e.className() + ":" + e.what()).toList());
        // §1.2: kextunload's terminate(0x3); phase 1 adds kIOServiceTerminate, clients see Recursing.
        assertEquals(0x3, seq.get(0).options());
        assertEquals(0x00100007, seq.get(1).options());
        assertEquals(Journal.PHASE1, seq.get(1).phase());
        // Phase 2/3 callbacks of a synchronous terminate see the caller's options | 0x4 | 0x1 = 0x7.
        for (JournalEvent e : f.calls(journal, "willTerminate", "didTerminate", "finalize")) {
            assertEquals(0x7, e.options(), e.toString());
        }
        // The driver's stop came before terminate(0x3) returned: nothing of it is left.
        assertNull(f.driver());
        assertEquals(0, f.instances(D));
        assertEquals(0, f.instances(C));
        assertFalse(f.k.kexts().lookup(KernelFixture.DRIVER_ID) != null);
        // §3.3: the ports were destroyed in phase 1, so both clients' calls now fail in Mach.
        for (Task t : List.of(a, b)) {
            assertEquals(IOReturn.MACH_SEND_INVALID_DEST, f.us.connectCall(t, t.connections().get(0), 0));
        }
        assertTrue(f.k.violations().isEmpty(), f.k.violations().toString());
    }
}
