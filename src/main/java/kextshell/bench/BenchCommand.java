package kextshell.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code ./kextshell bench [startup|replay|scale|hardening|memory|all]}: reruns the benchmarks and prints each
 * figure beside its target. Wall-clock measurements live here and in BENCHMARKS.md, never in tests.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err) {
        String which = args.length == 0 ? "all" : args[0];
        if (args.length > 1 || !List.of("startup", "replay", "scale", "hardening", "memory", "all").contains(which)) {
            err.println("usage: kextshell bench [startup|replay|scale|hardening|memory|all]");
            return 2;
        }
        Path home = Path.of(System.getProperty("kextshell.home", "."));
        if (!Files.isDirectory(home.resolve("transcripts"))) {
            err.println("kextshell bench: run it from a kextshell checkout (no transcripts/ under " + home + ")");
            return 1;
        }
        List<Figure> figures = new ArrayList<>();
        try {
            out.println("kextshell bench " + which + " on " + Runtime.getRuntime().availableProcessors()
                    + " cores, Java " + System.getProperty("java.version") + ", max heap "
                    + (Runtime.getRuntime().maxMemory() >> 20) + " MiB");
            if (which.equals("startup") || which.equals("all")) {
                figures.addAll(StartupBench.run(home));
            }
            if (which.equals("replay") || which.equals("all")) {
                figures.addAll(ReplayBench.run(home));
            }
            if (which.equals("scale") || which.equals("all")) {
                figures.addAll(KernelScaleBench.run());
            }
            if (which.equals("hardening") || which.equals("all")) {
                figures.addAll(HardeningBench.run());
            }
            if (which.equals("memory") || which.equals("all")) {
                figures.addAll(LongSessionBench.run(Integer.getInteger("kextshell.bench.count", 100_000)));
            }
        } catch (Exception e) {
            err.println("kextshell bench: " + e.getMessage());
            return 1;
        }
        out.println(String.format("%-44s %14s  %-16s %s", "figure", "value", "target", "").stripTrailing());
        int notMet = 0;
        for (Figure f : figures) {
            out.println(f.row());
            if (Boolean.FALSE.equals(f.met())) {
                notMet++;
            }
        }
        out.println(notMet == 0 ? "all targets met" : notMet + " target(s) not met");
        return notMet == 0 ? 0 : 1;
    }
}
