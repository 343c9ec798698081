package kextshell.kernel;

import static kextshell.kernel.IOOptions.*;
import static org.junit.jupiter.api.Assertions.*;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The kernel issue's remaining acceptance items: hot-unplug, determinism, linear cost. */
class KernelAcceptanceTest {

    private static KextBundle usbVeto() {
        Map<String, Object> pers = new LinkedHashMap<>();
        pers.put("IOClass", "UsbVetoD");
        pers.put("IOProviderClass", "IOUSBHostInterface");
        pers.put("idVendor", 4661L); // not Apple's 1452: the T2's interfaces would match
        pers.put("IOUserClientClass", "UsbVetoC");
        Map<String, Object> plist = new LinkedHashMap<>();
        plist.put("CFBundleIdentifier", "com.test.usbveto");
        plist.put("CFBundleVersion", "1.0.0");
        plist.put("IOKitPersonalities", Map.of("UsbVetoD", pers));
        return new KextBundle("/Library/Extensions/UsbVeto.kext", plist, List.of(
                new ClassSpec("UsbVetoD", "IOService", TestKexts.VetoDriver::new),
                new ClassSpec("UsbVetoC", "IOUserClient", TestKexts.Client::new)));
    }

    private static IOService plug(Kernel k) {
        IOService nub = (IOService) k.metaClassNamed("IOUSBHostInterface").alloc();
        Map<String, Object> props = new LinkedHashMap<>();
        props.put("idVendor", 4661L);
        props.put("idProduct", 4660L);
        nub.init(props);
        nub.setName("Widget");
        nub.attach(k.usbController());
        nub.registerService();
        k.settle();
        return nub;
    }

    @Test
    void naiveVetoDuringHotUnplugLeavesTheDriverOrphanedWithLiveClients() {
        KernelFixture f = TestKexts.with(usbVeto());
        assertTrue(f.load("com.test.usbveto").ok());
        IOService nub = plug(f.k);
        IOService driver = f.service("UsbVetoD");
        assertNotNull(driver, "matched the nub by IOProviderClass and idVendor");
        Task t = f.open("UsbVetoD");
        int j = f.k.journal().size();

        f.k.terminate(nub, 0); // the family's hot-unplug

        JournalEvent term = f.calls(j, "terminate").stream().filter(e -> e.className().equals("UsbVetoD"))
                .findFirst().orElseThrow();
        assertEquals(kIOServiceTerminate | kIOServiceRecursing, term.options(), "the veto runs, with Recursing set");
        assertFalse(driver.isInactive(), "the veto kept it active");
        assertFalse(driver.isAttached(), "but it was stopped and detached from the dead nub");
        assertEquals(1, f.calls(j, "stop").stream().filter(e -> e.className().equals("UsbVetoD")).count());
        assertEquals("LIVE", t.connections().get(0).stateName(), "its clients stay live");
        assertTrue(nub.isFreed() || !nub.isAttached());
        // kextunload can no longer find it in the registry: only the instance check stops the unload.
        KextRequestResult r = f.unload("com.test.usbveto");
        assertEquals(IOReturn.kOSKextReturnInUse, r.result());
        assertTrue(r.kernelLines().contains("Can't unload kext com.test.usbveto; classes have instances:"));
    }

    private static String run(long seed) {
        Kernel k = new Kernel(seed, kextshell.kexts.SampleKexts.bundles());
        KernelFixture f = new KernelFixture(k);
        f.load(KernelFixture.DRIVER_ID);
        Task a = f.open(KernelFixture.DRIVER);
        f.open(KernelFixture.DRIVER);
        f.us.connectCall(a, a.connections().get(0), 0);
        f.us.exit(a);
        f.unload(KernelFixture.DRIVER_ID);
        k.advance(90 * VirtualClock.NS_PER_SEC);
        StringBuilder b = new StringBuilder();
        k.journal().events().forEach(e -> b.append(e).append(' ').append(e.timeNs()).append('\n'));
        k.log().lines().forEach(l -> b.append(l).append('\n'));
        k.kexts().loaded().forEach(x -> b.append(x.getIdentifier()).append(x.uuid()).append('\n'));
        return b.toString();
    }

    @Test
    void theSameCallsGiveTheSameJournalAndLog() {
        assertEquals(run(7), run(7));
        assertNotEquals(run(7), run(8), "the seed reaches the UUIDs");
    }

    private static int unloadEvents(int clients) {
        KernelFixture f = new KernelFixture();
        f.load(KernelFixture.DRIVER_ID);
        Task t = f.us.spawn("clientd");
        IOService d = f.driver();
        for (int i = 0; i < clients; i++) {
            f.us.serviceOpen(t, d, 0, new Connection[1]);
        }
        int before = f.k.journal().size();
        assertTrue(f.unload(KernelFixture.DRIVER_ID).ok());
        return f.k.journal().size() - before;
    }

    @Test
    void unloadWorkGrowsLinearlyWithClients() {
        int small = unloadEvents(100);
        int large = unloadEvents(2000);
        // Every client costs the same fixed number of callbacks and state changes.
        assertEquals((large - small) / 1900.0, (unloadEvents(200) - small) / 100.0, 1e-9);
    }

    @Test
    void invariantsHoldThroughTheQuestionAndAnOrphan() {
        KernelFixture f = new KernelFixture();
        f.load(KernelFixture.DRIVER_ID);
        assertEquals(List.of(), Invariants.check(f.k));
        Task a = f.open(KernelFixture.DRIVER);
        f.open(KernelFixture.DRIVER);
        assertEquals(List.of(), Invariants.check(f.k));
        f.us.exit(a);
        f.unload(KernelFixture.DRIVER_ID);
        f.k.advance(61 * VirtualClock.NS_PER_SEC);
        assertEquals(List.of(), Invariants.check(f.k));

        KernelFixture g = TestKexts.with(usbVeto());
        g.load("com.test.usbveto");
        IOService nub = plug(g.k);
        g.open("UsbVetoD");
        g.k.terminate(nub, 0);
        assertEquals(List.of(), Invariants.check(g.k));
    }
}
