package kextshell.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kextshell.kernel.Connection;
import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.Kernel;
import kextshell.kernel.KernelLog;
import kextshell.kernel.Task;
import kextshell.kernel.UserSpace;
import kextshell.kexts.SampleKexts;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.SessionConfig;
import kextshell.shell.SessionFactory;

/**
 * Kernel scale: N clients on one driver, driven through the kernel's user-space entry points
 * (what launch, close and kextunload call). Each step runs in a fresh kernel holding N clients;
 * the heap figure is measured with the N clients alive, after a full GC.
 */
final class KernelScaleBench {
    static final int[] SIZES = {1_000, 10_000, 100_000};
    static final int REPEATS = 3;
    static final String STOCK = "com.osxkernel.driver";
    static final String STOCK_CLASS = "com_osxkernel_driver";
    static final String ROBUST = "com.osxkernel.RobustVeto";
    static final String ROBUST_CLASS = "com_osxkernel_RobustVetoDriver";

    private KernelScaleBench() {
    }

    private interface Step {
        String run(Session s, List<Task> tasks);
    }

    /** Per-client microseconds for each step, at each size, for the linearity check. */
    private record Timing(String step, int n, double ms) {
    }

    static List<Figure> run(SessionFactory sessions) {
        // Warm the JIT once at a middle size so the first measured size is not all interpreter.
        measureAll(sessions, 10_000, new ArrayList<>());
        List<Figure> out = new ArrayList<>();
        List<Timing> timings = new ArrayList<>();
        for (int n : SIZES) {
            out.addAll(measureAll(sessions, n, timings));
        }
        for (String step : List.of("launch+open", "kextunload stock", "kextunload robust veto", "close all",
                "ioreg (null sink)")) {
            double small = perClient(timings, step, SIZES[0]);
            double large = perClient(timings, step, SIZES[SIZES.length - 1]);
            out.add(Figure.of("linear: " + step + " us/client 100k vs 1k",
                    String.format(Locale.ROOT, "%.2fx", large / small), "<= 2x", large / small <= 2));
        }
        return out;
    }

    private static double perClient(List<Timing> timings, String step, int n) {
        for (Timing t : timings) {
            if (t.step().equals(step) && t.n() == n) {
                return t.ms() * 1000 / n;
            }
        }
        return Double.NaN;
    }

    private static List<Figure> measureAll(SessionFactory sessions, int n, List<Timing> timings) {
        List<Figure> out = new ArrayList<>();
        long[] heap = new long[1];
        double open = timeOpen(sessions, n, STOCK, STOCK_CLASS, heap);
        timings.add(new Timing("launch+open", n, open));
        out.add(row(n, "launch+open", open, null));
        out.add(Figure.of(String.format(Locale.ROOT, "N=%,d heap with all clients open", n),
                (heap[0] >> 20) + " MiB", n == 100_000 ? "<= 256 MiB" : "", n != 100_000 || heap[0] <= (256L << 20)));
        double stock = timeStep(sessions, n, STOCK, STOCK_CLASS, (s, t) -> unload(s.kernel(), STOCK));
        timings.add(new Timing("kextunload stock", n, stock));
        out.add(row(n, "kextunload stock", stock, n == 100_000 ? 1000.0 : null));
        double robust = timeStep(sessions, n, ROBUST, ROBUST_CLASS, (s, t) -> unload(s.kernel(), ROBUST));
        timings.add(new Timing("kextunload robust veto", n, robust));
        out.add(row(n, "kextunload robust veto (refused)", robust, n == 100_000 ? 1000.0 : null));
        double close = timeStep(sessions, n, STOCK, STOCK_CLASS, (s, tasks) -> {
            UserSpace us = s.kernel().userSpace();
            for (Task t : tasks) {
                us.serviceClose(t, t.connections().get(0));
            }
            return "closed";
        });
        timings.add(new Timing("close all", n, close));
        out.add(row(n, "close all", close, null));
        double ioreg = timeStep(sessions, n, STOCK, STOCK_CLASS, (s, t) -> {
            Result r = s.execute("ioreg");
            return r.output().length() + " chars";
        });
        timings.add(new Timing("ioreg (null sink)", n, ioreg));
        out.add(row(n, "ioreg (null sink)", ioreg, null));
        return out;
    }

    private static Figure row(int n, String step, double ms, Double limitMs) {
        String name = String.format(Locale.ROOT, "N=%,d %s", n, step);
        String value = String.format(Locale.ROOT, "%.1f ms %.2f us/c", ms, ms * 1000 / n);
        if (limitMs == null) {
            return Figure.info(name, value);
        }
        return Figure.of(name, value, String.format(Locale.ROOT, "<= %.0f ms", limitMs), ms <= limitMs);
    }

    private static String unload(Kernel k, String id) {
        int r = k.kexts().unloadRequest(id, true, true, KernelLog.DEFAULT_FILTER).result();
        return r == 0 ? "unloaded" : "refused " + IOReturn.hex(r);
    }

    static Session withClients(SessionFactory sessions, int n, String id, String cls, List<Task> tasks) {
        Session s = sessions.create(SessionConfig.defaults());
        Kernel k = s.kernel();
        k.kexts().loadRequest(k.kexts().bundleOnDisk(id), KernelLog.DEFAULT_FILTER);
        UserSpace us = k.userSpace();
        IOService svc = us.getMatchingService(cls);
        for (int i = 0; i < n; i++) {
            Task t = us.spawn("clientd");
            Connection[] c = new Connection[1];
            if (us.serviceOpen(t, svc, 0, c) != IOReturn.kIOReturnSuccess) {
                throw new IllegalStateException("open failed at client " + i);
            }
            tasks.add(t);
        }
        return s;
    }

    private static double timeOpen(SessionFactory sessions, int n, String id, String cls, long[] heap) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < REPEATS; r++) {
            List<Task> tasks = new ArrayList<>(n);
            System.gc();
            long t0 = System.nanoTime();
            Session s = withClients(sessions, n, id, cls, tasks);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
            heap[0] = usedHeap();
            if (s.kernel().userSpace().tasks().size() != n) {
                throw new IllegalStateException("lost clients");
            }
        }
        return best;
    }

    /** Best of {@link #REPEATS} runs, each in a fresh kernel: one JIT or GC hiccup is not the model's cost. */
    private static double timeStep(SessionFactory sessions, int n, String id, String cls, Step step) {
        double best = Double.MAX_VALUE;
        for (int r = 0; r < REPEATS; r++) {
            List<Task> tasks = new ArrayList<>(n);
            Session s = withClients(sessions, n, id, cls, tasks);
            System.gc();
            long t0 = System.nanoTime();
            step.run(s, tasks);
            best = Math.min(best, (System.nanoTime() - t0) / 1e6);
        }
        return best;
    }

    private static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        System.gc();
        System.gc();
        return rt.totalMemory() - rt.freeMemory();
    }
}
