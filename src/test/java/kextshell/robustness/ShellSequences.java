package kextshell.robustness;

import java.util.ArrayList;
import java.util.List;
import kextshell.kernel.KextBundle;
import kextshell.kexts.SampleKexts;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.RandomDistribution;
import net.jqwik.api.Tuple;

/**
 * Generators for random shell sessions: command lines over every sample kext (docs/strategies.md)
 * and the client daemons (docs/processes.md), with sudo and plain runs and malformed arguments.
 * PIDs come from 401–420, where {@code launch} hands them out, so most hit a real process.
 */
final class ShellSequences {
    private ShellSequences() {
    }

    /** One sample kext as the commands name it. */
    record Kext(String path, String bundleId, String driverClass, String clientClass) {
    }

    static final List<Kext> KEXTS = kexts();

    /** The names the generated {@code device} commands use; teardown detaches whatever is attached. */
    static final List<String> DEVICE_NAMES = List.of("pad", "key", "cam");

    private static List<Kext> kexts() {
        List<Kext> out = new ArrayList<>();
        for (KextBundle b : SampleKexts.bundles()) {
            out.add(new Kext(b.path(), b.bundleId(), b.classes().get(0).name(), b.classes().get(1).name()));
        }
        return List.copyOf(out);
    }

    /**
     * Sequences of 1–40 lines, lengths uniform so the average is about 20. Each sequence centres on
     * one to three kexts (nine lines in ten name one of them), so loads, opens, unloads and unplugs
     * meet each other often enough to reach the interesting states; over many sequences every kext
     * is drawn.
     */
    static Arbitrary<List<String>> sequences() {
        return Arbitraries.of(KEXTS).list().ofMinSize(1).ofMaxSize(3).flatMap(focus -> {
            Arbitrary<List<String>> setUp = setUp(focus);
            Arbitrary<List<String>> body = line(focus).list().ofMinSize(1).ofMaxSize(36)
                    .withSizeDistribution(RandomDistribution.uniform());
            return Combinators.combine(setUp, body).as((a, b) -> {
                List<String> all = new ArrayList<>(a);
                all.addAll(b);
                return all;
            });
        });
    }

    /**
     * Usually the sequence starts where the interesting part begins: the kexts in focus loaded,
     * USB ones with their device plugged in, maybe a first client. Up to four lines.
     */
    private static Arbitrary<List<String>> setUp(List<Kext> focus) {
        List<String> lines = new ArrayList<>();
        int device = 0;
        for (Kext k : focus) {
            lines.add("sudo kextload " + k.path());
            if (productOf(k) != 0) {
                lines.add("device attach " + DEVICE_NAMES.get(device++) + " --product 0x" + Integer.toHexString(productOf(k)));
            }
        }
        List<String> withClient = new ArrayList<>(lines);
        withClient.add("launch --count 2 " + focus.get(0).driverClass());
        return Arbitraries.frequency(Tuple.of(2, List.<String>of()), Tuple.of(4, List.copyOf(lines)),
                Tuple.of(4, List.copyOf(withClient)));
    }

    static Arbitrary<Long> seeds() {
        return Arbitraries.oneOf(Arbitraries.of(0L, 1L, 7L), Arbitraries.longs().between(0, 1_000_000));
    }

    static Arbitrary<String> line(List<Kext> focus) {
        Arbitrary<Kext> kext = Arbitraries.frequencyOf(Tuple.of(9, Arbitraries.of(focus)), Tuple.of(1, Arbitraries.of(KEXTS)));
        return Arbitraries.frequencyOf(
                Tuple.of(14, load(kext)),
                Tuple.of(10, unload(kext)),
                Tuple.of(12, launch(kext)),
                Tuple.of(10, call()),
                Tuple.of(5, close()),
                Tuple.of(7, kill()),
                Tuple.of(6, device(focus)),
                Tuple.of(6, sleep()),
                Tuple.of(4, notifyPid()),
                Tuple.of(4, look(kext)),
                Tuple.of(5, malformed()),
                Tuple.of(2, record()),
                Tuple.of(3, tutorial()),
                Tuple.of(1, compare(kext)),
                Tuple.of(1, longLine(kext)));
    }

    // ------------------------------------------------------------------ pieces

    /** Mostly the first few pids (a sequence launches a handful of clients), any of 401–420 otherwise. */
    static Arbitrary<Integer> pid() {
        return Arbitraries.frequencyOf(Tuple.of(7, Arbitraries.integers().between(401, 406)),
                Tuple.of(3, Arbitraries.integers().between(401, 420)));
    }

    /** The idProduct a USB sample kext matches (docs/strategies.md §1), 0 for the others. */
    static int productOf(Kext k) {
        switch (k.bundleId()) {
            case "com.osxkernel.usb.Stock":
                return 0x1234;
            case "com.osxkernel.usb.NaiveVeto":
                return 0x1235;
            case "com.osxkernel.usb.RobustVeto":
                return 0x1236;
            default:
                return 0;
        }
    }

