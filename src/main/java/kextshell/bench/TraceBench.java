package kextshell.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kextshell.kernel.JournalEvent;
import kextshell.kernel.Task;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.SessionFactory;
import kextshell.trace.SequenceDiagram;
import kextshell.trace.SvgRenderer;
import kextshell.trace.TraceLayout;

/**
 * {@code trace} after the 100,000-client kextunload: the whole command as the shell runs it (the
 * layout of about 1.2 million journal events, folding, drawing at width 80), and the SVG of the
 * same diagram. Each run starts from a fresh kernel whose unload was typed as a shell line.
 */
final class TraceBench {
    static final int N = 100_000;
    static final double LIMIT_MS = 200;

    private TraceBench() {
    }

    static List<Figure> run(SessionFactory sessions) {
        double cold = measure(sessions, N)[0]; // also warms the JIT on the real size
        double best = Double.MAX_VALUE;
        double svgBest = Double.MAX_VALUE;
        double cpuBest = Double.MAX_VALUE;
        int lines = 0;
        int events = 0;
        for (int r = 0; r < KernelScaleBench.REPEATS; r++) {
            double[] m = measure(sessions, N);
            best = Math.min(best, m[0]);
            svgBest = Math.min(svgBest, m[1]);
            cpuBest = Math.min(cpuBest, m[4]);
            lines = (int) m[2];
            events = (int) m[3];
        }
        List<Figure> out = new ArrayList<>();
        out.add(Figure.of(String.format(Locale.ROOT, "N=%,d trace (draw at width 80)", N),
                String.format(Locale.ROOT, "%.1f ms", best), "< 200 ms", best < LIMIT_MS));
        out.add(Figure.info(String.format(Locale.ROOT, "N=%,d trace, CPU time of its thread", N),
                String.format(Locale.ROOT, "%.1f ms", cpuBest)));
        out.add(Figure.info(String.format(Locale.ROOT, "N=%,d trace, first call (cold JIT)", N),
                String.format(Locale.ROOT, "%.1f ms", cold)));
        out.add(Figure.info(String.format(Locale.ROOT, "N=%,d trace: events laid out / lines drawn", N),
                String.format(Locale.ROOT, "%,d / %d", events, lines)));
        out.add(Figure.info(String.format(Locale.ROOT, "N=%,d trace layout + SVG", N),
                String.format(Locale.ROOT, "%.1f ms", svgBest)));
        return out;
    }

    /** {ms for `trace`, ms for layout + SVG, output lines, events, CPU ms} for one fresh unload of n clients. */
    private static double[] measure(SessionFactory sessions, int n) {
        Session s = KernelScaleBench.withClients(sessions, n, KernelScaleBench.STOCK, KernelScaleBench.STOCK_CLASS,
                new ArrayList<Task>());
        int from = s.kernel().journal().size();
        Result unload = s.execute("sudo kextunload -b " + KernelScaleBench.STOCK);
        if (unload.exitCode() != 0) {
            throw new IllegalStateException("unload failed: " + unload.output());
        }
        kextshell.kernel.Journal journal = s.kernel().journal();
        int to = journal.size();
        System.gc();
        java.lang.management.ThreadMXBean threads = java.lang.management.ManagementFactory.getThreadMXBean();
        long cpu0 = threads.getCurrentThreadCpuTime();
        long t0 = System.nanoTime();
        Result trace = s.execute("trace");
        double traceMs = (System.nanoTime() - t0) / 1e6;
        double cpuMs = (threads.getCurrentThreadCpuTime() - cpu0) / 1e6;
        if (trace.exitCode() != 0) {
            throw new IllegalStateException("trace failed: " + trace.output());
        }
        long t1 = System.nanoTime();
        SequenceDiagram d = TraceLayout.compute("sudo kextunload", journal.before(from),
                journal.between(from, to));
        int svgLength = SvgRenderer.render(d, true).length();
        double svgMs = (System.nanoTime() - t1) / 1e6;
        if (svgLength == 0) {
            throw new IllegalStateException("empty svg");
        }
        return new double[] {traceMs, svgMs, trace.output().lines().count(), to - from, cpuMs};
    }
}
