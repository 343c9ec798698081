package kextshell.robustness;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.function.LongFunction;
import kextshell.kernel.Fault;
import kextshell.kernel.Invariants;
import kextshell.kernel.Kernel;
import kextshell.kexts.SampleKexts;
import kextshell.shell.Session;
import kextshell.transcript.TranscriptParser;
import kextshell.transcript.TranscriptResult;
import kextshell.transcript.TranscriptRunner;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Proves each check of {@link SequenceCheck} (and so of {@link ShellSequenceProperties}) can fail:
 * a session on a kernel with one {@link Fault} switched on runs a short sequence that reaches the
 * broken code, and the matching invariant is reported. The same sequence on the normal kernel
 * passes every check, so the report comes from the fault and nothing else.
 */
class InvariantCheckCanFailTest {
    private static final String LOAD = "sudo kextload /Library/Extensions/driver.kext";
    private static final String OPEN = "launch com_osxkernel_driver";

    /** The invariant a fault breaks, and a sequence that gets there. */
    record Case(String invariant, List<String> lines) {
    }

    static Case caseFor(Fault fault) {
        switch (fault) {
            case STOP_ACTIVE_CLIENT:
                return new Case("I1", List.of(LOAD, OPEN));
            case CALL_AFTER_FREE:
                return new Case("I2", List.of(LOAD, OPEN, "close 401", "sleep 1"));
            case UNLOAD_WITH_INSTANCES:
                return new Case("I3", List.of("sudo kextload /Library/Extensions/RetainProvider.kext",
                        "launch --count 2 com_osxkernel_RetainProviderDriver",
                        "sudo kextunload -b com.osxkernel.RetainProvider"));
            case SKIP_INSTANCE_DESTRUCTED:
                return new Case("I4", List.of(LOAD, OPEN, "close 401", "sleep 1"));
            case DOUBLE_RELEASE:
                return new Case("I5", List.of(LOAD, OPEN, "close 401", "sleep 1"));
            case RELEASE_WITHOUT_FREE:
                return new Case("I5", List.of(LOAD, OPEN, "close 401", "sleep 1"));
            case DROP_WITHOUT_DETACH:
                return new Case("I6", List.of(LOAD, OPEN));
            case LEAK_BUSY:
                return new Case("I7", List.of(LOAD, "sudo kextunload -b com.osxkernel.driver"));
            case THROW_IN_CALL:
                return new Case("I8", List.of(LOAD, OPEN, "call 401"));
            case NONDETERMINISTIC_PIDS:
                return new Case("I9", List.of(LOAD, OPEN));
            default:
                throw new AssertionError("no case for " + fault);
        }
    }

