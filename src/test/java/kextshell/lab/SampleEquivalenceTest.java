package kextshell.lab;

import kextshell.lab.run.LabKexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import kextshell.kernel.KextBundle;
import kextshell.kexts.SampleKexts;
import kextshell.compare.Scenario;
import kextshell.compare.Strategy;
import kextshell.compare.StrategyRun;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * One source of truth: each sample kext run from its C++ listing gives exactly the compare row
 * of its Java twin, and the same kernel log, scenario by scenario.
 */
class SampleEquivalenceTest {
    static Stream<Strategy> strategies() {
        return Strategy.all().stream().filter(s -> !Samples.OUTSIDE_THE_SUBSET.contains(s.name()));
    }

    static List<KextBundle> diskWithListing(Strategy s) {
        String dir = s.name() + ".kext";
        LabCompiler.Result r = Samples.compile(dir);
        assertTrue(r.ok(), r.diagnostics());
        KextBundle twin = null;
        for (KextBundle b : SampleKexts.bundles()) {
            if (b.bundleId().equals(s.bundleId())) {
                twin = b;
            }
        }
        return LabKexts.with(SampleKexts.bundles(), r.kext().bundle(twin.path(), twin.infoPlist()));
    }

    @ParameterizedTest
    @MethodSource("strategies")
    void listingGivesTheTwinsCompareRow(Strategy s) {
        List<KextBundle> disk = diskWithListing(s);
        List<String> twinRow = new ArrayList<>();
        List<String> listingRow = new ArrayList<>();
        for (Scenario sc : Scenario.values()) {
            StrategyRun twin = sc.run(s);
            StrategyRun listing = sc.run(new StrategyRun(s, StrategyRun.SEED, disk));
            if (listing.driver() != null) {
                assertEquals("kextshell.lab.run", listing.driver().getClass().getPackageName(), "the C++ runs");
            }
            twinRow.add(sc.id() + "=" + sc.cell(twin));
            listingRow.add(sc.id() + "=" + sc.cell(listing));
            assertEquals(String.join("\n", twin.logMessages()), String.join("\n", listing.logMessages()),
                    s.name() + " " + sc.id() + " log");
        }
        assertEquals(twinRow, listingRow, s.name());
    }

    /** The comparison can fail: a listing with its veto removed no longer matches NaiveVeto's row. */
    @org.junit.jupiter.api.Test
    void aChangedListingChangesTheRow() {
        Strategy s = Strategy.named("NaiveVeto");
        String base = "/Library/Extensions/NaiveVeto.kext/Contents/Sources/";
        String cpp = Samples.read(base + "NaiveVeto.cpp").replace("(int)fClientCount);\n        return false;",
                "(int)fClientCount);\n        return super::terminate(options);");
        LabCompiler.Result r = LabCompiler.compile("NaiveVeto.cpp", cpp, n -> Samples.read(base + n));
        assertTrue(r.ok(), r.diagnostics());
        KextBundle twin = SampleKexts.bundles().stream().filter(b -> b.bundleId().equals(s.bundleId())).findFirst()
                .orElseThrow();
        List<KextBundle> disk = LabKexts.with(SampleKexts.bundles(), r.kext().bundle(twin.path(), twin.infoPlist()));
        String twinCell = Scenario.UNLOAD.cell(Scenario.UNLOAD.run(s));
        String listingCell = Scenario.UNLOAD.cell(Scenario.UNLOAD.run(new StrategyRun(s, StrategyRun.SEED, disk)));
        assertTrue(twinCell.startsWith("refused"), twinCell);
        assertEquals("unloaded", listingCell);
    }
}
