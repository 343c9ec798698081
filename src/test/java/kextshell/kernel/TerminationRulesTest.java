package kextshell.kernel;

import static kextshell.kernel.IOOptions.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules R1–R14 of xnu-lifecycle §10.2: the termination state machine (IOService.cpp). */
class TerminationRulesTest {
    private static final String D = KernelFixture.DRIVER;
    private static final String C = KernelFixture.CLIENT;

    private static KernelFixture loaded() {
        KernelFixture f = new KernelFixture();
        assertTrue(f.load(KernelFixture.DRIVER_ID).ok());
        return f;
    }

    @Test
    void R1_terminateAddsTerminateBitAndReturnsTrueUnlessOverridden() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        int j = f.k.journal().size();
        assertTrue(f.k.terminate(d, 0));
        assertTrue(d.isInactive());
        // Asynchronous phase 2 callbacks see 0x1 only (R12); the driver had no clients.
        assertEquals(List.of(D + ":finalize:1"), f.calls(j, "finalize").stream()
                .map(e -> e.className() + ":" + e.what() + ":" + e.options()).toList());

        KernelFixture v = TestKexts.with(TestKexts.bundle("com.test.veto", "VetoD", TestKexts.VetoDriver::new, "VetoC",
                TestKexts.Client::new, Map.of()));
        assertTrue(v.load("com.test.veto").ok());
        IOService vd = v.service("VetoD");
        assertFalse(v.k.terminate(vd, kIOServiceSynchronous));
        assertFalse(vd.isInactive(), "an override returning false never reaches terminatePhase1");
    }

    @Test
    void R2_recursingOptionOnlyMarksTheObject() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        int j = f.k.journal().size();
        assertTrue(d.terminate(kIOServiceRecursing));
        assertTrue(d.isInactive());
        assertEquals(kIOServiceRecursingState | kIOServiceTermPhase1State,
                d.getState1() & (kIOServiceRecursingState | kIOServiceTermPhase1State));
        assertEquals(0, d.getBusyState(), "no walk, no busy count");
        assertTrue(f.calls(j, "willTerminate", "didTerminate", "finalize", "stop").isEmpty());
    }

    @Test
    void R3_walkMarksClientsInactiveBusyAndKillsPortsInAttachOrder() {
        KernelFixture f = loaded();
        Task a = f.open(D);
        Task b = f.open(D);
        IOService d = f.driver();
        List<IOService> clients = d.getClients();
        int j = f.k.journal().size();
        // Phase 1 alone: Recursing on the driver would skip the walk, so run the real entry but
        // observe it through the journal of phase 1.
        f.k.terminate(d, kIOServiceSynchronous);
        List<JournalEvent> req = f.calls(j, "requestTerminate");
        assertEquals(clients.stream().map(IORegistryEntry::getRegistryEntryID).toList(),
                req.stream().map(JournalEvent::objectId).toList(), "attach order");
        assertTrue(req.stream().allMatch(e -> e.phase().equals(Journal.PHASE1)));
        assertEquals(PortState.DEAD, a.connections().get(0).client().portState());
        assertEquals(PortState.DEAD, b.connections().get(0).client().portState());
        long inactiveMarks = f.k.journal().since(j).stream()
                .filter(e -> e.what().equals("inactive") && e.phase().equals(Journal.PHASE1)).count();
        assertEquals(3, inactiveMarks);
    }

    @Test
    void R4_defaultRequestTerminateNeedsTheOnlyProvider() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        IOService other = f.k.resources();
        IOService shared = (IOService) f.k.metaClassNamed("IOService").alloc();
        shared.init(null);
        assertTrue(shared.attach(d));
        assertTrue(shared.attach(other));
        assertFalse(shared.requestTerminate(d, 0), "two providers: refuse");
        assertFalse(shared.isInactive());
        IOService only = (IOService) f.k.metaClassNamed("IOService").alloc();
        only.init(null);
        only.attach(d);
        int j = f.k.journal().size();
        assertTrue(only.requestTerminate(d, kIOServiceTerminate));
        assertEquals(kIOServiceTerminate | kIOServiceRecursing, f.calls(j, "terminate").get(0).options());
        assertTrue(only.isInactive());
    }

    @Test
    void R5_openInProgressDefersTheProvidersPhase2() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        IOUserClient uc = (IOUserClient) f.k.metaClassNamed(C).alloc();
        Task t = f.us.spawn("clientd");
        uc.initWithTask(t, 0); // reserve(): StartState until the open completes
        assertTrue(uc.attach(d));
        assertTrue(d.terminate(0)); // asynchronous: queued for the terminate thread
        f.k.settle();
        assertTrue(f.k.journal().events().stream().anyMatch(e -> e.what().equals("phase2-deferred")));
        assertEquals(0, d.getState1() & kIOServiceTermPhase2State);
        uc.setTerminateDefer(d, false); // is_io_service_open_extended finishing
        f.k.settle();
        assertNull(f.driver(), "phase 2 and 3 ran once the open completed");
    }

    @Test
    void R6_willTerminateRootToLeafThenMessageThenDidTerminateLeafToRoot() {
        KernelFixture f = loaded();
        f.open(D);
        f.open(D);
        int j = f.k.journal().size();
        f.unload(KernelFixture.DRIVER_ID);
        List<String> seq = f.calls(j, "willTerminate", "message", "didTerminate").stream()
                .map(e -> e.className() + ":" + e.what()).toList();
        assertEquals(List.of(C + ":willTerminate", C + ":willTerminate", C + ":message", C + ":message",
                C + ":didTerminate", C + ":didTerminate"), seq);
        JournalEvent msg = f.calls(j, "message").get(0);
        assertEquals("kIOMessageServiceIsTerminated", msg.detail());
    }

    @Test
    void R7_defaultDidTerminateWaitsForAnOpenerToClose() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        IOService opener = (IOService) f.k.metaClassNamed("IOService").alloc();
        opener.init(null);
        opener.attach(d);
        assertTrue(d.open(opener, 0));
        int j = f.k.journal().size();
        d.terminate(0);
        f.k.settle();
        assertTrue(f.calls(j, "message").stream().anyMatch(e -> e.detail().equals("kIOMessageServiceIsRequestingClose")));
        assertTrue(f.calls(j, "stop").isEmpty(), "opener still holds the open: no stop");
        assertNotNull(f.driver());
        d.close(opener, 0); // R13: closing a phase-3 provider schedules the stop
        f.k.settle();
        assertEquals(1, f.calls(j, "stop").stream().filter(e -> e.objectId() == opener.getRegistryEntryID()).count());
    }

    @Test
    void R8_finalizeOnceAndWaitsForCallsInFlight() {
        KernelFixture f = loaded();
        Task t = f.open(D);
        IOUserClient uc = t.connections().get(0).client();
        uc.ipcInFlight = 1; // a call is executing in the kernel
        int j = f.k.journal().size();
        f.driver().terminate(0);
        f.k.settle();
        assertTrue(f.k.journal().since(j).stream().anyMatch(e -> e.what().equals("finalize-deferred")));
        assertTrue(f.calls(j, "finalize").stream().noneMatch(e -> e.objectId() == uc.getRegistryEntryID()));
        uc.ipcExit();
        f.k.settle();
        assertEquals(1, f.calls(j, "finalize").stream().filter(e -> e.objectId() == uc.getRegistryEntryID()).count());
        assertNull(f.driver());
    }

    @Test
    void R9_stopOfAnActiveRefusingClientIsNotDeferred() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        IOService stubborn = new IOService() {
            @Override
            public boolean requestTerminate(IOService provider, int options) {
                return false;
            }
        };
        stubborn.bind(f.k, f.k.metaClassNamed("IOService"));
        stubborn.init(null);
        stubborn.attach(d);
        int j = f.k.journal().size();
        f.k.terminate(d, kIOServiceSynchronous);
        assertFalse(stubborn.isInactive(), "left active");
        assertFalse(stubborn.isAttached(), "but stopped and detached: orphaned (§8)");
        assertEquals(1, f.calls(j, "stop").stream().filter(e -> e.objectId() == stubborn.getRegistryEntryID()).count());
    }

    @Test
    void R10_lastClientDetachFinalizesTheProviderAndClearsBusy() {
        KernelFixture f = loaded();
        f.open(D);
        IOService d = f.driver();
        d.retain(); // keep it observable after it leaves the registry
        f.k.terminate(d, kIOServiceSynchronous);
        assertEquals(0, d.getBusyState());
        assertFalse(d.isAttached());
        assertTrue((d.getState1() & kIOServiceFinalized) != 0);
        assertEquals(0, f.k.serviceRoot().getBusyState(), "the plane is quiet again");
        d.release();
    }

    @Test
    void R11_synchronousCallerWaitsAtMost15SecondsThenLogsTheTimeout() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        IOService stuck = new IOService() {
            @Override
            public boolean didTerminate(IOService provider, int options, boolean[] defer) {
                defer[0] = true; // I/O that never completes
                return super.didTerminate(provider, options, defer);
            }
        };
        stuck.bind(f.k, f.k.metaClassNamed("IOService"));
        stuck.init(null);
        stuck.attach(d);
        long t0 = f.k.clock().now();
        assertTrue(f.k.terminate(d, kIOServiceSynchronous));
        assertEquals(15 * VirtualClock.NS_PER_SEC, f.k.clock().now() - t0);
        String expected = D + "[0x" + Long.toHexString(d.getRegistryEntryID())
                + "]::terminate(kIOServiceSynchronous): THREAD_TIMED_OUT. Attempting to auto-resolve your deadlock. PLEASE FIX!";
        assertTrue(f.k.log().lines().stream().anyMatch(l -> l.text().equals(expected)));
        assertNotNull(f.driver(), "teardown incomplete: the driver is still attached");
    }

    @Test
    void R12_phase2OptionsAreCallersPlusRequiredOrJustRequired() {
        KernelFixture sync = loaded();
        sync.open(D);
        int j = sync.k.journal().size();
        sync.k.terminate(sync.driver(), kIOServiceSynchronous);
        assertTrue(sync.calls(j, "willTerminate", "didTerminate", "finalize").stream()
                .allMatch(e -> e.options() == (kIOServiceSynchronous | kIOServiceTerminate | kIOServiceRequired)));
        KernelFixture async = loaded();
        async.open(D);
        int k = async.k.journal().size();
        async.k.terminate(async.driver(), kIOServiceSynchronous & 0);
        assertTrue(async.calls(k, "willTerminate", "didTerminate", "finalize").stream()
                .allMatch(e -> e.options() == kIOServiceRequired));
        assertFalse(async.calls(k, "finalize").isEmpty());
    }

    @Test
    void R13_closeOfAPhase3ProviderSchedulesTheClientsStop() {
        R7_defaultDidTerminateWaitsForAnOpenerToClose();
    }

    @Test
    void R14_openFailsOnInactiveServiceAndAdmitsOneOwner() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        IOService a = new IOService();
        a.bind(f.k, f.k.metaClassNamed("IOService"));
        IOService b = new IOService();
        b.bind(f.k, f.k.metaClassNamed("IOService"));
        assertTrue(d.open(a, 0));
        assertFalse(d.open(b, 0), "single owner");
        d.close(a, 0);
        assertTrue(d.open(b, 0));
        d.close(b, 0);
        d.terminate(kIOServiceRecursing); // mark inactive only
        assertFalse(d.open(a, 0));
        assertEquals(IOReturn.kIOReturnUnsupported, f.us.serviceOpen(f.us.spawn("late"), d, 0, new Connection[1]));
    }
}
