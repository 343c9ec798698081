package kextshell.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kextshell.lab.LabCompiler;
import kextshell.lab.LabNew;
import kextshell.lab.grade.Grader;
import kextshell.compare.Strategy;

/**
 * The driver lab: {@code lab build} plus {@code lab grade} of a ~200-line kext (RobustVeto's
 * listing, renamed by {@code lab new}), first in this JVM (cold) and then warm (median of 15).
 */
final class LabBench {
    static final int WARM_ROUNDS = 15;

    private LabBench() {
    }

    static List<Figure> run() {
        Map<String, String> files = LabNew.files("Bench", Strategy.named("RobustVeto"), false);
        String source = files.get("Bench.kext/Contents/Sources/Bench.cpp");
        Map<String, Object> plist = plist(files.get("Bench.kext/Contents/Info.plist"));
        long lines = source.lines().count();
        long cold = once(source, plist);
        long[] warm = new long[WARM_ROUNDS];
        for (int i = 0; i < WARM_ROUNDS; i++) {
            warm[i] = once(source, plist);
        }
        Arrays.sort(warm);
        long median = warm[WARM_ROUNDS / 2];
        List<Figure> out = new ArrayList<>();
        out.add(Figure.of("lab build + grade, " + lines + "-line kext, cold", ms(cold), "< 1 s", cold < 1_000_000_000L));
        out.add(Figure.of("lab build + grade, warm (median)", ms(median), "well under 1 s",
                median < 250_000_000L));
        return out;
    }

    /** Compile and grade once; returns nanoseconds. */
    static long once(String source, Map<String, Object> plist) {
        long t0 = System.nanoTime();
        LabCompiler.Result r = LabCompiler.compile("Bench.cpp", source);
        if (!r.ok()) {
            throw new IllegalStateException("the bench kext does not build:\n" + r.diagnostics());
        }
        Grader.Card card = Grader.grade(r.kext().bundle("/Users/learner/Bench.kext", plist));
        if (!card.passed()) {
            throw new IllegalStateException("the bench kext should pass its grade");
        }
        return System.nanoTime() - t0;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> plist(String text) {
        try {
            return (Map<String, Object>) kextshell.kexts.Plist.parse(text.getBytes(java.nio.charset.StandardCharsets.UTF_8));
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static String ms(long ns) {
        return String.format(Locale.ROOT, "%.0f ms", ns / 1e6);
    }
}
