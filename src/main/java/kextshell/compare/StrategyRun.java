package kextshell.compare;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kextshell.kernel.Connection;
import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUSBHostFamily;
import kextshell.kernel.JournalEvent;
import kextshell.kernel.Kernel;
import kextshell.kernel.KextRequestResult;
import kextshell.kernel.LogLine;
import kextshell.kernel.OSKext;
import kextshell.kernel.OSMetaClass;
import kextshell.kernel.Task;
import kextshell.kernel.UserSpace;
import kextshell.kernel.VirtualClock;
import kextshell.kexts.SampleKexts;

/**
 * One strategy driven through the kernel API in a fresh kernel, step by step, as a learner would
 * drive it from the shell: load, plug the device, open clients, unload, close, kill, unplug, wait.
 * Every step keeps the kernel log lines and journal events it produced.
 */
public final class StrategyRun {
    /** The seed every compare run uses: the matrix is the same on every machine. */
    public static final long SEED = 1;

    /** kextunload's log filter (OSKextLogSpec 0xff2: warnings and errors, every flag). */
    private static final int LOG_FILTER = 0xff2;

    /** One step of the account. */
    public record Step(String title, String result, long startNs, long endNs, List<LogLine> log,
            List<JournalEvent> events, List<String> kernelLines) {
        public long elapsedNs() {
            return endNs - startNs;
        }
    }

    private final Strategy strategy;
    private final Kernel k;
    private final UserSpace us;
    private final long startNs;
    private final List<Step> steps = new ArrayList<>();
    private final List<Task> tasks = new ArrayList<>();
    private final List<Connection> connections = new ArrayList<>();
    private OSMetaClass driverClass;
    private OSMetaClass clientClass;
    private IOService nub;
    private IOService driver;
    private KextRequestResult lastUnload;

    public StrategyRun(Strategy strategy) {
        this(strategy, SEED);
    }

    /** A run on a kernel booted from {@code seed} (the Mystery kext's strategy depends on it). */
    public StrategyRun(Strategy strategy, long seed) {
        this(strategy, seed, SampleKexts.bundles());
    }

    /** A run on a kernel whose disk holds {@code bundles} (the driver lab adds the learner's kext). */
    public StrategyRun(Strategy strategy, long seed, List<kextshell.kernel.KextBundle> bundles) {
        this.strategy = strategy;
        this.k = new Kernel(seed, bundles);
        this.us = k.userSpace();
        this.startNs = k.clock().now();
    }

    public Strategy strategy() {
        return strategy;
    }

    public Kernel kernel() {
        return k;
    }

    public List<Step> steps() {
        return List.copyOf(steps);
    }

    public List<Task> tasks() {
        return List.copyOf(tasks);
    }

    public List<Connection> connections() {
        return List.copyOf(connections);
    }

    /** The driver instance the clients opened (null before {@link #openClients}). */
    public IOService driver() {
        return driver;
    }

    public IOService nub() {
        return nub;
    }

    public KextRequestResult lastUnload() {
        return lastUnload;
    }

    /** Virtual time since the run began. */
    public long elapsedNs() {
        return k.clock().now() - startNs;
    }

    // ------------------------------------------------------------------ steps

    /** kextload: the load request, with the personalities sent to the catalogue; returns the OSReturn. */
    public int load() {
        int[] code = new int[1];
        step("kextload " + strategy.bundleId(), () -> {
            KextRequestResult r = k.kexts().loadRequest(k.kexts().bundleOnDisk(strategy.bundleId()), LOG_FILTER);
            driverClass = k.metaClassNamed(strategy.driverClass());
            clientClass = k.metaClassNamed(strategy.clientClass());
            code[0] = r.result();
            return new Outcome(IOReturn.hex(r.result()), r.kernelLines());
        });
        return code[0];
    }

    /** Plugs the strategy's USB device into port HS01: an IOUSBHostDevice and its IOUSBHostInterface nub. */
    public void plug() {
        step(String.format("plug USB device %04x:%04x", strategy.idVendor(), strategy.idProduct()), () -> {
            nub = IOUSBHostFamily.enumerate(k, IOUSBHostFamily.port(k, 1), "device", strategy.idVendor(),
                    strategy.idProduct());
            return new Outcome(nub.toString(), List.of());
        });
    }

