package kextshell.robustness;

import kextshell.app.Kextshell;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongFunction;
import java.util.regex.Pattern;
import kextshell.kernel.IORegistryEntry;
import kextshell.kernel.Invariants;
import kextshell.kernel.Kernel;
import kextshell.kernel.OSKext;
import kextshell.kernel.OSObject;
import kextshell.kernel.Task;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.SessionConfig;
import kextshell.transcript.Recorder;

/**
 * Runs one command sequence in a fresh {@link Session} and checks the robustness invariants:
 *
 * <ul>
 *   <li>I1–I7 after every step: {@link Invariants#check} is empty;</li>
 *   <li>I8 after every step: there is a result, its status is 0–255, and its output carries no
 *       {@code internal error} and no Java exception name;</li>
 *   <li>I9 at the end: the same sequence in another fresh session gives the same bytes;</li>
 *   <li>I5, second half, at the end: after tearing everything down, every boot object is live with
 *       its boot retain count, and nothing else is live except what a documented leak explains.</li>
 * </ul>
 *
 * Every problem is one line starting with the invariant's name ({@code I1}…{@code I9}).
 */
final class SequenceCheck {
    private SequenceCheck() {
    }

    /** What a kextshell bug looks like in the output (Session's catch-all, or a leaked exception). */
    static final Pattern JAVA_TROUBLE = Pattern.compile(
            "internal error|[A-Za-z]Exception\\b|\\bjava\\.[a-z]|\\tat [a-z]|"
                    + "\\b(?:StackOverflow|OutOfMemory|Assertion|NoClassDefFound|Linkage|Internal|Virtual)Error\\b");

    /**
     * Kexts whose documented outcome (docs/strategies.md §3) keeps instances alive after every client
     * has gone and every kextunload was tried, so teardown may leave their objects live:
     * <ul>
     *   <li>RetainProvider: after a kextunload with clients the driver leaks for good (the retain from
     *       the client is never released: clientClose never runs for destroyed clients);</li>
     *   <li>PostponeTerminate: kextunload with clients leaves the driver retained and orphaned,
     *       still-active clients;</li>
     *   <li>DeferredStopStuck: the deferred stop never resumes; driver and clients stay inactive and
     *       busy forever;</li>
     *   <li>UsbNaiveVeto: a hot-unplug with clients orphans the driver, "Driver 1 remains forever";</li>
     *   <li>NoUserTerminate: not a leak, but kextunload can never remove it on 10.15.4+ (its driver
     *       stays attached to IOResources).</li>
     * </ul>
     */
    static final Set<String> MAY_REMAIN = Set.of(
            "com.osxkernel.RetainProvider",
            "com.osxkernel.PostponeTerminate",
            "com.osxkernel.DeferredStopStuck",
            "com.osxkernel.usb.NaiveVeto",
            "com.osxkernel.NoUserTerminate");

    /** com.osxkernel.Mystery leaks exactly when this boot's seed makes it RetainProvider. */
    static boolean mysteryMayRemain(String bundleId, Kernel k) {
        return bundleId.equals("com.osxkernel.Mystery")
                && kextshell.kexts.MysteryStrategy.forSeed(k.seed()) == kextshell.kexts.MysteryStrategy.RETAIN_PROVIDER;
    }

    static final int WIDTH = SessionConfig.DEFAULT_WIDTH;

    static Session session(LongFunction<Kernel> kernels, long seed) {
        return Kextshell.newSession(new SessionConfig(seed, WIDTH), kernels);
    }

    /** All checks; empty when every invariant holds. Stops at the first step that breaks one. */
    static List<String> check(LongFunction<Kernel> kernels, long seed, List<String> lines) {
        return check(kernels, seed, lines, true);
    }

    static List<String> check(LongFunction<Kernel> kernels, long seed, List<String> lines, boolean teardown) {
        Session s = session(kernels, seed);
        StringBuilder transcript = new StringBuilder();
        for (int i = 0; i < lines.size(); i++) {
            List<String> problems = step(s, "step " + (i + 1), lines.get(i), transcript);
            if (!problems.isEmpty()) {
                return problems;
            }
        }
        StringBuilder again = new StringBuilder();
        Session replay = session(kernels, seed);
        for (String line : lines) {
            record(again, line, replay.execute(line));
        }
        if (!again.toString().equals(transcript.toString())) {
            return List.of("I9 replaying the sequence in a fresh session gave different output:\n"
                    + firstDifference(transcript.toString(), again.toString()));
        }
        return teardown ? teardown(s, kernels, seed) : List.of();
    }

