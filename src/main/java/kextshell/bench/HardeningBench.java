package kextshell.bench;

import kextshell.shell.SessionFactory;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kextshell.transcript.TranscriptException;
import kextshell.transcript.TranscriptParser;
import kextshell.transcript.TranscriptResult;
import kextshell.transcript.TranscriptRunner;

/**
 * Issue 15's acceptance figures for crafted transcripts: a catastrophic-backtracking {@code (re)}
 * line and 1 MB transcripts (many passing steps; one block of mismatching lines) each check in
 * under 2 s, cold (a fresh parse and kernel each time; the first run is the one reported).
 */
final class HardeningBench {
    static final double LIMIT_MS = 2000;

    private HardeningBench() {
    }

    static List<Figure> run(SessionFactory sessions) throws TranscriptException {
        List<Figure> out = new ArrayList<>();
        String as = "a".repeat(50);
        out.add(timed(sessions, "(re) ((a+)+)+b vs 50 a's",
                "```kextshell\n$ " + as + "\nkextshell: command not found: ((a+)+)+b (re)\n? 127\n```\n", false));
        out.add(timed(sessions, "1 MB transcript, passing steps", manySteps(1 << 20), true));
        out.add(timed(sessions, "1 MB transcript, one mismatching block", oneBigBlock(1 << 20), false));
        return out;
    }

    private static String manySteps(int bytes) {
        StringBuilder b = new StringBuilder("# Big\n\n```kextshell\n");
        while (b.length() < bytes) {
            b.append("$ whoami\nlearner\n");
        }
        return b.append("```\n").toString();
    }

    private static String oneBigBlock(int bytes) {
        StringBuilder b = new StringBuilder("# Big\n\n```kextshell\n$ kextstat\n...\n");
        for (int i = 0; b.length() < bytes; i++) {
            b.append("not in the output ").append(i).append(i % 2 == 0 ? " [..]\n" : " (re)\n");
        }
        return b.append("```\n").toString();
    }

    private static Figure timed(SessionFactory sessions, String name, String text, boolean expectPass) throws TranscriptException {
        long start = System.nanoTime();
        TranscriptResult result = TranscriptRunner.run(TranscriptParser.parse("bench.md", text), sessions);
        double ms = (System.nanoTime() - start) / 1e6;
        boolean right = result.passed() == expectPass;
        return Figure.of(name + (right ? "" : " (WRONG VERDICT)"), String.format(Locale.ROOT, "%.0f ms", ms),
                "< 2 s", right && ms < LIMIT_MS);
    }
}
