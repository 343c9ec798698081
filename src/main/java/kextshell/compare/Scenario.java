package kextshell.compare;

import java.util.List;
import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.JournalEvent;
import kextshell.kernel.PortState;
import kextshell.kernel.VirtualClock;

/**
 * The standard scenarios the compare matrix runs against every strategy, each in a fresh kernel,
 * and how each outcome is read back from the kernel: return codes, instance counts, port states
 * and journal events. No cell is written down; every one is computed.
 */
public enum Scenario {
    /** kextunload while two processes have the driver open. */
    UNLOAD("unload", "unload w/", "2 clients", "kextunload while two client processes have the driver open"),
    /** Both clients IOServiceClose, one after the other. */
    CLOSE("close", "last", "closes", "both clients call IOServiceClose, one after the other"),
    /** Both client processes killed with -9 (clientDied instead of the close IPC). */
    KILL("kill", "kill -9", "a client", "each client process is killed (-9), one after the other"),
    /** The device is unplugged while two clients are connected (USB drivers only). */
    UNPLUG("unplug", "hot-", "unplug", "the USB device is unplugged with two clients connected (USB drivers only)"),
    /** The close scenario, then 60 s of idle time: is the kext still loaded? */
    IDLE("idle", "+60 s:", "loaded?", "the close scenario, then 60 s idle: is the kext still loaded?");

    /** One virtual second. */
    public static final long SEC = VirtualClock.NS_PER_SEC;

    private final String id;
    private final String header1;
    private final String header2;
    private final String description;

    Scenario(String id, String header1, String header2, String description) {
        this.id = id;
        this.header1 = header1;
        this.header2 = header2;
        this.description = description;
    }

    public String id() {
        return id;
    }

    public String header1() {
        return header1;
    }

    public String header2() {
        return header2;
    }

    public String description() {
        return description;
    }

    public static Scenario named(String name) {
        for (Scenario s : values()) {
            if (s.id.equalsIgnoreCase(name) || s.name().equalsIgnoreCase(name)) {
                return s;
            }
        }
        return null;
    }

    /** Applies to this strategy? (Hot-unplug needs a device.) */
    public boolean appliesTo(Strategy s) {
        return this != UNPLUG || s.usb();
    }

    /** Runs the scenario in a fresh kernel; the run keeps the step-by-step account. */
    public StrategyRun run(Strategy s) {
        return run(s, StrategyRun.SEED);
    }

    /** The same, on a kernel booted from {@code seed}. */
    public StrategyRun run(Strategy s, long seed) {
        return run(new StrategyRun(s, seed));
    }

    /** Runs the scenario on a prepared run (a kernel with the driver lab's bundles on its disk). */
    public StrategyRun run(StrategyRun r) {
        Strategy s = r.strategy();
        if (!appliesTo(s)) {
            return r;
        }
        r.setUp(2);
        switch (this) {
            case UNLOAD -> r.unload();
            case CLOSE -> r.closeAll();
            case KILL -> r.killAll();
            case UNPLUG -> r.unplug();
            case IDLE -> {
                r.closeAll();
                r.advance(60 * SEC);
            }
            default -> throw new IllegalStateException();
        }
        return r;
    }

    /** The matrix cell: a short reading of what the run did. */
    public String cell(StrategyRun r) {
        if (!appliesTo(r.strategy())) {
            return "n/a";
        }
        return switch (this) {
            case UNLOAD -> unloadCell(r);
            case CLOSE, KILL -> clientsGoneCell(r);
            case UNPLUG -> unplugCell(r);
            case IDLE -> idleCell(r);
        };
    }

    private static String unloadCell(StrategyRun r) {
        StrategyRun.Step step = last(r);
        int code = r.lastUnload().result();
        if (code == IOReturn.kIOReturnSuccess) {
            long s = step.elapsedNs() / SEC;
            return s >= 1 ? "unloaded after " + s + " s" : "unloaded";
        }
        if (!r.events("state", "sync-timeout").isEmpty()) {
            return "deadline 15 s";
        }
        if (code == IOReturn.kOSKextReturnStartStopError) {
            return "module stop failed";
        }
        if (untouched(r)) {
            return "refused " + IOReturn.hex(code);
        }
        int n = r.instances();
        return "leaked " + n + " instance" + (n == 1 ? "" : "s");
    }

    /** The driver still active and attached, every client port still LIVE. */
    public static boolean untouched(StrategyRun r) {
        IOService d = r.driver();
        if (d == null || d.isInactive() || d.getProvider() == null) {
            return false;
        }
        return r.connections().stream().allMatch(c -> c.client().portState() == PortState.LIVE);
    }

    private static String clientsGoneCell(StrategyRun r) {
        if (!r.events("state", "sync-timeout").isEmpty()) {
            return "stall 15s";
        }
        if (r.clientInstances() > 0) {
            return "leaked " + r.clientInstances();
        }
        IOService d = r.driver();
        if (d.isFreed() || d.isInactive()) {
            return "drv gone";
        }
        if (!r.events("kext", "released").isEmpty()) {
            return "released";
        }
        return "clean";
    }

    private static String unplugCell(StrategyRun r) {
        IOService d = r.driver();
        if (d.getProvider() != null) {
            return "driver stays";
        }
        return d.isInactive() || d.isFreed() ? "torn down" : "orphaned";
    }

    private static String idleCell(StrategyRun r) {
        if (r.loaded()) {
            return "stays loaded";
        }
        List<JournalEvent> auto = r.events("kext", "autounload");
        return auto.isEmpty() ? "unloaded" : "autounloaded";
    }

    private static StrategyRun.Step last(StrategyRun r) {
        List<StrategyRun.Step> steps = r.steps();
        return steps.get(steps.size() - 1);
    }
}