    /** "sudo " most of the time, "" otherwise: every tool also runs unprivileged. */
    private static Arbitrary<String> sudo(int percentRoot) {
        return Arbitraries.frequency(Tuple.of(percentRoot, "sudo "), Tuple.of(100 - percentRoot, ""));
    }

    private static Arbitrary<String> maybeSudo() {
        return sudo(15);
    }

    private static Arbitrary<String> load(Arbitrary<Kext> kext) {
        return Combinators.combine(sudo(85), kext).as((su, k) -> su + "kextload " + k.path());
    }

    private static Arbitrary<String> unload(Arbitrary<Kext> kext) {
        Arbitrary<String> form = kext.flatMap(k -> Arbitraries.of(
                "kextunload -b " + k.bundleId(),
                "kextunload -p -b " + k.bundleId(),
                "kextunload -p " + k.path(),
                "kextunload -c " + k.driverClass(),
                "kextunload -c " + k.clientClass(),
                "kextunload " + k.path(),
                "kextunload -v 6 -b " + k.bundleId(),
                "kextunload -v 6 " + k.path()));
        return Combinators.combine(sudo(85), form).as(String::concat);
    }

    private static Arbitrary<String> launch(Arbitrary<Kext> kext) {
        Arbitrary<String> count = Arbitraries.frequencyOf(
                Tuple.of(3, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.integers().between(1, 3).map(n -> "--count " + n + " ")));
        Arbitrary<String> cls = Arbitraries.frequencyOf(
                Tuple.of(16, kext.map(Kext::driverClass)),
                Tuple.of(1, kext.map(Kext::clientClass)),
                Tuple.of(1, Arbitraries.of("IOService", "IOResources", "com_osxkernel_Nothing")));
        return Combinators.combine(maybeSudo(), count, cls).as((su, n, c) -> su + "launch " + n + c);
    }

    private static Arbitrary<String> call() {
        Arbitrary<String> selector = Arbitraries.frequencyOf(
                Tuple.of(5, Arbitraries.just("")),
                Tuple.of(3, Arbitraries.integers().between(0, 3).map(n -> " " + n)),
                Tuple.of(1, Arbitraries.of(" -1", " 4294967295", " 99999999999999999999", " x")));
        return Combinators.combine(maybeSudo(), pid(), selector).as((su, p, sel) -> su + "call " + p + sel);
    }

    private static Arbitrary<String> close() {
        return Combinators.combine(maybeSudo(), pid()).as((su, p) -> su + "close " + p);
    }

    private static Arbitrary<String> kill() {
        Arbitrary<String> signal = Arbitraries.frequency(
                Tuple.of(4, ""), Tuple.of(5, "-9 "), Tuple.of(1, "-HUP "), Tuple.of(1, "-s INT "),
                Tuple.of(1, "-WINCH "), Tuple.of(1, "-STOP "), Tuple.of(1, "-n 15 "));
        return Combinators.combine(maybeSudo(), signal, pid()).as((su, sig, p) -> su + "kill " + sig + p);
    }

    /** Devices plug mostly with the product id of a USB kext in focus, so that kext matches. */
    private static Arbitrary<String> device(List<Kext> focus) {
        Arbitrary<String> name = Arbitraries.of(DEVICE_NAMES);
        List<Integer> focused = focus.stream().map(ShellSequences::productOf).filter(p -> p != 0).toList();
        Arbitrary<Integer> anyProduct = Arbitraries.integers().between(0x1234, 0x1236);
        Arbitrary<Integer> product = focused.isEmpty() ? anyProduct
                : Arbitraries.frequencyOf(Tuple.of(3, Arbitraries.of(focused)), Tuple.of(1, anyProduct));
        Arbitrary<String> attach = Combinators.combine(name, product,
                Arbitraries.frequency(Tuple.of(9, ""), Tuple.of(1, " --vendor 0x1234")))
                .as((n, id, vendor) -> "device attach " + n + " --product 0x" + Integer.toHexString(id) + vendor);
        Arbitrary<String> detach = name.map(n -> "device detach " + n);
        Arbitrary<String> any = Arbitraries.frequencyOf(Tuple.of(5, attach), Tuple.of(4, detach),
                Tuple.of(1, Arbitraries.just("device list")));
        return Combinators.combine(maybeSudo(), any).as(String::concat);
    }

    private static Arbitrary<String> sleep() {
        Arbitrary<Integer> seconds = Arbitraries.frequencyOf(
                Tuple.of(4, Arbitraries.integers().between(0, 70)),
                Tuple.of(3, Arbitraries.of(1, 2, 3, 15, 16, 60, 61)));
        return seconds.map(n -> "sleep " + n);
    }

    private static Arbitrary<String> notifyPid() {
        return Combinators.combine(maybeSudo(), pid()).as((su, p) -> su + "notify " + p);
    }

