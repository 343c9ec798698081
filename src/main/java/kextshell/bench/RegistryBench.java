package kextshell.bench;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import kextshell.kernel.Kernel;
import kextshell.kexts.SampleKexts;
import kextshell.shell.Session;

/**
 * The boot registry's cost: booting a kernel (158 kexts, 300+ IOService entries, four planes)
 * and printing the whole tree with {@code ioreg}, {@code ioreg -l} and {@code ioreg -p
 * IODeviceTree -l}, in a warm JVM: 20 warm-up runs, then the median of 51.
 */
final class RegistryBench {
    private static final int WARMUP = 20;
    private static final int RUNS = 51;
    /** issue 14: the whole tree in under 50 ms. */
    private static final double IOREG_LIMIT_MS = 50;

    private RegistryBench() {
    }

    static List<Figure> run(kextshell.shell.SessionFactory sessions) {
        List<Figure> out = new ArrayList<>();
        long[] seed = {0};
        double boot = median(() -> new Kernel(seed[0]++, SampleKexts.bundles()));
        out.add(Figure.info("boot a kernel (median)", ms(boot)));
        Session s = sessions.create(kextshell.shell.SessionConfig.defaults());
        int lines = s.execute("ioreg").output().split("\n").length;
        out.add(Figure.info("ioreg entries (+-o lines)", Integer.toString(lines)));
        for (String cmd : List.of("ioreg", "ioreg -l", "ioreg -p IODeviceTree -l")) {
            double t = median(() -> s.execute(cmd));
            out.add(Figure.of(cmd + " whole tree (median)", ms(t), "< " + (int) IOREG_LIMIT_MS + " ms",
                    t < IOREG_LIMIT_MS));
        }
        return out;
    }

    private static double median(Runnable r) {
        for (int i = 0; i < WARMUP; i++) {
            r.run();
        }
        double[] t = new double[RUNS];
        for (int i = 0; i < RUNS; i++) {
            long t0 = System.nanoTime();
            r.run();
            t[i] = (System.nanoTime() - t0) / 1e6;
        }
        Arrays.sort(t);
        return t[RUNS / 2];
    }

    private static String ms(double v) {
        return String.format(Locale.ROOT, "%.2f ms", v);
    }
}
