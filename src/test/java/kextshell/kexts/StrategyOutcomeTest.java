package kextshell.kexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kextshell.kernel.Connection;
import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.JournalEvent;
import kextshell.kernel.KextRequestResult;
import kextshell.kernel.LogLine;
import kextshell.kernel.PortState;
import kextshell.kernel.VirtualClock;
import kextshell.compare.Scenario;
import kextshell.compare.Strategy;
import kextshell.compare.StrategyRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The outcomes docs/strategies.md §3 states for each sample kext, checked against the kernel
 * model: one matrix cell per strategy × scenario, then the details the doc and the reference
 * (shared/reference/xnu-lifecycle.md) pin down for each strategy.
 */
class StrategyOutcomeTest {
    private static final long SEC = VirtualClock.NS_PER_SEC;

    // ------------------------------------------------------------------ the matrix, cell by cell

    /** docs/strategies.md §3, one row per kext: unload, last close, kill -9, hot-unplug, +60 s. */
    private static final String[][] EXPECTED = {
        {"driver", "unloaded", "clean", "clean", "n/a", "stays loaded"},
        {"RetainProvider", "leaked 1 instance", "clean", "clean", "n/a", "stays loaded"},
        {"PostponeTerminate", "leaked 3 instances", "stall 15s", "clean", "n/a", "stays loaded"},
        {"NaiveVeto", "refused 0xe00002c7", "clean", "clean", "n/a", "stays loaded"},
        {"RobustVeto", "refused 0xe00002c7", "drv gone", "drv gone", "n/a", "autounloaded"},
        {"KextRetain", "refused 0xdc008018", "released", "released", "n/a", "stays loaded"},
        {"NoUserTerminate", "refused 0xe00002c7", "clean", "clean", "n/a", "stays loaded"},
        {"DeferredStop", "unloaded after 2 s", "clean", "clean", "n/a", "stays loaded"},
        {"DeferredStopStuck", "deadline 15 s", "clean", "clean", "n/a", "stays loaded"},
        {"ListenerStop", "module stop failed", "clean", "clean", "n/a", "stays loaded"},
        {"UsbStock", "unloaded", "clean", "clean", "torn down", "stays loaded"},
        {"UsbNaiveVeto", "refused 0xe00002c7", "clean", "clean", "orphaned", "stays loaded"},
        {"UsbRobustVeto", "refused 0xe00002c7", "clean", "clean", "torn down", "stays loaded"},
    };

