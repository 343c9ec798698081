package kextshell.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kextshell.kernel.Connection;
import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.Kernel;
import kextshell.kernel.KernelLog;
import kextshell.kernel.KextBundle;
import kextshell.kernel.Task;
import kextshell.kernel.UserSpace;
import kextshell.kexts.SampleKexts;

/**
 * Kernel scale: N clients on one driver, measured through the same kernel entry points the shell
 * uses. Each figure is wall time of one run in a fresh kernel, after a warm-up run at the same N.
 */
public final class ScaleBench {
    private ScaleBench() {
    }

    /** One measured step. */
    public record Row(int clients, String step, double ms, long heapBytes, String outcome) {
        public double usPerClient() {
            return ms * 1000.0 / clients;
        }
    }

    public interface Step {
        String run(Kernel k, List<Task> tasks);
    }

    static final String STOCK = "com.osxkernel.driver";
    static final String STOCK_CLASS = "com_osxkernel_driver";

    public static List<Row> measure(int n, String bundleId, String driverClass, String stepName, Step step) {
        Kernel k = new Kernel(0, SampleKexts.bundles());
        KextBundle b = k.kexts().bundleOnDisk(bundleId);
        if (b == null) {
            return List.of(new Row(n, stepName, Double.NaN, 0, "no such kext " + bundleId));
        }
        k.kexts().loadRequest(b, KernelLog.DEFAULT_FILTER);
        UserSpace us = k.userSpace();
        List<Task> tasks = new ArrayList<>(n);
        long t0 = System.nanoTime();
        IOService svc = us.getMatchingService(driverClass);
        for (int i = 0; i < n; i++) {
            Task t = us.spawn("clientd");
            Connection[] c = new Connection[1];
            int r = us.serviceOpen(t, svc, 0, c);
            if (r != IOReturn.kIOReturnSuccess) {
                throw new IllegalStateException("open " + i + " failed: " + IOReturn.hex(r));
            }
            tasks.add(t);
        }
        double openMs = (System.nanoTime() - t0) / 1e6;
        long heap = usedHeap();
        t0 = System.nanoTime();
        String outcome = step.run(k, tasks);
        double stepMs = (System.nanoTime() - t0) / 1e6;
        return List.of(new Row(n, "launch+open", openMs, heap, n + " LIVE"),
                new Row(n, stepName, stepMs, usedHeap(), outcome));
    }

    static long usedHeap() {
        Runtime rt = Runtime.getRuntime();
        for (int i = 0; i < 2; i++) {
            System.gc();
        }
        return rt.totalMemory() - rt.freeMemory();
    }

    public static Step unload(String bundleId) {
        return (k, tasks) -> {
            int r = k.kexts().unloadRequest(bundleId, true, true, KernelLog.DEFAULT_FILTER).result();
            return r == 0 ? "unloaded" : "refused " + IOReturn.hex(r);
        };
    }

    public static Step closeAll() {
        return (k, tasks) -> {
            UserSpace us = k.userSpace();
            for (Task t : tasks) {
                us.serviceClose(t, t.connections().get(0));
            }
            return "closed " + tasks.size();
        };
    }

    public static void main(String[] args) {
        int n = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
        for (int warm = 0; warm < 2; warm++) {
            for (Row r : measure(n, STOCK, STOCK_CLASS, "kextunload stock", unload(STOCK))) {
                System.out.println(String.format(Locale.ROOT, "%7d %-20s %9.1f ms %8.2f us/client %6d MiB %s",
                        r.clients(), r.step(), r.ms(), r.usPerClient(), r.heapBytes() >> 20, r.outcome()));
            }
            for (Row r : measure(n, STOCK, STOCK_CLASS, "close all", closeAll())) {
                System.out.println(String.format(Locale.ROOT, "%7d %-20s %9.1f ms %8.2f us/client %6d MiB %s",
                        r.clients(), r.step(), r.ms(), r.usPerClient(), r.heapBytes() >> 20, r.outcome()));
            }
        }
    }
}
