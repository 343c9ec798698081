package kextshell.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Stream;
import kextshell.kexts.SampleKexts;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sample listing on the emulated disk compiles with the lab compiler, without a diagnostic. */
class SampleListingsCompileTest {
    static Stream<String> samples() {
        return SampleKexts.ORDER.stream().filter(d -> !Samples.OUTSIDE_THE_SUBSET.contains(d));
    }

    @ParameterizedTest
    @MethodSource("samples")
    void compilesCleanly(String dir) {
        LabCompiler.Result r = Samples.compile(dir);
        assertEquals("", r.diagnostics(), dir);
        assertEquals(true, r.ok(), dir);
    }
}
