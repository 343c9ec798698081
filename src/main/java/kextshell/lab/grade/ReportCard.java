package kextshell.lab.grade;

import java.util.ArrayList;
import java.util.List;

/** The text of {@code lab grade}: each scenario's outcome, then one line per requirement. */
public final class ReportCard {
    private ReportCard() {
    }

    public static List<String> render(Grader.Card card) {
        List<String> out = new ArrayList<>();
        out.add("Grading " + card.bundleId() + " (each scenario in a fresh kernel):");
        for (Grader.Outcome o : card.outcomes()) {
            out.add("  " + (o.failures().isEmpty() ? "ok    " : "FAIL  ") + o.scenario() + ": " + o.result());
        }
        out.add("");
        out.add("Report card:");
        int met = 0;
        for (Grader.Requirement r : Grader.Requirement.values()) {
            if (!card.applicable().contains(r)) {
                out.add("  n/a   " + r.text + " (not a USB device driver)");
                continue;
            }
            if (!card.failed(r)) {
                met++;
                out.add("  PASS  " + r.text);
                continue;
            }
            out.add("  FAIL  " + r.text);
            for (Grader.Outcome o : card.outcomes()) {
                String why = o.failures().get(r);
                if (why != null) {
                    out.add("          " + o.scenario() + ": " + why);
                }
            }
        }
        out.add("");
        out.add(met + " of " + card.applicable().size() + " requirements met.");
        return out;
    }
}
