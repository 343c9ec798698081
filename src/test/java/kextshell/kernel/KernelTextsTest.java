package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** The kernel's own text: journal lines (what a trace and the sequence check print) and message names. */
class KernelTextsTest {
    @Test
    void aJournalEventPrintsEveryFactItHas() {
        JournalEvent full = new JournalEvent(5, 7, "call", "terminate", 0x100000118L, "com_osxkernel_driver", "phase1",
                0x2, 0x100000110L, "returned false");
        assertEquals("#5 call com_osxkernel_driver::terminate [0x100000118] options=0x2 other=0x100000110 (phase1)"
                + " returned false", full.toString());
        JournalEvent bare = new JournalEvent(0, 0, "kext", "loaded", 0, "com.osxkernel.driver", "", -1, 0, "");
        assertEquals("#0 kext com.osxkernel.driver::loaded", bare.toString());
        assertEquals("#1 state X::inactive options=0x0", new JournalEvent(1, 0, "state", "inactive", 0, "X", "", 0, 0, "")
                .toString());
    }

    @Test
    void isCallMatchesKindMethodAndClass() {
        JournalEvent e = new JournalEvent(0, 0, "call", "stop", 1, "C", "", -1, 0, "");
        assertTrue(e.isCall("stop", "C"));
        assertTrue(e.isCall("stop", null), "any class");
        assertFalse(e.isCall("stop", "D"));
        assertFalse(e.isCall("start", "C"));
        assertFalse(new JournalEvent(0, 0, "state", "stop", 1, "C", "", -1, 0, "").isCall("stop", "C"));
    }

    @Test
    void messageNamesAreIOKitsConstantsAndOthersPrintInHex() {
        assertEquals("kIOMessageServiceIsTerminated", IOOptions.messageName(0xE0000010));
        assertEquals("kIOMessageServiceIsRequestingClose", IOOptions.messageName(0xE0000100));
        assertEquals("kIOMessageServiceIsAttemptingOpen", IOOptions.messageName(0xE0000101));
        assertEquals("kIOMessageServiceWasClosed", IOOptions.messageName(0xE0000110));
        assertEquals("kIOMessageServiceBusyStateChange", IOOptions.messageName(0xE0000120));
        assertEquals(IOReturn.hex(0xE0000999), IOOptions.messageName(0xE0000999));
        assertEquals("00000002", IOOptions.hex8(2));
    }
}