    /** Loads the kext, plugs the device if it is a device driver, then opens {@code n} clients. */
    public void setUp(int n) {
        load();
        if (strategy.usb()) {
            plug();
        }
        openClients(n);
    }

    public void openClients(int n) {
        for (int i = 0; i < n; i++) {
            Task t = us.spawn("clientd");
            tasks.add(t);
            step("IOServiceOpen from pid " + t.pid() + " (" + t.name() + ")", () -> {
                IOService service = us.getMatchingService(strategy.driverClass());
                if (driver == null) {
                    driver = service;
                }
                Connection[] conn = new Connection[1];
                int r = us.serviceOpen(t, service, 0, conn);
                if (conn[0] != null) {
                    connections.add(conn[0]);
                }
                return new Outcome(IOReturn.hex(r), List.of());
            });
        }
    }

    /** kextunload: an unload request that terminates services and removes personalities. */
    public KextRequestResult unload() {
        step("kextunload -b " + strategy.bundleId(), () -> {
            lastUnload = k.kexts().unloadRequest(strategy.bundleId(), true, true, LOG_FILTER);
            return new Outcome(IOReturn.hex(lastUnload.result()), lastUnload.kernelLines());
        });
        return lastUnload;
    }

    /** IOServiceClose from each client process, in open order. */
    public void closeAll() {
        for (int i = 0; i < connections.size(); i++) {
            Connection c = connections.get(i);
            Task t = tasks.get(i);
            step("IOServiceClose from pid " + t.pid(),
                    () -> new Outcome(IOReturn.hex(us.serviceClose(t, c)), List.of()));
        }
    }

    /** kill -9 of each client process, in open order. */
    public void killAll() {
        for (Task t : tasks) {
            step("kill -9 " + t.pid(), () -> {
                us.exit(t);
                return new Outcome("exited", List.of());
            });
        }
    }

    /** Hot-unplug: the port terminates the IOUSBHostDevice (asynchronously, options 0); the walk reaches the interface. */
    public void unplug() {
        IOService device = IOUSBHostFamily.deviceOf(nub);
        step("unplug USB device (terminate " + device + ")",
                () -> new Outcome(String.valueOf(k.terminate(device, 0)), List.of()));
    }

    public void advance(long ns) {
        step("wait " + ns / VirtualClock.NS_PER_SEC + " s", () -> {
            k.advance(ns);
            return new Outcome("", List.of());
        });
    }

    // ------------------------------------------------------------------ state queries

    /** kextstat's view: the kext is known and loaded. */
    public boolean loaded() {
        OSKext kext = k.kexts().lookup(strategy.bundleId());
        return kext != null && kext.isLoaded();
    }

    public int driverInstances() {
        return driverClass == null ? 0 : driverClass.getInstanceCount();
    }

    public int clientInstances() {
        return clientClass == null ? 0 : clientClass.getInstanceCount();
    }

    /** Instances of the kext's own classes: what OSKext::unload reports. */
    public int instances() {
        return driverInstances() + clientInstances();
    }

    /** Journal events since the run began, of one kind and change/call name. */
    public List<JournalEvent> events(String kind, String what) {
        List<JournalEvent> out = new ArrayList<>();
        for (Step s : steps) {
            for (JournalEvent e : s.events()) {
                if (e.kind().equals(kind) && e.what().equals(what)) {
                    out.add(e);
                }
            }
        }
        return out;
    }

    /** Every kernel log message since the run began, as the unified log shows it. */
    public List<String> logMessages() {
        List<String> out = new ArrayList<>();
        for (Step s : steps) {
            for (LogLine l : s.log()) {
                out.add(l.message());
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ plumbing

    private record Outcome(String result, List<String> kernelLines) {
    }

    private interface Action {
        Outcome run();
    }

    private String step(String title, Action action) {
        int log0 = k.log().size();
        int j0 = k.journal().size();
        long t0 = k.clock().now();
        Outcome o = action.run();
        List<LogLine> log = List.copyOf(k.log().since(log0));
        steps.add(new Step(title, o.result(), t0, k.clock().now(), log, List.copyOf(k.journal().since(j0)),
                o.kernelLines()));
        return o.result();
    }
}
