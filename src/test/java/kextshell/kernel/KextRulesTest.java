package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.*;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Rules R20–R25: kext unload, the 10.15.4 gate, instance counts, autounload, retain by tag. */
class KextRulesTest {
    private static final String D = KernelFixture.DRIVER;
    private static final String ID = KernelFixture.DRIVER_ID;

    private static KernelFixture loaded() {
        KernelFixture f = new KernelFixture();
        assertTrue(f.load(ID).ok());
        return f;
    }

    @Test
    void R20_unloadRequestChecksRootThenRetainThenTerminatesAndStopsAtTheFirstVeto() {
        KernelFixture f = loaded();
        KextRequestResult notRoot = f.k.kexts().unloadRequest(ID, true, false, KernelLog.DEFAULT_FILTER);
        assertEquals(IOReturn.kOSKextReturnNotPrivileged, notRoot.result());
        assertEquals(List.of("Access Failure - must be root user."), notRoot.kernelLines());
        KextRequestResult missing = f.unload("com.nope");
        assertEquals(IOReturn.kOSKextReturnNotFound, missing.result());
        assertEquals(List.of("Kext com.nope not found for unload request."), missing.kernelLines());

        KernelFixture v = TestKexts.with(TestKexts.bundle("com.test.veto", "VetoD", TestKexts.VetoDriver::new,
                "VetoC", TestKexts.Client::new, Map.of()));
        assertTrue(v.load("com.test.veto").ok());
        Task t = v.open("VetoD");
        KextRequestResult r = v.unload("com.test.veto");
        assertEquals(IOReturn.kIOReturnUnsupported, r.result());
        assertEquals(List.of("Can't remove kext com.test.veto; services failed to terminate - 0xe00002c7."),
                r.kernelLines());
        assertEquals("LIVE", t.connections().get(0).stateName(), "clients untouched");
        assertFalse(v.k.catalogue().personalities().stream().noneMatch(p -> p.bundleId().equals("com.test.veto")),
                "personalities stay when terminate failed");
    }

    @Test
    void R21_unloadRefusesWhileClassesHaveInstances() {
        KernelFixture f = TestKexts.with(TestKexts.bundle("com.test.retain", "RetD", TestKexts.Driver::new,
                "RetC", TestKexts.RetainingClient::new, Map.of()));
        assertTrue(f.load("com.test.retain").ok());
        f.open("RetD");
        KextRequestResult r = f.unload("com.test.retain");
        assertEquals(IOReturn.kOSKextReturnInUse, r.result());
        assertEquals(List.of("Can't unload kext com.test.retain; classes have instances:",
                "    Kext com.test.retain class RetD has 1 instance."), r.kernelLines());
        assertNull(f.service("RetD"), "the services were torn down first");
        assertTrue(f.k.kexts().lookup("com.test.retain").isLoaded(), "the code stays loaded");
        assertTrue(f.k.catalogue().personalities().stream().noneMatch(p -> p.bundleId().equals("com.test.retain")));
    }

    @Test
    void R22_allowUserTerminateAndTheComAppleGate() {
        KernelFixture f = TestKexts.with(TestKexts.bundle("com.test.nouser", "NoD", TestKexts.Driver::new, "NoC",
                TestKexts.Client::new, Map.of("OSBundleAllowUserTerminate", Boolean.FALSE)));
        assertTrue(f.load("com.test.nouser").ok());
        KextRequestResult r = f.unload("com.test.nouser");
        assertEquals(IOReturn.kIOReturnUnsupported, r.result());
        assertTrue(f.k.log().lines().stream()
                .anyMatch(l -> l.text().equals("disallowing kextunload terminate for bundleID com.test.nouser")));
        assertFalse(r.kernelLines().contains("disallowing kextunload terminate for bundleID com.test.nouser"),
                "IOLog, not relayed to kextunload");
        assertNotNull(f.service("NoD"));
        assertEquals(IOReturn.kIOReturnUnsupported, f.k.catalogue().serviceTerminateRequest("AppleKeyStore"));
        assertNotNull(f.service("AppleKeyStore"));
    }

    @Test
    void R23_superclassCountsMoveOnlyOnSubclassTransitions() {
        KernelFixture f = loaded();
        int userClients = f.k.metaClassNamed("IOUserClient").getInstanceCount();
        f.open(D);
        f.open(D);
        assertEquals(2, f.instances(KernelFixture.CLIENT));
        assertEquals(userClients + 1, f.k.metaClassNamed("IOUserClient").getInstanceCount(),
                "one subclass with instances counts once");
        f.unload(ID);
        assertEquals(0, f.instances(KernelFixture.CLIENT));
        assertEquals(userClients, f.k.metaClassNamed("IOUserClient").getInstanceCount());
    }

    @Test
    void R24_autounloadScansSixtySecondsAfterQuietAndOnlyRemovesKextsWithoutInstances() {
        KernelFixture f = loaded();
        assertTrue(f.k.kexts().unloadCalloutPending(), "matching went quiet: considerUnloads armed");
        f.k.advance(61 * VirtualClock.NS_PER_SEC);
        assertTrue(f.k.kexts().lookup(ID).isLoaded(), "the driver instance keeps it");
        f.k.terminate(f.driver(), 0);
        long armedAt = f.k.clock().now();
        assertEquals(armedAt + 60 * VirtualClock.NS_PER_SEC, f.k.kexts().unloadCalloutDeadline());
        f.k.advance(59 * VirtualClock.NS_PER_SEC);
        assertNotNull(f.k.kexts().lookup(ID));
        f.k.advance(1 * VirtualClock.NS_PER_SEC);
        assertNull(f.k.kexts().lookup(ID), "autounloaded");
        assertTrue(f.k.catalogue().personalities().stream().anyMatch(p -> p.bundleId().equals(ID)),
                "removeKext(flag false) keeps the personalities");
    }

    @Test
    void R25_retainByLoadTagBlocksUnloadBeforeAnyTerminateAndReleaseReschedules() {
        KernelFixture f = loaded();
        f.open(D);
        OSKext k = f.k.kexts().lookup(ID);
        assertEquals(IOReturn.kIOReturnSuccess, f.k.kexts().retainKextWithLoadTag(k.getLoadTag()));
        assertEquals(3, k.getRetainCount());
        int j = f.k.journal().size();
        KextRequestResult r = f.unload(ID);
        assertEquals(IOReturn.kOSKextReturnInUse, r.result());
        assertEquals(List.of("Can't remove kext com.osxkernel.driver; services failed to terminate - 0xdc008018."),
                r.kernelLines());
        assertTrue(f.calls(j, "terminate").isEmpty(), "nothing was terminated");
        long before = f.k.kexts().unloadCalloutDeadline();
        f.k.advance(VirtualClock.NS_PER_SEC);
        assertEquals(IOReturn.kIOReturnSuccess, f.k.kexts().releaseKextWithLoadTag(k.getLoadTag()));
        assertEquals(2, k.getRetainCount());
        assertTrue(f.k.kexts().unloadCalloutDeadline() > before, "release called considerUnloads");
        assertEquals(IOReturn.kOSKextReturnNotFound, f.k.kexts().retainKextWithLoadTag(999));
    }
}
