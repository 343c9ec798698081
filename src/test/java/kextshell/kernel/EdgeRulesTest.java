package kextshell.kernel;

import static kextshell.kernel.IOOptions.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Rules R13, R14 (as corrected 2026-11-29) and R26–R31: the kernel's edges — rematch on kext
 * load, the io_service_t's object port, OSKextLog flags, the kext lock, instance properties.
 */
class EdgeRulesTest {
    private static final String D = KernelFixture.DRIVER;
    private static final String ID = KernelFixture.DRIVER_ID;
    private static final String VETO_ID = "com.osxkernel.NaiveVeto";

    private static KernelFixture loaded() {
        KernelFixture f = new KernelFixture();
        assertTrue(f.load(ID).ok());
        return f;
    }

    /** Two plain in-kernel clients attached to the driver, in attach order. */
    private static IOService[] twoClients(KernelFixture f) {
        IOService[] out = new IOService[2];
        for (int i = 0; i < 2; i++) {
            out[i] = new IOService();
            out[i].bind(f.k, f.k.metaClassNamed("IOService"));
            out[i].init(null);
            out[i].attach(f.driver());
        }
        return out;
    }

    @Test
    void R13_closeByANonOpenerDoesNothingAndTheOpenersCloseSendsWasClosed() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        IOService[] c = twoClients(f);
        IOService opener = c[0];
        IOService stranger = c[1];
        assertTrue(d.open(opener, 0));
        int j = f.k.journal().size();
        d.close(stranger, 0);
        assertTrue(d.isOpen(opener), "a stranger's close changes nothing");
        assertTrue(f.calls(j, "message").isEmpty(), "and sends nothing");
        d.close(opener, 0);
        assertFalse(d.isOpen(null));
        List<JournalEvent> msgs = f.calls(j, "message");
        assertEquals(1, msgs.size(), "WasClosed to the other client only");
        assertTrue(msgs.get(0).detail().equals("kIOMessageServiceWasClosed"), msgs.toString());
    }

    @Test
    void R13_closeByANonOpenerDoesNotReleaseAStopThePhase3ProviderPostponed() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        IOService[] c = twoClients(f);
        IOService opener = c[0];
        IOService stranger = c[1];
        assertTrue(d.open(opener, 0));
        f.k.terminate(d, 0);
        assertNotEquals(0, d.getState1() & kIOServiceTermPhase3State, "in phase 3, waiting for the opener");
        assertTrue(opener.isParent(d, false));
        int stops = f.k.termination().pendingStops();
        d.close(stranger, 0);
        assertEquals(stops, f.k.termination().pendingStops(), "no stop scheduled for a non-opener");
        assertTrue(opener.isParent(d, false), "the opener still waits");
        d.close(opener, 0);
        f.k.settle();
        assertFalse(opener.isParent(d, false), "the opener's close released its stop");
    }

    @Test
    void R14_theOwnersSecondOpenFailsAndOthersHearIsAttemptingOpen() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        IOService[] c = twoClients(f);
        IOService a = c[0];
        IOService b = c[1];
        int j = f.k.journal().size();
        assertTrue(d.open(a, 0));
        List<JournalEvent> msgs = f.calls(j, "message");
        assertEquals(1, msgs.size(), "IsAttemptingOpen to b, not to the opener");
        assertTrue(msgs.get(0).detail().equals("kIOMessageServiceIsAttemptingOpen"),
                msgs.toString());
        assertFalse(d.open(a, 0), "ok = (NULL == __owner): the owner's second open fails");
        assertFalse(d.open(b, 0));
    }

    @Test
    void R26_loadingAnotherIOResourcesKextRematchesAndBringsATerminatedDriverBack() {
        KernelFixture f = loaded();
        assertEquals(IOReturn.kIOReturnSuccess, f.k.catalogue().serviceTerminateRequest(D));
        assertNull(f.driver(), "kextunload -c terminated it; its personality stays");
        assertTrue(f.load(VETO_ID).ok());
        assertNotNull(f.driver(), "catalogNewDrivers → startMatching offered IOResources every personality");
        assertNotNull(f.service("com_osxkernel_NaiveVetoDriver"));
    }

    @Test
    void R26_anAutounloadedDriverIsLoadedAgainByTheRematch() {
        KernelFixture f = loaded();
        f.k.terminate(f.driver(), 0);
        f.k.advance(61 * VirtualClock.NS_PER_SEC);
        assertFalse(f.k.kexts().lookup(ID) != null && f.k.kexts().lookup(ID).isLoaded(), "autounloaded");
        assertTrue(f.load(VETO_ID).ok());
        assertTrue(f.k.kexts().lookup(ID).isLoaded(), "probeCandidates asked for the kext again");
        assertNotNull(f.driver());
    }

    @Test
    void R26_noNewPersonalityNoRematch() {
        KernelFixture f = loaded();
        f.k.catalogue().serviceTerminateRequest(D);
        assertTrue(f.load(ID).ok(), "the same personalities again are not new");
        assertNull(f.driver());
    }

    @Test
    void R27_theServiceHandleSurvivesCloseAndDiesInPhase1() {
        KernelFixture f = loaded();
        Task t = f.us.spawn("clientd");
        Connection[] c = new Connection[1];
        IOService service = f.us.getMatchingService(D);
        assertEquals(IOReturn.kIOReturnSuccess, f.us.serviceOpen(t, service, 0, c));
        assertEquals(IOReturn.kIOReturnSuccess, f.us.serviceClose(t, c[0]));
        assertSame(service, c[0].service());
        assertEquals(IOReturn.kIOReturnSuccess, f.us.addInterest(t, c[0].service()),
                "IOServiceClose releases only the connect port");
        f.k.catalogue().serviceTerminateRequest(D);
        assertEquals(List.of("[pid 401] clientd: message kIOMessageServiceIsTerminated (0xe0000010) from " + D),
                t.receivedMessages());
        assertTrue(service.objectPortDead());
        assertEquals(IOReturn.MACH_SEND_INVALID_DEST, f.us.addInterest(t, c[0].service()),
                "phase 1 destroyed the object port; never kIOReturnNotAttached");
    }

    @Test
    void R29_logSpecMatchNeedsACommonFlagAboveBasic() {
        int v3 = 0xff5 | KernelLog.KEXT_OR_GLOBAL;
        assertTrue(KernelLog.matches(KernelLog.STEP | KernelLog.LOAD, v3));
        assertFalse(KernelLog.matches(KernelLog.PROGRESS | KernelLog.KEXT_BOOKKEEPING, v3),
                "KextBookkeeping 0x40000 is not among the filter's flags 0xff0");
        assertFalse(KernelLog.matches(KernelLog.PROGRESS | KernelLog.DEPENDENCIES, 0xfff));
        assertTrue(KernelLog.matches(KernelLog.ERROR | KernelLog.KEXT_BOOKKEEPING, 0xff1), "Error needs no flag");
        assertTrue(KernelLog.matches(KernelLog.EXPLICIT, 0), "Explicit always");
        assertFalse(KernelLog.matches(KernelLog.DETAIL | KernelLog.LOAD, 0xff3), "level above the filter");
        assertFalse(KernelLog.matches(KernelLog.PROGRESS | KernelLog.LOAD, 0xff4), "no 0x8 anywhere");
        assertEquals(0xff3, new KernelFixture().k.log().kernelFilter(), "kDefaultKernelLogFilter");
    }

    @Test
    void R29_unloadRelaysThePersonalitiesStepButNeverRemovingKext() {
        KernelFixture f = loaded();
        List<String> lines = f.k.kexts().unloadRequest(ID, true, true, 0xff5 | KernelLog.KEXT_OR_GLOBAL).kernelLines();
        assertTrue(lines.contains("Kext " + ID + " removing all personalities naming it from the IOCatalogue."), lines.toString());
        assertFalse(lines.contains("Removing kext " + ID + "."), lines.toString());
        KernelFixture g = loaded();
        List<String> v2 = g.k.kexts().unloadRequest(ID, true, true, 0xff4 | KernelLog.KEXT_OR_GLOBAL).kernelLines();
        assertTrue(v2.contains("Kext " + ID + " unloaded."));
        assertFalse(v2.stream().anyMatch(l -> l.contains("removing all personalities")), "Step is -v 3");
    }

    @Test
    void R30_anAutounloadScanDueDuringAStuckUnloadRunsAfterTheRequest() {
        KernelFixture f = loaded();
        assertTrue(f.load("com.osxkernel.DeferredStopStuck").ok());
        f.open("com_osxkernel_DeferredStopStuckDriver");
        // com.osxkernel.driver loses its driver; its scan falls due 60 s later.
        f.k.terminate(f.driver(), 0);
        f.k.advance(50 * VirtualClock.NS_PER_SEC);
        KextRequestResult r = f.k.kexts().unloadRequest("com.osxkernel.DeferredStopStuck", true, true,
                0xff4 | KernelLog.KEXT_OR_GLOBAL);
        assertFalse(r.kernelLines().contains("Checking for unused kexts to autounload."), r.kernelLines().toString());
        assertFalse(r.kernelLines().stream().anyMatch(l -> l.contains(ID)), "another kext's unload is not captured");
        assertFalse(f.k.kexts().kextLockHeld());
        assertTrue(f.k.kexts().lookup(ID) == null || !f.k.kexts().lookup(ID).isLoaded(),
                "the waiting scan ran once the lock was released");
    }

    @Test
    void R31_instancePropertiesCarryCFBundleIdentifierKernelAndIOGeneralInterest() {
        KernelFixture f = loaded();
        IOService d = f.driver();
        assertEquals(ID, d.getProperty("CFBundleIdentifierKernel"));
        assertEquals(List.of("IOClass", "CFBundleIdentifier", "CFBundleIdentifierKernel", "IOProviderClass",
                "IOMatchCategory", "IOResourceMatch", "IOUserClientClass", "IOProbeScore"),
                List.copyOf(d.getPropertyTable().keySet()), "the dictionary's order, not sorted");
        assertNull(d.getProperty("IOGeneralInterest"));
        f.us.addInterest(f.us.spawn("watcher"), d);
        assertEquals("IOCommand is not serializable", d.getProperty("IOGeneralInterest"));
    }

    @Test
    void R21_aFailingModuleStopKeepsTheKextLoadedWithStartStopError() {
        KernelFixture f = new KernelFixture();
        String id = "com.osxkernel.ListenerStop";
        assertTrue(f.load(id).ok());
        Task t = f.open("com_osxkernel_ListenerStopDriver");
        KextRequestResult r = f.unload(id);
        assertEquals(IOReturn.kOSKextReturnStartStopError, r.result());
        assertEquals(List.of("Kext " + id + " did not stop (return code 0x5).",
                "Kext " + id + " can't unload - module stop returned 0xdc008017."), r.kernelLines());
        assertTrue(f.k.kexts().lookup(id).isLoaded(), "still loaded, with no instances");
        assertNull(f.service("com_osxkernel_ListenerStopDriver"));
        f.us.exit(t);
        assertEquals(IOReturn.kIOReturnSuccess, f.unload(id).result(), "the subscriber has exited");
        assertNull(f.k.kexts().lookup(id));
    }

    @Test
    void R28_anOrphanedActiveDriverStaysInItsInstanceSetAndMatchable() {
        KernelFixture f = new KernelFixture();
        assertTrue(f.load("com.osxkernel.usb.NaiveVeto").ok());
        IOService nub = IOUSBHostFamily.enumerate(f.k, IOUSBHostFamily.port(f.k, 1), "gadget", 1452, 0x1235);
        IOService driver = f.service("com_osxkernel_UsbNaiveVetoDriver");
        assertNotNull(driver);
        f.open("com_osxkernel_UsbNaiveVetoDriver");
        f.k.terminate(IOUSBHostFamily.deviceOf(nub), 0); // hot-unplug: the veto refuses
        assertFalse(driver.isInactive());
        assertFalse(driver.isAttached(), "stopped and detached while active: an orphan");
        assertFalse(driver.isFreed(), "the instance set still holds it");
        assertSame(driver, f.us.getMatchingService("com_osxkernel_UsbNaiveVetoDriver"),
                "IOServiceGetMatchingService still finds the orphan");
        assertEquals(1, f.instances("com_osxkernel_UsbNaiveVetoDriver"));
    }

    @Test
    void R29_aKextsOwnLinesNeedTheKextOrGlobalBitInTheFilterUnlessItEnablesKextLogging() {
        String line = "Kext com.test.quiet has IOService subclass QuietD; enabling autounload.";
        KernelFixture plain = TestKexts.with(TestKexts.bundle("com.test.quiet", "QuietD", TestKexts.Driver::new,
                "QuietC", IOUserClient::new, Map.of()));
        KextBundle quiet = plain.k.kexts().bundleOnDisk("com.test.quiet");
        assertFalse(plain.k.kexts().loadRequest(quiet, 0xff4).kernelLines().contains(line),
                "kextload -v 2 sends 0xff4: no 0x8, so a kext's Progress line is not relayed");
        KernelFixture forced = TestKexts.with(quiet);
        assertTrue(forced.k.kexts().loadRequest(quiet, 0xff4 | KernelLog.KEXT_OR_GLOBAL).kernelLines().contains(line));
        KernelFixture enabled = TestKexts.with(TestKexts.bundle("com.test.quiet", "QuietD", TestKexts.Driver::new,
                "QuietC", IOUserClient::new, Map.of("OSBundleEnableKextLogging", Boolean.TRUE)));
        assertTrue(enabled.k.kexts().loadRequest(enabled.k.kexts().bundleOnDisk("com.test.quiet"), 0xff4)
                .kernelLines().contains(line), "OSBundleEnableKextLogging sets the bit in the message");
    }
}
