package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * IOService::_adjustBusy's guard: the busy count is 10 bits (kIOServiceBusyStateMask 0x3ff); a step
 * below zero or past 1023 is reported ("bad busy count (%d,%d)", OSReportWithBacktrace) and ignored.
 */
class BusyCountRulesTest {
    final KernelFixture f = new KernelFixture();

    @Test
    void aBusyCountNeverGoesBelowZeroOrPast1023() {
        f.load(KernelFixture.DRIVER_ID);
        IOService d = f.service(KernelFixture.DRIVER);
        assertEquals(0, d.getBusyState());
        d.adjustBusy(-1);
        assertEquals(List.of("I7 bad busy count on " + d + " (0,-1)"), f.k.violations());
        assertEquals(0, d.getBusyState());
        for (int i = 0; i < 1023; i++) {
            d.adjustBusy(1);
        }
        assertEquals(1023, d.getBusyState());
        assertEquals(1, f.k.violations().size(), "1023 is allowed");
        d.adjustBusy(1);
        assertEquals(1023, d.getBusyState(), "the step past the maximum is ignored");
        assertEquals("I7 bad busy count on " + d + " (1023,1)", f.k.violations().get(1));
        for (int i = 0; i < 1023; i++) {
            d.adjustBusy(-1);
        }
        assertEquals(0, d.getBusyState());
        assertTrue(f.k.isQuiet(), "the provider chain went quiet with it");
        assertEquals(2, f.k.violations().size());
    }

    @Test
    void onlyTheFirstAndLastStepReachTheProvider() {
        f.load(KernelFixture.DRIVER_ID);
        IOService d = f.service(KernelFixture.DRIVER);
        IOService provider = d.getProvider();
        int before = provider.getBusyState();
        d.adjustBusy(1);
        d.adjustBusy(1);
        assertEquals(before + 1, provider.getBusyState(), "0->1 propagates once, 1->2 does not");
        d.adjustBusy(-1);
        assertEquals(before + 1, provider.getBusyState());
        d.adjustBusy(-1);
        assertEquals(before, provider.getBusyState());
    }

    @Test
    void isOpenWithoutAClientAsksWhetherAnyoneHoldsIt() {
        f.load(KernelFixture.DRIVER_ID);
        IOService d = f.service(KernelFixture.DRIVER);
        IOService other = f.k.serviceRoot();
        assertFalse(d.isOpen(null));
        assertTrue(d.open(other, 0));
        assertTrue(d.isOpen(null));
        assertTrue(d.isOpen(other));
        d.close(other, 0);
        assertFalse(d.isOpen(null));
    }
}
