package kextshell.robustness;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.function.LongFunction;
import kextshell.kernel.Fault;
import kextshell.kernel.Kernel;
import kextshell.kexts.SampleKexts;
import kextshell.shell.Session;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.lifecycle.AddLifecycleHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.FalsifiedSample;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;

/**
 * The robustness issue's stateful property: random shell sessions of up to 40 command lines over
 * every sample kext and the client daemons keep I1–I9 (see {@link SequenceCheck}).
 *
 * <p>{@code mvn verify} runs 10,000 sequences; {@code mvn verify -Pproperties-long} sets the system
 * property {@code kextshell.properties.tries} to 1,000,000 (any value works, e.g.
 * {@code -Dkextshell.properties.tries=50000}). When a sequence fails, jqwik shrinks it and the
 * shrunk sequence is written as a transcript to {@code target/property-failures/<property>.md}; the
 * failure message names the file.
 */
class ShellSequenceProperties {

    @Property(tries = 10_000)
    @AddLifecycleHook(FailureTranscript.class)
    void randomSessionsKeepTheInvariants(@ForAll("seeds") long seed, @ForAll("sequences") List<String> lines) {
        List<String> problems = SequenceCheck.check(kernels(), seed, lines);
        assertEquals(List.of(), problems, () -> String.join("\n", problems));
    }

    /**
     * The normal kernel; {@code -Dkextshell.properties.fault=NAME} runs the property on a kernel with
     * that {@link Fault} instead, to watch it fail, shrink and write its transcript.
     */
    static LongFunction<Kernel> kernels() {
        String fault = System.getProperty("kextshell.properties.fault", "");
        return fault.isEmpty() ? Kextshell::bootKernel
                : seed -> new Kernel(seed, SampleKexts.bundles(), EnumSet.of(Fault.valueOf(fault)));
    }

    @Provide
    Arbitrary<List<String>> sequences() {
        return ShellSequences.sequences();
    }

    @Provide
    Arbitrary<Long> seeds() {
        return ShellSequences.seeds();
    }

    /**
     * Sets the number of tries from {@code kextshell.properties.tries} when given, and turns a
     * failure into a transcript of the shrunk sequence.
     */
    static final class FailureTranscript implements AroundPropertyHook {
        static final Path DIR = Path.of(System.getProperty("kextshell.root", "."), "target", "property-failures");

        @Override
        public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
            Integer tries = Integer.getInteger("kextshell.properties.tries");
            if (tries != null) {
                context.attributes().setTries(tries);
            }
            PropertyExecutionResult result = property.execute();
            if (result.status() != PropertyExecutionResult.Status.FAILED) {
                return result;
            }
            FalsifiedSample sample = result.shrunkSample().map(FalsifiedSample.class::cast)
                    .or(result::originalSample).orElse(null);
            if (sample == null || sample.parameters().size() != 2) {
                return result;
            }
            long seed = (Long) sample.parameters().get(0);
            @SuppressWarnings("unchecked")
            List<String> lines = (List<String>) sample.parameters().get(1);
            String name = context.targetMethod().getName();
            List<String> problems = SequenceCheck.check(kernels(), seed, lines);
            Path file = SequenceCheck.writeTranscript(DIR.resolve(name + ".md"), "Property failure: " + name,
                    kernels(), seed, lines, problems);
            String message = "shrunk sequence (seed " + seed + ", " + lines.size() + " lines) written as a transcript to "
                    + file + "\n" + String.join("\n", problems);
            return result.mapToFailed(new AssertionError(message, result.throwable().orElse(null)));
        }
    }
}
