package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * What a learner reads from OSKext: the "(kernel)" lines kextload/kextunload -v 6 relay, the
 * lines {@code log show} lists with their times, and the kext events lessons check. Written
 * because mutation testing showed almost every OSKextLog call could be deleted unnoticed.
 * The strings are OSKext.cpp's (OSKext::load, ::unload, ::removeKext, ::considerUnloads,
 * OSKextRetainKextWithLoadTag) as the fact sheet quotes them.
 */
class KextLogLinesTest {
    static final String ID = KernelFixture.DRIVER_ID;
    static final long MINUTE = 60_000_000_000L;

    final KernelFixture f = new KernelFixture();

    private List<String> logTextsSince(int from) {
        return f.k.log().since(from).stream().map(LogLine::text).toList();
    }

    private List<String> kextEvents() {
        return f.k.journal().events().stream().filter(e -> e.kind().equals("kext"))
                .map(e -> e.what() + " " + e.className() + (e.detail().isEmpty() ? "" : " " + e.detail())).toList();
    }

    @Test
    void loadAtVerbosity6RelaysTheKernelLines() {
        KextRequestResult r = f.k.kexts().loadRequest(f.k.kexts().bundleOnDisk(ID), 0xfff);
        assertEquals(List.of("Kext com.osxkernel.driver has IOService subclass com_osxkernel_driver; enabling autounload.",
                "Kext com.osxkernel.driver loaded.", "Scheduling initial scan for unused kexts in 60 seconds."),
                r.kernelLines());
    }

    @Test
    void unloadAtVerbosity6RelaysEveryStepInOrder() {
        f.load(ID);
        int tag = f.k.kexts().lookup(ID).getLoadTag();
        KextRequestResult r = f.k.kexts().unloadRequest(ID, true, true, 0xfff);
        assertEquals(List.of("User-space log flags changed from 0x0 to 0xfff.",
                "Received 'Unload' request from user space.",
                "Rescheduling scan for unused kexts in 60 seconds.",
                "Kext com.osxkernel.driver calling module stop function.",
                "Kext com.osxkernel.driver is now stopped and ready to unload.",
                "Kext com.osxkernel.driver unloading.",
                "Kext com.osxkernel.driver unwiring and unmapping linked executable.",
                "Kext com.osxkernel.driver unloaded.",
                // R29 (logSpecMatch): "Removing kext" is a bookkeeping line that 0xfff does not match
                "Kext com.osxkernel.driver removing all personalities naming it from the IOCatalogue."),
                r.kernelLines());
        assertEquals(List.of("loaded com.osxkernel.driver load tag " + tag, "unloaded com.osxkernel.driver",
                "removed com.osxkernel.driver"), kextEvents());
        assertNull(f.k.kexts().lookup(ID));
        assertEquals(0, f.k.metaClassNamed(KernelFixture.DRIVER) == null ? 0 : 1, "its classes are undefined");
    }

    @Test
    void retainAndReleaseByLoadTagAreLoggedAndJournaled() {
        f.load(ID);
        f.k.log().setKernelFilter(0xfff);
        int tag = f.k.kexts().lookup(ID).getLoadTag();
        int from = f.k.log().size();
        assertEquals(IOReturn.kIOReturnSuccess, f.k.kexts().retainKextWithLoadTag(tag));
        assertEquals(IOReturn.kIOReturnSuccess, f.k.kexts().releaseKextWithLoadTag(tag));
        assertEquals(IOReturn.kOSKextReturnNotFound, f.k.kexts().retainKextWithLoadTag(999));
        assertEquals(IOReturn.kOSKextReturnNotFound, f.k.kexts().releaseKextWithLoadTag(999));
        // R29: the retain/release lines are about a kext that does not set OSBundleEnableKextLogging,
        // so they lack the kext-or-global bit and the filter drops them; the journal still has them.
        assertEquals(List.of("Rescheduling scan for unused kexts in 60 seconds.",
                "Can't retain kext with load tag 999 - no such kext is loaded.",
                "Can't release kext with load tag 999 - no such kext is loaded."), logTextsSince(from));
    }

    @Test
    void anUnusedKextIsAutounloadedSixtySecondsAfterTheLastChange() {
        f.k.log().setKernelFilter(0xfff);
        f.load(ID);
        assertEquals(IOReturn.kIOReturnSuccess, f.k.catalogue().serviceTerminateRequest(KernelFixture.DRIVER));
        long rescheduled = f.k.clock().now();
        int from = f.k.log().size();
        f.k.advance(MINUTE - 1);
        assertEquals(ID, f.k.kexts().lookup(ID).getIdentifier(), "not a nanosecond early");
        assertEquals(List.of(), logTextsSince(from));
        f.k.advance(1);
        assertNull(f.k.kexts().lookup(ID));
        List<LogLine> lines = f.k.log().since(from);
        assertEquals(List.of("Checking for unused kexts to autounload.",
                "Kext com.osxkernel.driver calling module stop function.",
                "Kext com.osxkernel.driver is now stopped and ready to unload.",
                "Kext com.osxkernel.driver unloading.",
                "Kext com.osxkernel.driver unwiring and unmapping linked executable.",
                "Kext com.osxkernel.driver unloaded."), lines.stream().map(LogLine::text).toList());
        assertEquals(rescheduled + MINUTE, lines.get(0).timeNs());
        assertEquals(List.of("autounload-scan ", "autounload com.osxkernel.driver", "unloaded com.osxkernel.driver",
                "removed com.osxkernel.driver"), kextEvents().subList(1, 5));
    }

    @Test
    void loadedKextsAreListedByLoadTag() {
        f.load("com.osxkernel.RobustVeto");
        f.load(ID);
        List<Integer> tags = f.k.kexts().loaded().stream().map(OSKext::getLoadTag).toList();
        assertEquals(tags.stream().sorted().toList(), tags, "kextstat's order");
    }
}
