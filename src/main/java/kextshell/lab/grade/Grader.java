package kextshell.lab.grade;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kextshell.kernel.Connection;
import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.KextBundle;
import kextshell.kernel.PortState;
import kextshell.kernel.Task;
import kextshell.kernel.VirtualClock;
import kextshell.kexts.SampleKexts;
import kextshell.lab.run.LabKexts;
import kextshell.kernel.KernelPanic;
import kextshell.compare.Strategy;
import kextshell.compare.StrategyRun;

/**
 * {@code lab grade}: runs the learner's kext through the compare scenarios and the hidden
 * variants, each in a fresh kernel, and scores it against the question's requirements.
 */
public final class Grader {
    private Grader() {
    }

    /** The requirements of the report card, in the order printed. */
    public enum Requirement {
        REFUSE("kextunload refused while any client is connected"),
        GONE_ON_CLOSE("driver gone and kext autounloaded once the last client closes"),
        GONE_ON_DEATH("driver gone and kext autounloaded once the last client dies"),
        HOT_UNPLUG("never blocks a hot-unplug"),
        NO_LEAK("no leaked instance"),
        NO_PANIC("no panic");

        public final String text;

        Requirement(String text) {
            this.text = text;
        }
    }

    /** One scenario's outcome line and, if it failed a requirement, why. */
    public record Outcome(String scenario, String result, Map<Requirement, String> failures, String panic) {
    }

    public record Card(String bundleId, List<Outcome> outcomes, List<Requirement> applicable) {
        public boolean failed(Requirement r) {
            return outcomes.stream().anyMatch(o -> o.failures().containsKey(r));
        }

        public boolean passed() {
            return applicable.stream().noneMatch(this::failed);
        }

        public String firstPanic() {
            return outcomes.stream().map(Outcome::panic).filter(p -> p != null).findFirst().orElse(null);
        }
    }

    private static final long SEC = VirtualClock.NS_PER_SEC;

    /** Grades {@code lab} (a bundle built by the lab) against the question's requirements. */
    public static Card grade(KextBundle lab) {
        Strategy s = strategyOf(lab);
        List<KextBundle> disk = LabKexts.with(SampleKexts.bundles(), lab);
        List<Outcome> out = new ArrayList<>();
        out.add(run("kextunload with 2 clients", s, disk, r -> unloadRefused(r, 2)));
        out.add(run("kextunload with 3 clients", s, disk, r -> unloadRefused(r, 3)));
        out.add(run("kextunload between two closes", s, disk, Grader::unloadBetweenCloses));
        out.add(run("both clients close, 60 s idle", s, disk, r -> lastLeaves(r, false)));
        out.add(run("both clients killed, 60 s idle", s, disk, r -> lastLeaves(r, true)));
        out.add(run("kextunload -c " + s.driverClass() + " with 2 clients", s, disk, r -> classUnload(r, true)));
        out.add(run("kextunload -c " + s.clientClass() + " with 2 clients", s, disk, r -> classUnload(r, false)));
        out.add(run("a client killed while another closes", s, disk, Grader::killDuringTermination));
        List<Requirement> applicable = new ArrayList<>(List.of(Requirement.values()));
        if (s.usb()) {
            out.add(run("hot-unplug with 2 clients", s, disk, Grader::unplug));
            out.add(run("two devices, unplugged one by one", s, disk, Grader::twoDevices));
        } else {
            applicable.remove(Requirement.HOT_UNPLUG);
        }
        return new Card(s.bundleId(), List.copyOf(out), List.copyOf(applicable));
    }

    /** The strategy record of a lab bundle: its first personality's classes and USB ids. */
    static Strategy strategyOf(KextBundle b) {
        Map<?, ?> pers = b.personalities().values().stream().filter(p -> p instanceof Map<?, ?>)
                .map(p -> (Map<?, ?>) p).findFirst().orElse(Map.of());
        boolean usb = "IOUSBHostInterface".equals(pers.get("IOProviderClass"));
        long vendor = usb && pers.get("idVendor") instanceof Number n ? n.longValue() : -1;
        long product = usb && pers.get("idProduct") instanceof Number n ? n.longValue() : -1;
        String name = b.path().replaceAll(".*/", "").replaceAll("\\.kext$", "");
        return new Strategy(name, b.bundleId(), String.valueOf(pers.get("IOClass")),
                String.valueOf(pers.get("IOUserClientClass")), vendor, usb && product < 0 ? 0 : product, "");
    }

