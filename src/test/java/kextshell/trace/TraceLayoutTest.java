package kextshell.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class TraceLayoutTest {

    /** "callee label" for each message naming one of the given calls, in diagram order. */
    private static List<String> calls(SequenceDiagram d, String... names) {
        return d.rows().stream().filter(r -> r instanceof Row.Message).map(r -> (Row.Message) r)
                .filter(m -> List.of(names).stream().anyMatch(n -> m.label().startsWith(n + "(")))
                .map(m -> Traces.laneOf(d, m.to()) + " " + m.label().substring(0, m.label().indexOf('(')))
                .collect(Collectors.toList());
    }

    @Test
    void questionShowsTheLoggedOrderAsArrows() {
        SequenceDiagram d = Traces.question(2);
        assertEquals(List.of("kextunload", "IOCatalogue", "driver", "client 1", "client 2", "pid 401", "pid 402"),
                d.lanes().stream().map(Lane::label).collect(Collectors.toList()));
        // section 2 of the fact sheet: driver::terminate, client::terminate x2, client::stop x2, driver::stop
        assertEquals(List.of("driver terminate", "client 1 terminate", "client 2 terminate", "client 1 stop",
                "client 2 stop", "driver stop"), calls(d, "terminate", "stop"));
    }

    @Test
    void kextunloadsTerminateNamesItsOptionsInXnuTerms() {
        SequenceDiagram d = Traces.question(2);
        Row.Message first = (Row.Message) d.rows().stream()
                .filter(r -> r instanceof Row.Message m && m.label().startsWith("terminate(")).findFirst().get();
        assertEquals("terminate(kIOServiceRequired|kIOServiceSynchronous)", first.label());
        assertEquals("IOCatalogue", Traces.laneOf(d, first.from()));
        assertTrue(d.rows().stream().anyMatch(r -> r instanceof Row.Message m
                && m.label().equals("terminate(kIOServiceRequired|kIOServiceSynchronous|kIOServiceTerminate"
                        + "|kIOServiceRecursing)") && Traces.laneOf(d, m.from()).equals("driver")));
    }

    @Test
    void phasesAreBandsInOrderAndEachPortDiesOnItsProcess() {
        SequenceDiagram d = Traces.question(2);
        assertEquals(List.of("phase1", "phase2", "phase3", ""), d.rows().stream().filter(r -> r instanceof Row.Band)
                .map(r -> ((Row.Band) r).phase()).collect(Collectors.toList()));
        List<String> deaths = d.rows().stream()
                .filter(r -> r instanceof Row.Mark k && k.kind() == Row.MarkKind.PORT_DEAD)
                .map(r -> Traces.laneOf(d, ((Row.Mark) r).lane())).collect(Collectors.toList());
        assertEquals(List.of("pid 401", "pid 402"), deaths);
    }

    @Test
    void synchronousPhase2RunsOnTheCallersThreadSoThereIsNoTerminateThread() {
        SequenceDiagram d = Traces.question(2);
        assertFalse(d.lanes().stream().anyMatch(l -> l.kind() == Lane.Kind.THREAD));
        Row.Message will = (Row.Message) d.rows().stream()
                .filter(r -> r instanceof Row.Message m && m.label().startsWith("willTerminate(")).findFirst().get();
        assertEquals("IOCatalogue", Traces.laneOf(d, will.from()));
    }

    @Test
    void hotUnplugRunsPhase2OnTheTerminateThreadWithOnlyKIOServiceRequired() {
        SequenceDiagram d = Traces.lastLine("sudo kextload /Library/Extensions/UsbNaiveVeto.kext",
                "device attach gadget --product 0x1235", "launch --count 2 com_osxkernel_UsbNaiveVetoDriver",
                "device detach gadget");
        assertEquals("device", d.lanes().get(0).label());
        Row.Message will = (Row.Message) d.rows().stream()
                .filter(r -> r instanceof Row.Message m && m.label().startsWith("willTerminate(IOUSBHostInterface"))
                .findFirst().get();
        assertEquals("terminate thread", Traces.laneOf(d, will.from()));
        assertEquals("willTerminate(IOUSBHostInterface, kIOServiceRequired)", will.label());
        assertTrue(d.rows().stream().anyMatch(r -> r instanceof Row.Mark k && k.kind() == Row.MarkKind.VETO));
    }

    @Test
    void aRefusedVetoIsMarkedAndNothingIsTerminatedFurther() {
        SequenceDiagram d = Traces.lastLine("sudo kextload /Library/Extensions/NaiveVeto.kext",
                "launch --count 2 com_osxkernel_NaiveVetoDriver", "sudo kextunload -b com.osxkernel.NaiveVeto");
        assertEquals(List.of("driver terminate"), calls(d, "terminate", "stop"));
        assertEquals(2, d.rows().stream().filter(r -> r instanceof Row.Mark k && k.kind() == Row.MarkKind.VETO).count());
        assertFalse(d.rows().stream().anyMatch(r -> r instanceof Row.Band));
    }

    @Test
    void theFifteenSecondTimeOutIsMarkedWithTheVirtualTimeItHappened() {
        SequenceDiagram d = Traces.lastLine("sudo kextload /Library/Extensions/DeferredStopStuck.kext",
                "launch --count 2 com_osxkernel_DeferredStopStuckDriver",
                "sudo kextunload -b com.osxkernel.DeferredStopStuck");
        Row.Mark timeout = (Row.Mark) d.rows().stream()
                .filter(r -> r instanceof Row.Mark k && k.kind() == Row.MarkKind.TIMEOUT).findFirst().get();
        assertEquals("driver", Traces.laneOf(d, timeout.lane()));
        assertTrue(timeout.label().contains("+15."), timeout.label());
        assertEquals(List.of("driver terminate", "client 1 terminate", "client 2 terminate"),
                calls(d, "terminate", "stop"));
    }

    @Test
    void manyClientsFoldIntoFirstMiddleAndLast() {
        SequenceDiagram d = Traces.question(100);
        assertEquals(List.of("kextunload", "IOCatalogue", "driver", "client 1", "client ×98", "client 100", "pid 401",
                "pid ×98", "pid 500"), d.lanes().stream().map(Lane::label).collect(Collectors.toList()));
        Row.Message folded = (Row.Message) d.rows().stream()
                .filter(r -> r instanceof Row.Message m && m.label().startsWith("stop(") && m.times() > 1)
                .findFirst().get();
        assertEquals(98, folded.times());
        assertEquals("client ×98", Traces.laneOf(d, folded.to()));
        // same shape as two clients plus the folded lane's rows: small, whatever the count
        assertTrue(d.rows().size() < 120, "rows: " + d.rows().size());
        assertEquals(List.of("driver terminate", "client 1 terminate", "client ×98 terminate",
                "client 100 terminate", "client 1 stop", "client ×98 stop", "client 100 stop", "driver stop"),
                calls(d, "terminate", "stop"));
    }

    @Test
    void threeClientsAreNotFolded() {
        SequenceDiagram d = Traces.question(3);
        assertTrue(d.lanes().stream().noneMatch(Lane::folded));
        assertEquals(3, d.lanes().stream().filter(l -> l.kind() == Lane.Kind.USER_CLIENT).count());
    }

    @Test
    void optionNamesSpellEveryBitAndKeepUnknownOnesAsHex() {
        assertEquals("0", OptionNames.of(0));
        assertEquals("kIOServiceRequired|kIOServiceSynchronous", OptionNames.of(0x3));
        assertEquals("kIOServiceRequired|kIOServiceSynchronous|kIOServiceTerminate|kIOServiceRecursing",
                OptionNames.of(0x100007));
        assertEquals("kIOServiceTerminate|0x8000", OptionNames.of(0x8004));
    }
}