    static Stream<Arguments> cells() {
        List<Arguments> out = new ArrayList<>();
        for (String[] row : EXPECTED) {
            Scenario[] sc = Scenario.values();
            for (int j = 0; j < sc.length; j++) {
                out.add(Arguments.of(row[0], sc[j], row[j + 1]));
            }
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} × {1}: {2}")
    @MethodSource("cells")
    void matrixCell(String strategy, Scenario scenario, String expected) {
        Strategy s = Strategy.named(strategy);
        assertNotNull(s, strategy);
        StrategyRun r = scenario.run(s);
        assertEquals(expected, scenario.cell(r));
        assertEquals(List.of(), r.kernel().violations(), "model invariants");
    }

    @Test
    void everySampleKextHasARow() {
        List<String> names = new ArrayList<>();
        for (Strategy s : Strategy.all()) {
            names.add(s.name());
        }
        assertEquals(13, names.size());
        for (String[] row : EXPECTED) {
            assertTrue(names.contains(row[0]), row[0]);
        }
    }

    // ------------------------------------------------------------------ helpers

    private static StrategyRun withClients(String name) {
        StrategyRun r = new StrategyRun(Strategy.named(name));
        r.setUp(2);
        return r;
    }

    private static boolean allPorts(StrategyRun r, PortState state) {
        return r.connections().stream().allMatch(c -> c.client().portState() == state);
    }

    private static List<String> calls(StrategyRun r, String method, String cls) {
        List<String> out = new ArrayList<>();
        for (JournalEvent e : r.events("call", method)) {
            if (cls == null || e.className().equals(cls)) {
                out.add(e.className());
            }
        }
        return out;
    }

    private static List<String> driverLog(StrategyRun r, String executable) {
        List<String> out = new ArrayList<>();
        for (LogLine l : r.kernel().log().lines()) {
            String m = l.message();
            if (m.startsWith("(" + executable + ") ")) {
                out.add(m.substring(executable.length() + 3));
            }
        }
        return out;
    }

    private static int ping(StrategyRun r, int i) {
        return r.kernel().userSpace().connectCall(r.tasks().get(i), r.connections().get(i), 0);
    }

    // ------------------------------------------------------------------ driver (stock)

    @Test
    void stockUnloadLogsTheQuestionsSixLinesAndKillsThePorts() {
        StrategyRun r = withClients("driver");
        int before = r.logMessages().size();
        assertEquals(IOReturn.kIOReturnSuccess, r.unload().result());
        List<String> lines = driverLog(r, "driver");
        assertEquals(List.of(
                "virtual bool com_osxkernel_driver::terminate(IOOptionBits)",
                "virtual bool com_osxkernel_driverClient::terminate(IOOptionBits)",
                "virtual bool com_osxkernel_driverClient::terminate(IOOptionBits)",
                "virtual void com_osxkernel_driverClient::stop(IOService *)",
                "virtual void com_osxkernel_driverClient::stop(IOService *)",
                "virtual void com_osxkernel_driver::stop(IOService *)"),
                lines.subList(lines.size() - 6, lines.size()));
        assertTrue(before > 0);
        assertTrue(allPorts(r, PortState.DEAD), "phase 1 destroyUserReferences");
        assertEquals(IOReturn.MACH_SEND_INVALID_DEST, ping(r, 0));
        assertFalse(r.loaded());
        assertEquals(List.of(), calls(r, "clientClose", null), "R15: no clientClose after destroyUserReferences");
    }

    @Test
    void stockClientLogsInitWithTaskAndExternalMethod() {
        StrategyRun r = withClients("driver");
        assertEquals(IOReturn.kIOReturnSuccess, ping(r, 0));
        assertEquals(IOReturn.kIOReturnBadArgument,
                r.kernel().userSpace().connectCall(r.tasks().get(1), r.connections().get(1), 7));
        List<String> lines = driverLog(r, "driver");
        assertTrue(lines.contains("virtual bool com_osxkernel_driverClient::initWithTask(task_t, void *, UInt32)"));
        assertTrue(lines.contains("virtual IOReturn com_osxkernel_driverClient::externalMethod(uint32_t, "
                + "IOExternalMethodArguments *, IOExternalMethodDispatch *, OSObject *, void *)"));
    }

    // ------------------------------------------------------------------ RetainProvider

    @Test
    void retainProviderTearsDownThenFailsInUseWithOneLeakedDriver() {
        StrategyRun r = withClients("RetainProvider");
        KextRequestResult res = r.unload();
        assertEquals(IOReturn.kOSKextReturnInUse, res.result());
        assertTrue(res.kernelLines().contains("Can't unload kext com.osxkernel.RetainProvider; classes have instances:"));
        assertTrue(res.kernelLines().contains(
                "    Kext com.osxkernel.RetainProvider class com_osxkernel_RetainProviderDriver has 1 instance."));
        assertEquals(1, r.driverInstances());
        assertEquals(0, r.clientInstances());
        assertEquals(List.of(), calls(r, "clientClose", null), "the release in clientClose never runs");
        assertTrue(r.kernel().catalogue().personalities().stream()
                .noneMatch(p -> p.bundleId().equals("com.osxkernel.RetainProvider")), "personalities removed");
        r.advance(120 * SEC);
        assertTrue(r.loaded(), "the leaked driver is never freed");
    }

    // ------------------------------------------------------------------ PostponeTerminate

    @Test
    void postponeTerminateUnloadOrphansLiveClients() {
        StrategyRun r = withClients("PostponeTerminate");
        KextRequestResult res = r.unload();
        assertEquals(IOReturn.kOSKextReturnInUse, res.result());
        assertEquals(1, r.driverInstances());
        assertEquals(2, r.clientInstances());
        assertTrue(allPorts(r, PortState.LIVE), "request refused: not a phase-1 victim, port survives");
        for (Connection c : r.connections()) {
            assertFalse(c.client().isInactive());
            assertNull(c.client().getProvider(), "stopped and detached in phase 2/3 all the same");
        }
        assertEquals(IOReturn.kIOReturnSuccess, ping(r, 0), "orphans still answer ping");
        assertEquals(2, calls(r, "stop", "com_osxkernel_PostponeTerminateClient").size());
    }

    @Test
    void postponeTerminateCloseStallsFifteenSecondsThenStops() {
        StrategyRun r = withClients("PostponeTerminate");
        r.closeAll();
        List<StrategyRun.Step> steps = r.steps();
        StrategyRun.Step close = steps.get(steps.size() - 2);
        assertEquals(15 * SEC, close.elapsedNs());
        assertTrue(close.log().stream().anyMatch(l -> l.text().matches(
                "com_osxkernel_PostponeTerminateClient\\[0x[0-9a-f]+\\]::terminate\\(kIOServiceSynchronous\\): "
                        + "THREAD_TIMED_OUT\\. Attempting to auto-resolve your deadlock\\. PLEASE FIX!")));
        assertEquals("virtual void com_osxkernel_PostponeTerminateClient::stop(IOService *)",
                close.log().get(close.log().size() - 1).text(), "stop once the close IPC returns");
        assertEquals(0, r.clientInstances());
    }

    @Test
    void postponeTerminateKillDoesNotStall() {
        StrategyRun r = withClients("PostponeTerminate");
        long t0 = r.elapsedNs();
        r.killAll();
        assertEquals(t0, r.elapsedNs());
        assertTrue(r.events("state", "sync-timeout").isEmpty());
        assertEquals(0, r.clientInstances());
        assertEquals(2, calls(r, "clientDied", null).size());
    }

    // ------------------------------------------------------------------ NaiveVeto

    @Test
    void naiveVetoRefusesAndLeavesClientsUntouchedThenUnloadsOnceClosed() {
        StrategyRun r = withClients("NaiveVeto");
        KextRequestResult res = r.unload();
        assertEquals(IOReturn.kIOReturnUnsupported, res.result());
        assertTrue(res.kernelLines().contains(
                "Can't remove kext com.osxkernel.NaiveVeto; services failed to terminate - 0xe00002c7."));
        assertTrue(r.logMessages().contains(
                "(NaiveVeto) com_osxkernel_NaiveVetoDriver: 2 user client(s) connected, refusing to terminate"));
        assertTrue(allPorts(r, PortState.LIVE));
        assertEquals(List.of(), calls(r, "requestTerminate", null), "phase 1 never started");
        assertTrue(r.kernel().catalogue().personalities().stream()
                .anyMatch(p -> p.bundleId().equals("com.osxkernel.NaiveVeto")), "personalities kept");
        r.closeAll();
        assertEquals(IOReturn.kIOReturnSuccess, r.unload().result());
    }

    // ------------------------------------------------------------------ RobustVeto

    @Test
    void robustVetoRefusesUnloadAndClientsStayLive() {
        StrategyRun r = withClients("RobustVeto");
        KextRequestResult res = r.unload();
        assertEquals(IOReturn.kIOReturnUnsupported, res.result());
        assertTrue(allPorts(r, PortState.LIVE));
        assertEquals(IOReturn.kIOReturnSuccess, ping(r, 1));
        assertEquals(List.of("com_osxkernel_RobustVetoDriver"), calls(r, "terminate", null));
        assertEquals(0x3, r.events("call", "terminate").get(0).options(), "kIOServiceRequired|kIOServiceSynchronous");
        assertTrue(r.loaded());
    }

    @Test
    void robustVetoTerminatesItselfAfterLastCloseAndAutounloads() {
        StrategyRun r = withClients("RobustVeto");
        r.closeAll();
        assertTrue(r.logMessages().contains("(RobustVeto) com_osxkernel_RobustVetoDriver: last user client gone, terminating"));
        assertEquals(0, r.instances());
        assertTrue(r.loaded());
        r.advance(60 * SEC);
        assertFalse(r.loaded());
        assertNull(r.kernel().kexts().lookup("com.osxkernel.RobustVeto"));
        assertEquals(1, r.events("kext", "autounload").size());
        assertTrue(r.kernel().catalogue().personalities().stream()
                .anyMatch(p -> p.bundleId().equals("com.osxkernel.RobustVeto")), "autounload keeps personalities");
    }

    @Test
    void robustVetoKillChainsThroughClientDied() {
        StrategyRun r = withClients("RobustVeto");
        r.killAll();
        assertEquals(2, calls(r, "clientDied", null).size());
        assertEquals(2, calls(r, "clientClose", null).size());
        assertEquals(0, r.instances());
    }

    // ------------------------------------------------------------------ KextRetain

    @Test
    void kextRetainRefusesBeforeAnyTerminate() {
        StrategyRun r = withClients("KextRetain");
        KextRequestResult res = r.unload();
        assertEquals(IOReturn.kOSKextReturnInUse, res.result());
        assertTrue(res.kernelLines().contains(
                "Can't remove kext com.osxkernel.KextRetain; services failed to terminate - 0xdc008018."));
        assertEquals(List.of(), calls(r, "terminate", null), "canUnloadKextWithIdentifier refuses first");
        assertTrue(allPorts(r, PortState.LIVE));
        assertEquals(1, r.events("kext", "retained").size());
    }

    @Test
    void kextRetainReleasesOnLastCloseThenUnloads() {
        StrategyRun r = withClients("KextRetain");
        r.closeAll();
        assertEquals(1, r.events("kext", "released").size());
        assertTrue(r.kernel().kexts().unloadCalloutPending(), "release calls considerUnloads");
        r.advance(60 * SEC);
        assertTrue(r.loaded(), "autounload skips: the driver instance exists");
        assertEquals(IOReturn.kIOReturnSuccess, r.unload().result());
    }

    // ------------------------------------------------------------------ NoUserTerminate

    @Test
    void noUserTerminateIsDisallowedWithClients() {
        StrategyRun r = withClients("NoUserTerminate");
        KextRequestResult res = r.unload();
        assertEquals(IOReturn.kIOReturnUnsupported, res.result());
        assertTrue(r.logMessages().contains("disallowing kextunload terminate for bundleID com.osxkernel.NoUserTerminate"));
        assertTrue(res.kernelLines().contains(
                "Can't remove kext com.osxkernel.NoUserTerminate; services failed to terminate - 0xe00002c7."));
        assertEquals(List.of(), calls(r, "terminate", null));
        assertTrue(allPorts(r, PortState.LIVE));
    }

    @Test
    void noUserTerminateIsDisallowedWithoutClientsToo() {
        StrategyRun r = new StrategyRun(Strategy.named("NoUserTerminate"));
        r.load();
        assertEquals(IOReturn.kIOReturnUnsupported, r.unload().result());
        assertEquals(List.of(), calls(r, "terminate", null));
    }

    // ------------------------------------------------------------------ DeferredStop / Stuck

    @Test
    void deferredStopUnloadsAfterTwoSecondsWithBothCompletionsBeforeTheStops() {
        StrategyRun r = withClients("DeferredStop");
        long t0 = r.elapsedNs();
        assertEquals(IOReturn.kIOReturnSuccess, r.unload().result());
        long took = r.elapsedNs() - t0;
        assertTrue(took >= 2 * SEC && took < 3 * SEC, "about 2 s: " + took);
        String c = "com_osxkernel_DeferredStopClient";
        List<String> lines = driverLog(r, "DeferredStop");
        assertEquals(List.of(
                "virtual bool com_osxkernel_DeferredStopDriver::terminate(IOOptionBits)",
                "virtual bool " + c + "::terminate(IOOptionBits)",
                "virtual bool " + c + "::terminate(IOOptionBits)",
                "virtual bool " + c + "::didTerminate(IOService *, IOOptionBits, bool *)",
                c + ": read in flight, aborting it and deferring stop",
                "virtual bool " + c + "::didTerminate(IOService *, IOOptionBits, bool *)",
                c + ": read in flight, aborting it and deferring stop",
                "void " + c + "::readCompleted(IOTimerEventSource *)",
                "void " + c + "::readCompleted(IOTimerEventSource *)",
                "virtual void " + c + "::stop(IOService *)",
                "virtual void " + c + "::stop(IOService *)",
                "virtual void com_osxkernel_DeferredStopDriver::stop(IOService *)"),
                lines.subList(lines.size() - 12, lines.size()));
        assertFalse(r.loaded());
    }

    @Test
    void deferredStopStuckTimesOutAfterFifteenSeconds() {
        StrategyRun r = withClients("DeferredStopStuck");
        long t0 = r.elapsedNs();
        KextRequestResult res = r.unload();
        assertEquals(15 * SEC, r.elapsedNs() - t0);
        assertTrue(r.logMessages().stream().anyMatch(m -> m.matches(
                "com_osxkernel_DeferredStopStuckDriver\\[0x[0-9a-f]+\\]::terminate\\(kIOServiceSynchronous\\): "
                        + "THREAD_TIMED_OUT\\. Attempting to auto-resolve your deadlock\\. PLEASE FIX!")));
        assertEquals(IOReturn.kOSKextReturnInUse, res.result());
        assertTrue(res.kernelLines().contains(
                "    Kext com.osxkernel.DeferredStopStuck class com_osxkernel_DeferredStopStuckDriver has 1 instance."));
        assertTrue(res.kernelLines().contains(
                "    Kext com.osxkernel.DeferredStopStuck class com_osxkernel_DeferredStopStuckClient has 2 instances."));
        assertTrue(allPorts(r, PortState.DEAD));
        assertTrue(r.driver().isInactive() && r.driver().getBusyState() != 0, "inactive and busy for good");
        assertEquals(List.of(), calls(r, "stop", null));
    }

    // ------------------------------------------------------------------ USB drivers

    @Test
    void usbStockHotUnplugTearsDownInOrder() {
        StrategyRun r = withClients("UsbStock");
        r.unplug();
        List<String> lines = driverLog(r, "UsbStock");
        assertEquals(List.of(
                "virtual bool com_osxkernel_UsbStockDriver::terminate(IOOptionBits)",
                "virtual bool com_osxkernel_UsbStockClient::terminate(IOOptionBits)",
                "virtual bool com_osxkernel_UsbStockClient::terminate(IOOptionBits)",
                "virtual bool com_osxkernel_UsbStockDriver::didTerminate(IOService *, IOOptionBits, bool *)",
                "virtual void com_osxkernel_UsbStockClient::stop(IOService *)",
                "virtual void com_osxkernel_UsbStockClient::stop(IOService *)",
                "virtual void com_osxkernel_UsbStockDriver::stop(IOService *)"),
                lines.subList(lines.size() - 7, lines.size()));
        assertTrue(allPorts(r, PortState.DEAD));
        r.advance(60 * SEC);
        assertFalse(r.loaded(), "no instances left: autounloaded");
    }

    @Test
    void usbRobustVetoRefusesUnloadButHotUnplugTearsItDown() {
        StrategyRun r = withClients("UsbRobustVeto");
        assertEquals(IOReturn.kIOReturnUnsupported, r.unload().result());
        assertTrue(allPorts(r, PortState.LIVE));
        r.unplug();
        JournalEvent term = r.events("call", "terminate").stream()
                .filter(e -> e.className().equals("com_osxkernel_UsbRobustVetoDriver")).reduce((a, b) -> b).orElseThrow();
        assertTrue((term.options() & 0x00100000) != 0, "kIOServiceRecursing");
        assertTrue(r.driver().isFreed());
        assertTrue(allPorts(r, PortState.DEAD));
        assertEquals(0, r.instances());
        r.advance(60 * SEC);
        assertFalse(r.loaded());
    }

    @Test
    void usbRobustVetoDoesNotTerminateItselfAndUnloadsAfterClose() {
        StrategyRun r = withClients("UsbRobustVeto");
        r.closeAll();
        assertFalse(r.driver().isInactive());
        assertEquals(IOReturn.kIOReturnSuccess, r.unload().result());
    }

    @Test
    void usbNaiveVetoHotUnplugOrphansTheDriver() {
        StrategyRun r = withClients("UsbNaiveVeto");
        IOService d = r.driver();
        r.unplug();
        assertFalse(d.isInactive(), "active");
        assertNull(d.getProvider(), "stopped and detached");
        assertEquals(1, calls(r, "stop", "com_osxkernel_UsbNaiveVetoDriver").size());
        assertTrue(r.nub().isInactive());
        assertTrue(allPorts(r, PortState.LIVE));
        assertEquals(IOReturn.kIOReturnSuccess, ping(r, 0));
        KextRequestResult res = r.unload();
        assertEquals(IOReturn.kOSKextReturnInUse, res.result(), "no service found, then classes have instances");
        assertTrue(res.kernelLines().contains(
                "    Kext com.osxkernel.usb.NaiveVeto class com_osxkernel_UsbNaiveVetoDriver has 1 instance."));
        assertTrue(res.kernelLines().contains(
                "    Kext com.osxkernel.usb.NaiveVeto class com_osxkernel_UsbNaiveVetoClient has 2 instances."));
        r.closeAll();
        r.advance(60 * SEC);
        assertEquals(1, r.driverInstances(), "nobody ever terminates the orphan");
        assertTrue(r.loaded());
    }

    @Test
    void withoutClientsEveryIOResourcesKextButNoUserTerminateUnloads() {
        for (Strategy s : Strategy.all()) {
            StrategyRun r = new StrategyRun(s);
            r.load();
            if (s.usb()) {
                r.plug();
            }
            int code = r.unload().result();
            if (s.name().equals("NoUserTerminate")) {
                assertEquals(IOReturn.kIOReturnUnsupported, code, s.name());
            } else {
                assertEquals(IOReturn.kIOReturnSuccess, code, s.name());
                assertTrue(r.elapsedNs() < SEC, s.name() + ": no read to wait for");
            }
        }
    }
}