    private interface Body {
        String run(Verdict v);
    }

    /** One scenario's run and the requirements it found broken. */
    static final class Verdict {
        final StrategyRun run;
        final Map<Requirement, String> failures = new java.util.EnumMap<>(Requirement.class);

        Verdict(StrategyRun run) {
            this.run = run;
        }

        void require(boolean ok, Requirement r, String why) {
            if (!ok) {
                failures.putIfAbsent(r, why);
            }
        }
    }

    private static Outcome run(String title, Strategy s, List<KextBundle> disk, Body body) {
        Verdict v = new Verdict(new StrategyRun(s, StrategyRun.SEED, disk));
        try {
            String result = body.run(v);
            return new Outcome(title, result, Map.copyOf(v.failures), null);
        } catch (KernelPanic p) {
            v.failures.put(Requirement.NO_PANIC, p.report().lines().findFirst().orElse("panic"));
            String what = p.isHang() ? "hang: a kernel thread never returned" : "kernel panic";
            return new Outcome(title, what, Map.copyOf(v.failures), p.report());
        }
    }

    // ------------------------------------------------------------------ scenarios

    private static String unloadRefused(Verdict v, int clients) {
        StrategyRun r = v.run;
        r.setUp(clients);
        int code = r.unload().result();
        boolean refused = code != IOReturn.kIOReturnSuccess && untouched(r, r.connections());
        if (code != IOReturn.kIOReturnSuccess && !refused) {
            v.require(r.instances() == 0, Requirement.NO_LEAK, "the failed unload left " + r.instances()
                    + " instance(s) that can never be freed");
        }
        v.require(refused, Requirement.REFUSE, clients + " clients connected, yet "
                + describeUnload(r, code, r.connections()));
        return describeUnload(r, code, r.connections());
    }

    private static String unloadBetweenCloses(Verdict v) {
        StrategyRun r = v.run;
        r.setUp(2);
        close(r, 0);
        List<Connection> live = liveConnections(r);
        int code = r.unload().result();
        String said = describeUnload(r, code, live);
        v.require(code != IOReturn.kIOReturnSuccess && untouched(r, live), Requirement.REFUSE,
                "1 client still connected, yet " + said);
        close(r, 1);
        r.advance(60 * SEC);
        return said + "; after the last close and 60 s: " + leftovers(v, Requirement.GONE_ON_CLOSE);
    }

    private static String lastLeaves(Verdict v, boolean kill) {
        StrategyRun r = v.run;
        r.setUp(2);
        if (kill) {
            r.killAll();
        } else {
            r.closeAll();
        }
        r.advance(60 * SEC);
        return leftovers(v, kill ? Requirement.GONE_ON_DEATH : Requirement.GONE_ON_CLOSE);
    }

    private static String classUnload(Verdict v, boolean driverClass) {
        StrategyRun r = v.run;
        r.setUp(2);
        String cls = driverClass ? r.strategy().driverClass() : r.strategy().clientClass();
        int code = r.kernel().catalogue().serviceTerminateRequest(cls);
        if (driverClass) {
            v.require(code != IOReturn.kIOReturnSuccess && untouched(r, r.connections()), Requirement.REFUSE,
                    "kextunload -c " + cls + " tore the driver down under 2 clients");
            return code == IOReturn.kIOReturnSuccess ? "terminated" : "refused " + IOReturn.hex(code);
        }
        r.advance(60 * SEC);
        v.require(r.clientInstances() == 0, Requirement.NO_LEAK, r.clientInstances() + " client instance(s) left");
        return "clients terminated; after 60 s: " + (r.loaded() ? "kext loaded" : "kext unloaded") + ", "
                + r.instances() + " instance(s)";
    }

