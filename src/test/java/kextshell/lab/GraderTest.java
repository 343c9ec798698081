package kextshell.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kextshell.kernel.KextBundle;
import kextshell.kexts.SampleKexts;
import kextshell.lab.grade.Grader;
import kextshell.lab.grade.Grader.Requirement;
import kextshell.lab.grade.ReportCard;
import org.junit.jupiter.api.Test;

/** The grader scores the samples as the question's requirements say they should be scored. */
class GraderTest {
    static Grader.Card gradeSample(String name) {
        LabCompiler.Result r = Samples.compile(name + ".kext");
        assertTrue(r.ok(), r.diagnostics());
        KextBundle twin = SampleKexts.bundles().stream().filter(b -> b.path().endsWith("/" + name + ".kext"))
                .findFirst().orElseThrow();
        return Grader.grade(r.kext().bundle(twin.path(), twin.infoPlist()));
    }

    @Test
    void theStockDriverUnloadsUnderItsClients() {
        Grader.Card c = gradeSample("driver");
        assertTrue(c.failed(Requirement.REFUSE));
        assertFalse(c.failed(Requirement.NO_PANIC));
        assertFalse(c.passed());
    }

    @Test
    void robustVetoMeetsEveryRequirement() {
        Grader.Card c = gradeSample("RobustVeto");
        assertTrue(c.passed(), String.join("\n", ReportCard.render(c)));
    }

    @Test
    void theNaiveUsbVetoBlocksTheHotUnplug() {
        Grader.Card c = gradeSample("UsbNaiveVeto");
        assertTrue(c.failed(Requirement.HOT_UNPLUG), String.join("\n", ReportCard.render(c)));
        assertFalse(c.failed(Requirement.REFUSE), String.join("\n", ReportCard.render(c)));
    }

    @Test
    void naiveVetoNeverLetsGo() {
        Grader.Card c = gradeSample("NaiveVeto");
        assertFalse(c.failed(Requirement.REFUSE));
        assertTrue(c.failed(Requirement.GONE_ON_CLOSE), String.join("\n", ReportCard.render(c)));
    }

    @Test
    void gradingIsDeterministic() {
        assertEquals(ReportCard.render(gradeSample("DeferredStop")), ReportCard.render(gradeSample("DeferredStop")));
    }

    @Test
    void theCardEndsWithTheCount() {
        Grader.Card c = gradeSample("RobustVeto");
        java.util.List<String> lines = ReportCard.render(c);
        assertEquals("5 of 5 requirements met.", lines.get(lines.size() - 1));
    }
}