    /** Read-only tools: they must never disturb the kernel or fail internally either. */
    private static Arbitrary<String> look(Arbitrary<Kext> kext) {
        Arbitrary<String> cls = kext.map(Kext::driverClass);
        return Arbitraries.oneOf(
                Arbitraries.of("ps", "ps -a", "kextstat", "kextstat -l", "device list", "sudo -s", "whoami", "trace",
                        "trace --list", "trace --ascii", "trace 1", "trace --step", "trace --step next",
                        "trace --step back"),
                kext.map(k -> "kextstat -b " + k.bundleId()),
                cls.map(c -> "ioreg -c " + c),
                cls.map(c -> "ioreg -r -c " + c));
    }

    /** A valid command with junk appended, an unknown option, a huge or negative number, or noise. */
    private static Arbitrary<String> malformed() {
        Arbitrary<String> junk = Arbitraries.of("--bogus", "-Z", "-", "--", "99999999999999999999", "-1", "0x",
                "''", "\"", "'", "\\", "-v", "-v 99", "--count 0", "--count -3", "--product 0xzz", "ﬁ", "%s%n");
        Arbitrary<String> token = Arbitraries.oneOf(junk,
                Arbitraries.strings().withCharRange('!', '~').ofMinLength(1).ofMaxLength(6));
        Arbitrary<String> command = Arbitraries.of("kextload", "kextunload", "kextunload -b", "kextunload -c",
                "kextstat", "kextutil", "launch", "launch --count", "call", "call 401", "close", "kill", "kill -9",
                "kill -s", "device attach pad --product", "device detach", "device", "sleep", "notify", "ps",
                "sudo kextload", "sudo kextunload", "sudo kextunload -v", "sudo launch", "sudo", "ioreg", "log", "trace",
                "trace --step");
        return Combinators.combine(maybeSudo(), command, token.list().ofMinSize(1).ofMaxSize(3))
                .as((su, c, tokens) -> su + c + " " + String.join(" ", tokens));
    }

    /**
     * {@code record} in every form. Files are only ever named where the shell must refuse them
     * (a directory, a device, a missing directory, an existing file without --force), so a run
     * never writes into the working tree; starting and stopping still exercise the recorder.
     */
    private static Arbitrary<String> record() {
        return Arbitraries.of("record", "record stop", "record /", "record /dev/null", "record pom.xml",
                "record no/such/dir/x.md", "record -h", "record --force", "record --force /", "record a b");
    }

    /** The tutorial's commands, inside and outside a lesson (lessons reboot the kernel from their seed). */
    private static Arbitrary<String> tutorial() {
        Arbitrary<String> lesson = Arbitraries.of("00", "01", "03-kextunload-with-clients", "05", "06", "09", "11",
                "99", "nope");
        return Arbitraries.frequencyOf(
                Tuple.of(3, lesson.map(id -> "tutorial start " + id)),
                Tuple.of(6, Arbitraries.of("tutorial list", "tutorial", "goal", "hint", "undo", "reset --yes",
                        "tutorial stop", "tutorial next", "progress", "solution --yes", "check user root",
                        "check kext-loaded com.osxkernel.driver", "check instances com_osxkernel_driver >= 1",
                        "check event terminate com_osxkernel_driver", "check process 401 alive", "check bogus",
                        "progress export x.json", "progress import x.json", "y", "n")));
    }

    /** compare is slow-ish (it runs strategies in fresh kernels), so one scenario at a time. */
    private static Arbitrary<String> compare(Arbitrary<Kext> kext) {
        Arbitrary<String> strategy = Arbitraries.of("driver", "NaiveVeto", "RobustVeto", "PostponeTerminate",
                "RetainProvider", "Bogus");
        Arbitrary<String> scenario = Arbitraries.of("unload", "close", "kill", "unplug", "idle", "nope");
        return Arbitraries.frequencyOf(
                Tuple.of(1, Arbitraries.of("compare --list", "compare --scenario", "compare --bogus")),
                Tuple.of(3, Combinators.combine(scenario, strategy)
                        .as((sc, st) -> "compare --scenario " + sc + " --strategy " + st)));
    }

    /** Lines of 1,000–20,000 characters: a huge argument, many arguments, a long sudo chain. */
    private static Arbitrary<String> longLine(Arbitrary<Kext> kext) {
        Arbitrary<Integer> n = Arbitraries.integers().between(1_000, 20_000);
        return Arbitraries.oneOf(
                n.map(k -> "kextload " + "a".repeat(k)),
                Combinators.combine(kext, n).as((k, len) -> "sudo kextunload -b " + k.bundleId() + " "
                        + "x ".repeat(len / 2)),
                n.map(k -> "sudo ".repeat(k / 5) + "whoami"),
                n.map(k -> "ioreg -c " + "\u001b[2J".repeat(k / 8)),
                n.map(k -> "kill " + "401 ".repeat(k / 4)));
    }
}