    /** Runs one line and checks I1–I8 afterwards. */
    static List<String> step(Session s, String where, String line, StringBuilder transcript) {
        Result r = s.execute(line);
        List<String> problems = new ArrayList<>();
        if (r == null || r.output() == null) {
            problems.add("I8 " + where + " `" + line + "`: no result");
            return problems;
        }
        record(transcript, line, r);
        if (r.exitCode() < 0 || r.exitCode() > 255) {
            problems.add("I8 " + where + " `" + line + "`: exit status " + r.exitCode());
        }
        if (JAVA_TROUBLE.matcher(r.output()).find()) {
            problems.add("I8 " + where + " `" + line + "`: internal failure in the output:\n" + r.output().strip());
        }
        for (String v : Invariants.check(s.kernel())) {
            problems.add(label(v) + " " + where + " `" + line + "`: " + v);
        }
        return problems;
    }

    /** The invariant a line of {@link Invariants#check} names ("I?" if it names none). */
    static String label(String violation) {
        return violation.matches("I[1-9] .*") ? violation.substring(0, 2) : "I?";
    }

    private static void record(StringBuilder out, String line, Result r) {
        out.append("$ ").append(line).append('\n').append(r.output()).append("? ").append(r.exitCode()).append('\n');
    }

    private static String firstDifference(String a, String b) {
        String[] x = a.split("\n", -1);
        String[] y = b.split("\n", -1);
        for (int i = 0; i < Math.max(x.length, y.length); i++) {
            String l = i < x.length ? x[i] : "<end>";
            String m = i < y.length ? y[i] : "<end>";
            if (!l.equals(m)) {
                return "  first run: " + l + "\n  replay:    " + m;
            }
        }
        return "  (same lines)";
    }

    // ------------------------------------------------------------------ teardown (I5, second half)

    /**
     * Kills every live client with -9, lets pending timeouts pass, unplugs every device, unloads
     * every loaded sample kext (twice, 61 s apart, so deferred stops and autounload scans finish),
     * checking I1–I8 after each of these steps; then compares retain counts with a fresh boot.
     */
    static List<String> teardown(Session s, LongFunction<Kernel> kernels, long seed) {
        List<String> commands = new ArrayList<>();
        StringBuilder ignored = new StringBuilder();
        List<String> problems = new ArrayList<>();
        // A lesson's allow list would refuse the teardown's commands; the second stop in case the
        // first only answered a pending [y/N] question.
        s.execute("tutorial stop");
        s.execute("tutorial stop");
        for (Task t : List.copyOf(s.kernel().userSpace().tasks())) {
            if (t.alive()) {
                problems.addAll(step(s, "teardown", "kill -9 " + t.pid(), ignored));
            }
        }
        problems.addAll(step(s, "teardown", "sleep 16", ignored));
        for (String device : attachedDevices(s)) {
            problems.addAll(step(s, "teardown", "device detach " + device, ignored));
        }
        for (int round = 0; round < 2 && problems.isEmpty(); round++) {
            for (OSKext k : s.kernel().kexts().loaded()) {
                if (isSample(k.getIdentifier())) {
                    problems.addAll(step(s, "teardown", "sudo kextunload -b " + k.getIdentifier(), ignored));
                }
            }
            problems.addAll(step(s, "teardown", "sleep 61", ignored));
        }
        if (!problems.isEmpty()) {
            return problems;
        }
        return retainCountsAsBooted(s.kernel(), kernels.apply(seed));
    }

    private static boolean isSample(String bundleId) {
        return ShellSequences.KEXTS.stream().anyMatch(k -> k.bundleId().equals(bundleId));
    }

    private static List<String> attachedDevices(Session s) {
        String list = s.execute("device list").output();
        List<String> names = new ArrayList<>();
        String[] rows = list.split("\n");
        for (int i = 1; i < rows.length; i++) {
            String row = rows[i].strip();
            if (!row.isEmpty()) {
                names.add(row.split("\\s+")[0]);
            }
        }
        return rows.length > 0 && rows[0].startsWith("NAME") ? names : List.of();
    }

