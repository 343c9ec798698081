package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Issue 15 defect 8: four mutants that change what a learner sees survived the whole suite. Each
 * test names the mutant it kills and asserts the learner-visible behaviour the mutant breaks.
 */
class MutationSurvivorsTest {
    static final String ROBUST = "com.osxkernel.RobustVeto";

    private static long personalitiesOf(KernelFixture f, String bundleId) {
        return f.k.catalogue().personalities().stream().filter(p -> p.bundleId().equals(bundleId)).count();
    }

    /** IOCatalogue.removeDrivers (~line 124): removing one kext's personalities must not remove all. */
    @Test
    void D8_unloadingOneKextKeepsEveryOtherKextsDriverMatches() {
        KernelFixture f = new KernelFixture();
        assertTrue(f.load(KernelFixture.DRIVER_ID).ok());
        assertTrue(f.load(ROBUST).ok());
        long robust = personalitiesOf(f, ROBUST);
        long others = f.k.catalogue().personalities().size() - personalitiesOf(f, KernelFixture.DRIVER_ID);
        assertTrue(robust > 0);
        assertTrue(f.unload(KernelFixture.DRIVER_ID).ok());
        assertEquals(0, personalitiesOf(f, KernelFixture.DRIVER_ID), "the unloaded kext's matches go");
        assertEquals(robust, personalitiesOf(f, ROBUST), "another kext's matches stay");
        assertEquals(others, f.k.catalogue().personalities().size(), "and so do the boot kexts'");
    }

    /** KextManager.loadExecutable (~line 166): kextstat's Index counts up, 1 per load, never down. */
    @Test
    void D8_loadIndicesCountUpOneByOne() {
        KernelFixture f = new KernelFixture();
        f.load(KernelFixture.DRIVER_ID);
        f.load(ROBUST);
        f.load("com.osxkernel.DeferredStop");
        int first = f.k.kexts().lookup(KernelFixture.DRIVER_ID).getLoadTag();
        assertEquals(List.of(first, first + 1, first + 2), List.of(first,
                f.k.kexts().lookup(ROBUST).getLoadTag(), f.k.kexts().lookup("com.osxkernel.DeferredStop").getLoadTag()));
        int highestBoot = f.k.kexts().loaded().stream().filter(k -> k.getIdentifier().startsWith("com.apple."))
                .mapToInt(OSKext::getLoadTag).max().orElseThrow();
        assertEquals(highestBoot + 1, first, "the first kext the learner loads follows the boot kexts");
    }

    /** KextManager.removeKext (~line 237): a refused unload is journaled as remove-failed, for compare. */
    @Test
    void D8_aVetoedUnloadIsJournaledAsRemoveFailed() {
        KernelFixture v = TestKexts.with(TestKexts.bundle("com.test.veto", "VetoD", TestKexts.VetoDriver::new,
                "VetoC", TestKexts.Client::new, Map.of()));
        assertTrue(v.load("com.test.veto").ok());
        v.open("VetoD");
        int j = v.k.journal().size();
        assertEquals(IOReturn.kIOReturnUnsupported, v.unload("com.test.veto").result());
        List<JournalEvent> failed = v.k.journal().since(j).stream().filter(e -> e.what().equals("remove-failed")).toList();
        assertEquals(1, failed.size());
        assertEquals("com.test.veto", failed.get(0).className());
        assertEquals(IOReturn.hex(IOReturn.kIOReturnUnsupported), failed.get(0).detail());
    }

    /** KextManager.unload (~line 292): a dependency's Refs go back down when its dependent unloads. */
    @Test
    void D8_dependencyRefsReturnToTheirValueAfterEachUnload() {
        KernelFixture f = new KernelFixture();
        OSKext iokit = f.k.kexts().lookup("com.apple.kpi.iokit");
        int before = iokit.refs();
        for (int round = 0; round < 3; round++) {
            assertTrue(f.load(KernelFixture.DRIVER_ID).ok());
            assertEquals(before + 1, iokit.refs(), "kextstat shows one more reference while loaded");
            assertTrue(f.unload(KernelFixture.DRIVER_ID).ok());
            assertEquals(before, iokit.refs(), "round " + round);
        }
    }
}
