package kextshell.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.SessionConfig;
import kextshell.shell.SessionFactory;

/**
 * The shell-habits issue's pipe figure: {@code launch --count 100000 com_osxkernel_driver | tail -1}
 * through {@code Session.execute}, the way a learner types it, in a fresh session each round.
 */
final class PipelineBench {
    static final String LINE = "launch --count 100000 com_osxkernel_driver | tail -1";
    private static final int ROUNDS = 3;

    private PipelineBench() {
    }

    static List<Figure> run(SessionFactory sessions) {
        double best = Double.MAX_VALUE;
        String last = "";
        for (int r = 0; r < ROUNDS; r++) {
            Session s = sessions.create(SessionConfig.defaults());
            s.execute("sudo kextload /Library/Extensions/driver.kext");
            System.gc();
            long t0 = System.nanoTime();
            Result result = s.execute(LINE);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            last = result.stdout().strip();
            if (result.exitCode() != 0) {
                throw new IllegalStateException(LINE + " failed: " + result.output());
            }
        }
        List<Figure> out = new ArrayList<>();
        out.add(Figure.of(LINE.replace(" com_osxkernel_driver", ""), String.format(Locale.ROOT, "%.0f ms", best),
                "< 2000 ms", best < 2000));
        out.add(Figure.info("  its one line of output", last.length() > 40 ? last.substring(0, 40) + "…" : last));
        return out;
    }
}