    /**
     * After teardown: every registry entry of a fresh boot is live with the same retain count
     * (matched by registry id), and every other live object belongs to a kext in
     * {@link #MAY_REMAIN}. A remaining entry still attached to a boot entry (the stuck
     * DeferredStopStuck driver, the NoUserTerminate driver on IOResources) holds the one reference
     * IORegistryEntry::attachToParent takes on its parent, so that boot entry must count exactly
     * one more per such child.
     */
    static List<String> retainCountsAsBooted(Kernel now, Kernel fresh) {
        Map<Long, Integer> booted = new TreeMap<>();
        for (OSObject o : fresh.liveObjects()) {
            if (o instanceof IORegistryEntry e && e.getRegistryEntryID() != 0) {
                booted.put(e.getRegistryEntryID(), o.getRetainCount());
            }
        }
        Map<Long, IORegistryEntry> live = new HashMap<>();
        Map<Long, Integer> attachedLeftovers = new HashMap<>();
        List<String> problems = new ArrayList<>();
        for (OSObject o : now.liveObjects()) {
            IORegistryEntry e = o instanceof IORegistryEntry r ? r : null;
            if (e != null && booted.containsKey(e.getRegistryEntryID())) {
                live.put(e.getRegistryEntryID(), e);
                continue;
            }
            OSKext kext = o.getMetaClass().getKext();
            String owner = kext == null ? null : kext.getIdentifier();
            if (owner == null || !(MAY_REMAIN.contains(owner) || mysteryMayRemain(owner, now))) {
                problems.add("I5 teardown left " + describe(o) + " live (retain " + o.getRetainCount() + ")");
                continue;
            }
            if (e != null) {
                for (IORegistryEntry p : e.getParentEntries()) {
                    attachedLeftovers.merge(p.getRegistryEntryID(), 1, Integer::sum);
                }
            }
        }
        for (Map.Entry<Long, Integer> b : booted.entrySet()) {
            IORegistryEntry e = live.get(b.getKey());
            if (e == null) {
                problems.add("I5 boot entry 0x" + Long.toHexString(b.getKey()) + " was freed during the session");
            } else {
                int leftovers = attachedLeftovers.getOrDefault(b.getKey(), 0);
                if (e.getRetainCount() != b.getValue() + leftovers) {
                    problems.add("I5 boot entry " + e + " has retain " + e.getRetainCount() + " after teardown, "
                            + b.getValue() + " at boot" + (leftovers == 0 ? "" : " + " + leftovers + " for remaining children"));
                }
            }
        }
        return problems;
    }

    private static String describe(OSObject o) {
        return o instanceof IORegistryEntry e ? e.toString() + " (" + o.getMetaClass().getClassName() + ")"
                : o.getMetaClass().getClassName();
    }

    // ------------------------------------------------------------------ failure transcripts

    /**
     * Runs {@code lines} in a fresh session under a {@link Recorder} and writes the transcript to
     * {@code file}, with the problems quoted above the block. The block is exactly what the shell
     * printed, so {@code replay --check} passes on it; adding it to transcripts/ pins the behaviour.
     */
    static Path writeTranscript(Path file, String title, LongFunction<Kernel> kernels, long seed, List<String> lines,
            List<String> problems) {
        try {
            Files.createDirectories(file.getParent());
            Session s = session(kernels, seed);
            Recorder recorder = Recorder.start(s, file);
            for (String line : lines) {
                s.execute(line);
            }
            recorder.finish();
            String recorded = Files.readString(file);
            String block = recorded.substring(recorded.indexOf("```kextshell"));
            StringBuilder text = new StringBuilder();
            text.append("# ").append(title).append("\n\n");
            text.append("Found by `ShellSequenceProperties` (shrunk). After the last command:\n\n");
            for (String p : problems) {
                for (String l : p.split("\n")) {
                    text.append("> ").append(l.replace("`", "'")).append('\n');
                }
            }
            text.append("\nCheck with `./kextshell replay --check ").append(file.getFileName())
                    .append("`; fix the bug, bless the block, and move the file to transcripts/.\n\n");
            text.append(block);
            Files.writeString(file, text.toString());
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
