package kextshell.compare;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kextshell.kernel.JournalEvent;
import kextshell.kernel.LogLine;
import kextshell.kernel.VirtualClock;
import kextshell.shell.Console;
import kextshell.shell.Sysexits;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/**
 * {@code compare}: runs the standard scenarios ({@link Scenario}) against every sample kext, each
 * in a fresh kernel, and prints one row per strategy. {@code compare --scenario S --strategy K}
 * tells one cell step by step; {@code compare --list} lists the strategies.
 */
public final class CompareCommand implements ShellCommand {
    /** Journal events worth showing in an account: callbacks into drivers and the key state changes. */
    private static final Set<String> KEY_CALLS = Set.of("terminate", "requestTerminate", "didTerminate", "stop",
            "clientClose", "clientDied", "start");
    private static final Set<String> KEY_STATES = Set.of("inactive", "port-dead", "port-mappings",
            "terminate-refused", "request-refused", "stop-deferred", "sync-timeout", "finalize-deferred",
            "terminate-disallowed", "start-failed");

    public static final String USAGE = "usage: compare [--list | --scenario NAME --strategy NAME]";

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "compare";
    }

    @Override
    public String summary() {
        return "compare [--list | --scenario S --strategy K]: outcome matrix of the sample kexts' strategies";
    }

    @Override
    public int run(Invocation invocation, List<String> args) {
        return run(invocation.console(), args);
    }

    /** The command without a session: it never touches the session's kernel. */
    public int run(Console out, List<String> args) {
        String scenario = null;
        String strategy = null;
        boolean list = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            switch (a) {
                case "--list" -> list = true;
                case "--scenario", "--strategy" -> {
                    if (i + 1 >= args.size()) {
                        out.err("compare: " + a + " needs a value");
                        out.err(USAGE);
                        return Sysexits.EX_USAGE;
                    }
                    if (a.equals("--scenario")) {
                        scenario = args.get(++i);
                    } else {
                        strategy = args.get(++i);
                    }
                }
                default -> {
                    out.err("compare: unknown argument '" + a + "'");
                    out.err(USAGE);
                    return Sysexits.EX_USAGE;
                }
            }
        }
        if (list) {
            if (scenario != null || strategy != null) {
                out.err(USAGE);
                return Sysexits.EX_USAGE;
            }
            list(out);
            return 0;
        }
        if (scenario == null && strategy == null) {
            for (String line : matrix()) {
                out.out(line);
            }
            return 0;
        }
        if (scenario == null || strategy == null) {
            out.err("compare: --scenario and --strategy go together");
            out.err(USAGE);
            return Sysexits.EX_USAGE;
        }
        Scenario sc = Scenario.named(scenario);
        if (sc == null) {
            out.err("compare: no scenario '" + scenario + "' (" + scenarioNames() + ")");
            return 1;
        }
        Strategy st = Strategy.named(strategy);
        if (st == null) {
            out.err("compare: no strategy '" + strategy + "' (see compare --list)");
            return 1;
        }
        for (String line : account(sc, st)) {
            out.out(line);
        }
        return 0;
    }

    // ------------------------------------------------------------------ the matrix

    /** The matrix, header, rows and legend, each line at most 80 columns. */
    public static List<String> matrix() {
        Scenario[] cols = Scenario.values();
        List<Strategy> strategies = Strategy.all();
        String[][] cells = new String[strategies.size()][cols.length];
        for (int i = 0; i < strategies.size(); i++) {
            for (int j = 0; j < cols.length; j++) {
                cells[i][j] = cols[j].cell(cols[j].run(strategies.get(i)));
            }
        }
        int[] width = new int[cols.length + 1];
        width[0] = "strategy".length();
        for (Strategy s : strategies) {
            width[0] = Math.max(width[0], s.name().length());
        }
        for (int j = 0; j < cols.length; j++) {
            width[j + 1] = Math.max(cols[j].header1().length(), cols[j].header2().length());
            for (String[] row : cells) {
                width[j + 1] = Math.max(width[j + 1], row[j].length());
            }
        }
        List<String> out = new ArrayList<>();
        String[] h1 = new String[cols.length + 1];
        String[] h2 = new String[cols.length + 1];
        h1[0] = "";
        h2[0] = "strategy";
        for (int j = 0; j < cols.length; j++) {
            h1[j + 1] = cols[j].header1();
            h2[j + 1] = cols[j].header2();
        }
        out.add(row(width, h1));
        out.add(row(width, h2));
        String[] rule = new String[cols.length + 1];
        for (int j = 0; j < rule.length; j++) {
            rule[j] = "-".repeat(width[j]);
        }
        out.add(row(width, rule));
        for (int i = 0; i < strategies.size(); i++) {
            String[] r = new String[cols.length + 1];
            r[0] = strategies.get(i).name();
            System.arraycopy(cells[i], 0, r, 1, cols.length);
            out.add(row(width, r));
        }
        out.add("");
        out.addAll(legend());
        return out;
    }

    private static String row(int[] width, String[] cells) {
        StringBuilder b = new StringBuilder();
        for (int j = 0; j < cells.length; j++) {
            if (j > 0) {
                b.append(' ');
            }
            b.append(cells[j]);
            if (j < cells.length - 1) {
                b.append(" ".repeat(width[j] - cells[j].length()));
            }
        }
        return b.toString().stripTrailing();
    }

    public static List<String> legend() {
        return List.of(
                "Each cell: a fresh kernel, the kext loaded (its USB device plugged), two",
                "processes with the driver open, then the column's action.",
                "  unload    kextunload. refused: nothing torn down, clients keep working;",
                "            leaked: services torn down, but the kext's classes still have",
                "            instances; deadline 15 s: a synchronous terminate timed out;",
                "            module stop failed: services torn down, then the kext's stop",
                "            routine refused (0xdc008017), so the kext stays loaded.",
                "            0xe00002c7 kIOReturnUnsupported, 0xdc008018 kOSKextReturnInUse.",
                "  closes    both clients IOServiceClose; kill -9: both processes killed.",
                "            clean: clients stopped and freed, driver stays; drv gone: the",
                "            driver terminated too; released: the OSKext retain dropped;",
                "            stall 15s: a synchronous terminate timed out.",
                "  unplug    torn down: driver and clients terminated; orphaned: driver",
                "            stopped and detached but active, clients' ports still live.",
                "  +60 s     after both clients closed: still loaded, or autounloaded.",
                "Details: compare --scenario " + scenarioNames() + " --strategy NAME");
    }

    private static String scenarioNames() {
        List<String> n = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            n.add(s.id());
        }
        return String.join("|", n);
    }

    // ------------------------------------------------------------------ --list

    public static void list(Console out) {
        for (Strategy s : Strategy.all()) {
            String kind = s.usb() ? String.format(" (USB %04x:%04x)", s.idVendor(), s.idProduct()) : "";
            out.out(String.format("%-18s %s%s", s.name(), s.bundleId(), kind));
            for (String line : wrap(s.summary(), 80 - 4)) {
                out.out("    " + line);
            }
        }
    }

    public static List<String> wrap(String text, int width) {
        List<String> out = new ArrayList<>();
        StringBuilder line = new StringBuilder();
        for (String word : text.split("\\s+")) {
            if (line.length() > 0 && line.length() + 1 + word.length() > width) {
                out.add(line.toString());
                line.setLength(0);
            }
            if (line.length() > 0) {
                line.append(' ');
            }
            line.append(word);
        }
        if (line.length() > 0) {
            out.add(line.toString());
        }
        return out;
    }

    // ------------------------------------------------------------------ one cell, step by step

    /** The step-by-step account of one cell: each step, its kernel log lines and key journal events. */
    public static List<String> account(Scenario sc, Strategy st) {
        List<String> out = new ArrayList<>();
        out.add("Scenario " + sc.id() + " (" + sc.description() + ")");
        out.add("Strategy " + st.name() + " (" + st.bundleId() + ")");
        StrategyRun r = sc.run(st);
        if (!sc.appliesTo(st)) {
            out.add("Not applicable: " + st.name() + " is not a device driver.");
            return out;
        }
        long t0 = r.steps().get(0).startNs();
        for (StrategyRun.Step step : r.steps()) {
            out.add("");
            out.add(String.format(Locale.ROOT, "[+%s] %s%s", seconds(step.startNs() - t0), step.title(),
                    step.result().isEmpty() ? "" : " -> " + step.result()));
            for (String line : step.kernelLines()) {
                out.add("    reply: (kernel) " + line);
            }
            for (LogLine l : step.log()) {
                out.add(String.format(Locale.ROOT, "    log  %s %s", seconds(l.timeNs() - t0), l.message()));
            }
            for (JournalEvent e : step.events()) {
                boolean key = e.kind().equals("kext") || (e.kind().equals("call") && KEY_CALLS.contains(e.what()))
                        || (e.kind().equals("state") && KEY_STATES.contains(e.what()));
                if (key) {
                    out.add(String.format(Locale.ROOT, "    jrnl %s %s", seconds(e.timeNs() - t0),
                            e.toString().replaceFirst("^#\\d+ ", "")));
                }
            }
        }
        out.add("");
        out.add("Outcome: " + sc.cell(r) + String.format(Locale.ROOT,
                " (kext %s; instances: driver %d, client %d; %s virtual)", r.loaded() ? "loaded" : "not loaded",
                r.driverInstances(), r.clientInstances(), seconds(r.elapsedNs())));
        return out;
    }

    private static String seconds(long ns) {
        return String.format(Locale.ROOT, "%.3f s", ns / (double) VirtualClock.NS_PER_SEC);
    }

    @Override
    public List<String> options() {
        return List.of("--list", "--scenario", "--strategy");
    }

    @Override
    public List<String> help() {
        return List.of(USAGE, "", summary().substring(summary().indexOf(": ") + 2));
    }

    @Override
    public kextshell.shell.CompletionKind completionFor(String previousWord) {
        return switch (previousWord) {
            case "--strategy" -> kextshell.shell.CompletionKind.STRATEGY;
            case "--scenario" -> kextshell.shell.CompletionKind.SCENARIO;
            default -> kextshell.shell.CompletionKind.NONE;
        };
    }
}
