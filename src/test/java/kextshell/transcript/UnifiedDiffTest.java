package kextshell.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Long outputs: changes far apart get separate hunks with three lines of context each. */
class UnifiedDiffTest {
    @Test
    void distantChangesGetTheirOwnHunksWithFileLineNumbers() throws TranscriptException {
        StringBuilder text = new StringBuilder("# Long\n```kextshell\n$ ioreg\n"); // $ line is line 3
        List<String> actual = new ArrayList<>();
        for (int i = 1; i <= 20; i++) {
            text.append("line ").append(i).append('\n');          // "line i" is on file line 3 + i
            actual.add(i == 2 ? "LINE 2" : i == 17 ? "LINE 17" : "line " + i);
        }
        actual.add("extra");
        Transcript t = TranscriptParser.parse("long.md", text.append("```\n").toString());
        Block block = t.blocks().get(0);
        Step step = block.steps().get(0);
        StepOutcome outcome = new StepOutcome(block, step, actual, 0, Alignment.of(step.expected(), actual));
        assertEquals("--- long.md:3\n"
                + "+++ actual\n"
                + "@@ -3,6 +3,6 @@\n"
                + " $ ioreg\n"
                + " line 1\n"
                + "-line 2\n"
                + "+LINE 2\n"
                + " line 3\n"
                + " line 4\n"
                + " line 5\n"
                + "@@ -17,7 +17,8 @@\n"
                + " line 14\n"
                + " line 15\n"
                + " line 16\n"
                + "-line 17\n"
                + "+LINE 17\n"
                + " line 18\n"
                + " line 19\n"
                + " line 20\n"
                + "+extra\n", UnifiedDiff.render("long.md", List.of(outcome)));
    }
}
