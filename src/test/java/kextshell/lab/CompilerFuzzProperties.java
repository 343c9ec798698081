package kextshell.lab;

import kextshell.lab.run.LabKexts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.kernel.KextBundle;
import kextshell.kexts.SampleKexts;
import kextshell.kernel.KernelPanic;
import kextshell.compare.Scenario;
import kextshell.compare.Strategy;
import kextshell.compare.StrategyRun;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/**
 * Fuzzing the lab compiler: random and mutated sources never make it throw; every input gets
 * diagnostics (with the summary line) or a build. A mutated listing that still builds runs its
 * compare scenario without any failure but a kernel panic.
 */
class CompilerFuzzProperties {
    private static final String[] TOKENS = {"class", "public", ":", "{", "}", "(", ")", ";", ",", "*", "&", "->",
        ".", "::", "=", "==", "!", "?", "if", "else", "while", "for", "switch", "case", "default", "return",
        "break", "super", "IOService", "IOUserClient", "OSDeclareDefaultStructors", "OSDefineMetaClassAndStructors",
        "#define", "#include", "#ifndef", "#endif", "\n", "IOLog", "\"%s\\n\"", "__PRETTY_FUNCTION__", "bool",
        "void", "int", "true", "nullptr", "0", "0x10", "x", "provider", "terminate", "start", "override",
        "virtual", "enum", "[", "]", "<", ">", "\"", "'", "/*", "//", "~", "new", "try", "template"};

    private static final String STOCK = Samples.read("/Library/Extensions/driver.kext/Contents/Sources/driver.cpp")
            .replace("#include \"driver.h\"", Samples.read("/Library/Extensions/driver.kext/Contents/Sources/driver.h"));

    static void assertDiagnosedOrBuilt(String source) {
        LabCompiler.Result r = LabCompiler.compileOrThrow("Fuzz.cpp", source, n -> null);
        if (r.ok()) {
            assertEquals(0, r.errors());
        } else {
            assertTrue(r.errors() > 0, r.diagnostics());
            assertTrue(r.diagnostics().endsWith(" generated.\n"), r.diagnostics());
        }
    }

    @Property(tries = 1000)
    void randomTokenSoup(@ForAll("soup") String source) {
        assertDiagnosedOrBuilt(source);
    }

    @Property(tries = 500)
    void randomCharacters(@ForAll("chars") String source) {
        assertDiagnosedOrBuilt(source);
    }

    @Property(tries = 500)
    void mutatedStockListing(@ForAll("mutants") String source) {
        assertDiagnosedOrBuilt(source);
    }

    @Property(tries = 80)
    void aMutantThatBuildsRunsOrPanics(@ForAll("mutants") String source) {
        LabCompiler.Result r = LabCompiler.compileOrThrow("driver.cpp", source, n -> null);
        if (!r.ok()) {
            return;
        }
        Strategy s = Strategy.named("driver");
        KextBundle stock = SampleKexts.bundles().stream().filter(b -> b.bundleId().equals(s.bundleId())).findFirst()
                .orElseThrow();
        List<KextBundle> disk = LabKexts.with(SampleKexts.bundles(), r.kext().bundle(stock.path(), stock.infoPlist()));
        try {
            Scenario.IDLE.run(new StrategyRun(s, StrategyRun.SEED, disk));
            Scenario.UNLOAD.run(new StrategyRun(s, StrategyRun.SEED, disk));
        } catch (KernelPanic expected) {
            assertTrue(expected.report().startsWith("panic(") || expected.report().startsWith("kextshell: "));
        }
    }

    @Provide
    Arbitrary<String> soup() {
        return Arbitraries.of(TOKENS).list().ofMaxSize(80).map(l -> String.join(" ", l));
    }

    @Provide
    Arbitrary<String> chars() {
        return Arbitraries.strings().withChars("abcIOS_{}();:*&!=<>#\"'/\\\n \t0x9+-.,[]~^%").ofMaxLength(200);
    }

    @Provide
    Arbitrary<String> mutants() {
        Arbitrary<Integer> at = Arbitraries.integers().between(0, STOCK.length() - 1);
        Arbitrary<Integer> len = Arbitraries.integers().between(0, 40);
        Arbitrary<String> insert = Arbitraries.of(TOKENS);
        Arbitrary<Integer> kind = Arbitraries.integers().between(0, 2);
        return Combinators.combine(at, len, insert, kind).as(CompilerFuzzProperties::mutate);
    }

    static String mutate(int at, int len, String token, int kind) {
        int end = Math.min(STOCK.length(), at + len);
        return switch (kind) {
            case 0 -> STOCK.substring(0, at) + STOCK.substring(end);
            case 1 -> STOCK.substring(0, at) + " " + token + " " + STOCK.substring(at);
            default -> STOCK.substring(0, end) + STOCK.substring(at, end) + STOCK.substring(end);
        };
    }

    /** The fuzzer's own sanity: the unmutated listing builds, so mutants start from a valid unit. */
    @net.jqwik.api.Example
    void theSeedBuilds() {
        assertTrue(LabCompiler.compileOrThrow("driver.cpp", STOCK, n -> null).ok());
    }
}
