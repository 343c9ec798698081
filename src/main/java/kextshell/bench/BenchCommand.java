package kextshell.bench;

import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kextshell.shell.SessionFactory;
import kextshell.shell.Sysexits;

/**
 * {@code ./kextshell bench [startup|replay|scale|shell|lab|trace|registry|hardening|memory|all]}: reruns the benchmarks and prints each
 * figure beside its target. Wall-clock measurements live here and in BENCHMARKS.md, never in tests.
 */
public final class BenchCommand {
    private BenchCommand() {
    }

    public static int run(String[] args, PrintStream out, PrintStream err, SessionFactory sessions) {
        String which = args.length == 0 ? "all" : args[0];
        if (args.length > 1 || !List.of("startup", "replay", "scale", "shell", "lab", "trace", "registry", "hardening", "memory", "all").contains(which)) {
            err.println("usage: kextshell bench [startup|replay|scale|shell|lab|trace|registry|hardening|memory|all]");
            return Sysexits.EX_USAGE;
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
                figures.addAll(ReplayBench.run(home, sessions));
            }
            if (which.equals("shell") || which.equals("all")) {
                figures.addAll(PipelineBench.run(sessions));
            }
            if (which.equals("scale") || which.equals("all")) {
                figures.addAll(KernelScaleBench.run(sessions));
            }
            if (which.equals("lab") || which.equals("all")) {
                figures.addAll(LabBench.run());
            }
            if (which.equals("trace") || which.equals("all")) {
                figures.addAll(TraceBench.run(sessions));
            }
            if (which.equals("registry") || which.equals("all")) {
                figures.addAll(RegistryBench.run(sessions));
            }
            if (which.equals("hardening") || which.equals("all")) {
                figures.addAll(HardeningBench.run(sessions));
            }
            if (which.equals("memory") || which.equals("all")) {
                figures.addAll(LongSessionBench.run(sessions, Integer.getInteger("kextshell.bench.count", 100_000)));
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