    private static String killDuringTermination(Verdict v) {
        StrategyRun r = v.run;
        r.setUp(2);
        close(r, 0);
        r.kernel().userSpace().exit(r.tasks().get(1));
        r.advance(60 * SEC);
        return leftovers(v, Requirement.GONE_ON_DEATH);
    }

    private static String unplug(Verdict v) {
        StrategyRun r = v.run;
        r.setUp(2);
        r.unplug();
        IOService d = r.driver();
        boolean gone = d == null || d.isFreed() || d.isInactive() && d.getProvider() == null;
        boolean stalled = !r.events("state", "sync-timeout").isEmpty();
        v.require(gone && !stalled, Requirement.HOT_UNPLUG, stalled ? "the unplug stalled for 15 s"
                : "the driver stayed attached to the unplugged device");
        v.require(r.clientInstances() == 0, Requirement.NO_LEAK, r.clientInstances() + " client instance(s) left");
        return gone ? "torn down" : "driver stays";
    }

    private static String twoDevices(Verdict v) {
        StrategyRun r = v.run;
        r.load();
        r.plug();
        IOService nub1 = r.nub();
        r.plug();
        IOService nub2 = r.nub();
        for (IOService nub : List.of(nub1, nub2)) {
            IOService drv = nub.getClient();
            if (drv != null) {
                Task t = r.kernel().userSpace().spawn("clientd");
                r.kernel().userSpace().serviceOpen(t, drv, 0, new Connection[1]);
            }
        }
        r.kernel().terminate(nub1, 0);
        boolean firstGone = nub1.getClient() == null;
        boolean secondStays = nub2.getClient() != null && !nub2.getClient().isInactive();
        r.kernel().terminate(nub2, 0);
        v.require(firstGone && secondStays, Requirement.HOT_UNPLUG,
                "unplugging one device did not take exactly its own driver away");
        v.require(r.instances() == 0, Requirement.NO_LEAK, r.instances() + " instance(s) left after both unplugs");
        return (firstGone ? "first torn down" : "first stays") + ", " + (secondStays ? "second unaffected"
                : "second affected") + "; " + r.instances() + " instance(s) left";
    }

    // ------------------------------------------------------------------ readings

    private static void close(StrategyRun r, int i) {
        r.kernel().userSpace().serviceClose(r.tasks().get(i), r.connections().get(i));
    }

    private static String leftovers(Verdict v, Requirement gone) {
        StrategyRun r = v.run;
        boolean driverGone = r.driverInstances() == 0;
        boolean unloaded = !r.loaded();
        v.require(driverGone && unloaded, gone, (driverGone ? "" : "the driver is still there; ")
                + (unloaded ? "" : "the kext is still loaded"));
        IOService d = r.driver();
        v.require(d == null || d.isFreed() || !d.isInactive(), Requirement.NO_LEAK,
                "the terminated driver was never freed");
        v.require(r.clientInstances() == 0, Requirement.NO_LEAK, r.clientInstances() + " client instance(s) left");
        return (unloaded ? "kext unloaded" : "kext loaded") + ", " + r.instances() + " instance(s)";
    }

    private static String describeUnload(StrategyRun r, int code, List<Connection> live) {
        if (code == IOReturn.kIOReturnSuccess) {
            return "unloaded";
        }
        if (untouched(r, live)) {
            return "refused " + IOReturn.hex(code);
        }
        return "failed " + IOReturn.hex(code) + " after tearing clients down";
    }

    private static List<Connection> liveConnections(StrategyRun r) {
        return r.connections().stream().filter(c -> c.client().portState() == PortState.LIVE).toList();
    }

    /** The driver still active and attached, and every connection that was live still live. */
    private static boolean untouched(StrategyRun r, List<Connection> live) {
        IOService d = r.driver();
        if (d == null || d.isFreed() || d.isInactive() || d.getProvider() == null) {
            return false;
        }
        return live.stream().allMatch(c -> c.client().portState() == PortState.LIVE);
    }
}
