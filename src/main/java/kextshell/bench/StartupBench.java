package kextshell.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * Start-up: wall time of {@code printf 'exit\n' | ./kextshell} against a Java hello world, median
 * of several runs after a warm-up; and the time until the interactive prompt appears under a
 * pseudo-terminal (util-linux {@code script}).
 */
final class StartupBench {
    static final int RUNS = 11;
    static final int WARMUP = 2;

    private StartupBench() {
    }

    static List<Figure> run(Path home) throws IOException, InterruptedException {
        Path launcher = home.resolve("kextshell");
        Path jar = home.resolve("target/kextshell.jar");
        List<Figure> out = new ArrayList<>();
        double hello = median(List.of("java", "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-cp", jar.toString(),
                Hello.class.getName()), "");
        double shell = median(List.of(launcher.toString()), "exit\n");
        out.add(Figure.info("java hello world (median of " + RUNS + ")", ms(hello)));
        out.add(Figure.of("printf 'exit\\n' | ./kextshell (median)", ms(shell), "<= 200 ms", shell <= 200));
        out.add(Figure.of("  ratio to hello world", String.format(Locale.ROOT, "%.1fx", shell / hello), "<= 5x",
                shell / hello <= 5));
        if (Files.isExecutable(Path.of("/usr/bin/script"))) {
            double prompt = medianPrompt(launcher);
            // The issue sets no number for the prompt, only "quickly": compare it with jshell's ~1.3 s here.
            out.add(Figure.of("interactive prompt under a pty (median)", ms(prompt), "< 1300 ms (jshell)",
                    prompt < 1300));
        } else {
            out.add(Figure.info("interactive prompt under a pty", "no /usr/bin/script"));
        }
        return out;
    }

    private static double median(List<String> command, String input) throws IOException, InterruptedException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
            try (OutputStream in = p.getOutputStream()) {
                in.write(input.getBytes(StandardCharsets.UTF_8));
            }
            p.getInputStream().readAllBytes();
            p.waitFor();
            if (i >= WARMUP) {
                times.add((System.nanoTime() - t0) / 1e6);
            }
        }
        Collections.sort(times);
        return times.get(times.size() / 2);
    }

    /** Time from spawning the shell under a pty until its prompt is printed. */
    private static double medianPrompt(Path launcher) throws IOException, InterruptedException {
        List<Double> times = new ArrayList<>();
        for (int i = 0; i < WARMUP + RUNS; i++) {
            long t0 = System.nanoTime();
            // A pty of 80x24, as a terminal window would give; without a size JLine cannot lay out the prompt.
            ProcessBuilder pb = new ProcessBuilder("/usr/bin/script", "-q", "-c",
                    "stty cols 80 rows 24; exec " + launcher, "/dev/null");
            pb.environment().put("KEXTSHELL_HISTORY", "none");
            pb.redirectErrorStream(true);
            Process p = pb.start();
            double took = waitForPrompt(p.getInputStream(), t0);
            try (OutputStream in = p.getOutputStream()) {
                in.write("exit\n".getBytes(StandardCharsets.UTF_8));
            } catch (IOException e) {
                // already gone
            }
            if (!p.waitFor(10, TimeUnit.SECONDS)) {
                p.destroyForcibly();
            }
            if (i >= WARMUP && took >= 0) {
                times.add(took);
            }
        }
        Collections.sort(times);
        return times.isEmpty() ? Double.NaN : times.get(times.size() / 2);
    }

    /** Reads until the prompt's host name shows (colour codes may split the rest), or 10 s pass. */
    private static double waitForPrompt(InputStream out, long t0) throws IOException {
        StringBuilder seen = new StringBuilder();
        long deadline = t0 + TimeUnit.SECONDS.toNanos(10);
        while (System.nanoTime() < deadline) {
            if (out.available() == 0) {
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return -1;
                }
                continue;
            }
            int c = out.read();
            if (c < 0) {
                return -1;
            }
            seen.append((char) c);
            if (seen.indexOf("@kextlab") >= 0) {
                return (System.nanoTime() - t0) / 1e6;
            }
        }
        return -1;
    }

    static String ms(double v) {
        return String.format(Locale.ROOT, "%.0f ms", v);
    }
}