    static LongFunction<Kernel> kernelWith(Fault fault) {
        return seed -> new Kernel(seed, SampleKexts.bundles(), EnumSet.of(fault));
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void theSequenceCheckReportsTheBrokenInvariant(Fault fault) {
        Case c = caseFor(fault);
        List<String> problems = SequenceCheck.check(kernelWith(fault), 0, c.lines());
        assertTrue(problems.stream().anyMatch(p -> p.startsWith(c.invariant() + " ")),
                fault + " should break " + c.invariant() + ", reported: " + problems);
    }

    @ParameterizedTest
    @EnumSource(value = Fault.class, names = {"STOP_ACTIVE_CLIENT", "CALL_AFTER_FREE", "UNLOAD_WITH_INSTANCES",
            "SKIP_INSTANCE_DESTRUCTED", "DOUBLE_RELEASE", "DROP_WITHOUT_DETACH", "LEAK_BUSY"})
    void invariantsCheckNamesTheInvariant(Fault fault) {
        Case c = caseFor(fault);
        Session s = SequenceCheck.session(kernelWith(fault), 0);
        for (String line : c.lines()) {
            s.execute(line);
        }
        List<String> lines = Invariants.check(s.kernel());
        assertTrue(lines.stream().anyMatch(l -> l.startsWith(c.invariant())),
                fault + " should make Invariants.check report " + c.invariant() + ": " + lines);
    }

    @ParameterizedTest
    @EnumSource(Fault.class)
    void theSameSequencePassesOnTheNormalKernel(Fault fault) {
        assertEquals(List.of(), SequenceCheck.check(Kextshell::bootKernel, 0, caseFor(fault).lines()));
    }

    /** Teardown's retain comparison fails when a reference is left behind on a boot object. */
    @Test
    void aLeakedReferenceOnABootEntryIsReported() {
        Session s = SequenceCheck.session(Kextshell::bootKernel, 0);
        s.kernel().resources().retain();
        List<String> problems = SequenceCheck.retainCountsAsBooted(s.kernel(), Kextshell.bootKernel(0));
        assertEquals(1, problems.size(), problems.toString());
        assertTrue(problems.get(0).startsWith("I5 boot entry IOResources"), problems.get(0));
    }

    /** A live instance of a kext with no documented leak is reported after teardown. */
    @Test
    void anInstanceLeftBehindIsReported() {
        Session s = SequenceCheck.session(Kextshell::bootKernel, 0);
        s.execute(LOAD);
        List<String> problems = SequenceCheck.retainCountsAsBooted(s.kernel(), Kextshell.bootKernel(0));
        assertTrue(problems.stream().anyMatch(p -> p.startsWith("I5 teardown left com_osxkernel_driver")), problems.toString());
    }

    /**
     * The documented leaks (docs/strategies.md §3) pass the teardown check, and only through
     * {@link SequenceCheck#MAY_REMAIN}: the RetainProvider driver after a kextunload with clients,
     * the stuck DeferredStopStuck driver and clients (still on IOResources), the orphaned
     * UsbNaiveVeto driver after an unplug with clients, the NoUserTerminate driver kextunload
     * cannot remove.
     */
    @ParameterizedTest
    @org.junit.jupiter.params.provider.ValueSource(strings = {
        "RetainProvider.kext|launch --count 2 com_osxkernel_RetainProviderDriver|sudo kextunload -b com.osxkernel.RetainProvider",
        "DeferredStopStuck.kext|launch --count 2 com_osxkernel_DeferredStopStuckDriver|sudo kextunload -b com.osxkernel.DeferredStopStuck",
        "UsbNaiveVeto.kext|device attach pad --product 0x1235|launch --count 2 com_osxkernel_UsbNaiveVetoDriver|device detach pad",
        "NoUserTerminate.kext|launch com_osxkernel_NoUserTerminateDriver"})
    void documentedLeaksAreAccountedFor(String steps) {
        List<String> lines = new java.util.ArrayList<>(List.of(steps.split("\\|")));
        lines.set(0, "sudo kextload /Library/Extensions/" + lines.get(0));
        assertEquals(List.of(), SequenceCheck.check(Kextshell::bootKernel, 0, lines));
        Session s = SequenceCheck.session(Kextshell::bootKernel, 0);
        for (String line : lines) {
            s.execute(line);
        }
        SequenceCheck.teardown(s, Kextshell::bootKernel, 0);
        assertTrue(s.kernel().liveObjects().stream().anyMatch(o -> o.getMetaClass().getKext() != null
                && SequenceCheck.MAY_REMAIN.contains(o.getMetaClass().getKext().getIdentifier())), "something remains");
    }

    /** The failure transcript is a valid transcript that replays as written. */
    @Test
    void failureTranscriptsReplay(@TempDir Path dir) throws Exception {
        List<String> lines = List.of(LOAD, "launch --count 2 com_osxkernel_driver", "sudo kextunload -b com.osxkernel.driver",
                "call 402", "ioreg -c com_osxkernel_driver", "kill -9 401", "ps -a", "kextunload '", "$ x", "? 3");
        Path file = SequenceCheck.writeTranscript(dir.resolve("sample.md"), "Sample", Kextshell::bootKernel, 7, lines,
                List.of("I9 example problem\n  first run: `x`"));
        String text = Files.readString(file);
        assertTrue(text.startsWith("# Sample\n"), text);
        assertTrue(text.contains("```kextshell seed=7 width=80\n$ " + LOAD + "\n"), text);
        TranscriptResult result = TranscriptRunner.run(TranscriptParser.read(file, "sample.md"), Kextshell.sessions());
        assertTrue(result.passed(), result.diff());
    }
}
