package kextshell.kernel;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The emulated macOS 10.15.7 kernel (xnu-6153.141): the IOService plane, the metaclass table,
 * kexts, the catalogue, termination, user space, the log and the journal. Pure and deterministic:
 * no I/O, no wall clock, no randomness but the seed. Every user-space entry point leaves the
 * kernel settled: queued terminate work has run, as the worker thread would have run it.
 */
public final class Kernel {
    /** kOSKextKernelIdentifier. */
    public static final String KERNEL_IDENTIFIER = "__kernel__";
    /** kIORegistryIDReserved + 1: Root's id (IORegistryEntry.cpp). */
    public static final long FIRST_REGISTRY_ID = (1L << 32) + 256;
    /** The virtual boot moment, as seconds since 1970 (2020-11-16 09:00:00 UTC, a 10.15.7 Monday). */
    public static final long BOOT_EPOCH_SECONDS = 1_605_517_200L;
    /** Uptime when the learner gets a prompt. */
    static final long BOOT_UPTIME_NS = 42 * VirtualClock.NS_PER_SEC + 137 * VirtualClock.NS_PER_MS;

    private final long seed;
    private final VirtualClock clock = new VirtualClock(0);
    private final Journal journal = new Journal(clock);
    private final KernelLog log = new KernelLog(clock);
    private final Map<String, OSMetaClass> metaClasses = new HashMap<>();
    private final Termination termination = new Termination(this);
    private final IOCatalogue catalogue = new IOCatalogue(this);
    private final KextManager kexts = new KextManager(this);
    private final UserSpace userSpace = new UserSpace(this);
    private final List<String> violations = new ArrayList<>();
    private final java.util.Set<OSObject> liveObjects =
            java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());
    private long nextRegistryID = FIRST_REGISTRY_ID;
    private long registryGeneration;
    private IORegistryEntry root;
    private IOService serviceRoot;
    private IOService resources;
    private IOService usbController;
    private boolean settling;

    private final java.util.Set<Fault> faults;

    public Kernel(long seed, List<KextBundle> bundlesOnDisk) {
        this(seed, bundlesOnDisk, java.util.EnumSet.noneOf(Fault.class));
    }

    /** A deliberately broken kernel, for the tests that prove the invariant checks can fail. */
    public Kernel(long seed, List<KextBundle> bundlesOnDisk, java.util.Set<Fault> faults) {
        this.seed = seed;
        this.faults = java.util.EnumSet.noneOf(Fault.class);
        this.faults.addAll(faults);
        BootImage.boot(this);
        for (KextBundle b : bundlesOnDisk) {
            kexts.addBundleOnDisk(b);
        }
    }

    // ------------------------------------------------------------------ accessors

    boolean fault(Fault f) {
        return faults.contains(f);
    }

    public long seed() {
        return seed;
    }

    public VirtualClock clock() {
        return clock;
    }

    /**
     * The shell is between two command lines: the journal and the log may compact (see
     * {@link Journal} and {@link KernelLog#KEEP}). Nothing a check, lesson, {@code log show},
     * {@code undo} or a trace of the last command reads is lost.
     */
    public void beginCommand() {
        journal.beginCommand();
        log.beginCommand();
        userSpace.reap();
    }

    public Journal journal() {
        return journal;
    }

    public KernelLog log() {
        return log;
    }

    public IOCatalogue catalogue() {
        return catalogue;
    }

    public KextManager kexts() {
        return kexts;
    }

    public UserSpace userSpace() {
        return userSpace;
    }

    Termination termination() {
        return termination;
    }

    public IORegistryEntry root() {
        return root;
    }

    /** gIOServiceRoot: the platform expert device; the root entry above it is not an IOService. */
    public IOService serviceRoot() {
        return serviceRoot;
    }

    public IOService resources() {
        return resources;
    }

    public IOService usbController() {
        return usbController;
    }

    void setBootEntries(IORegistryEntry newRoot, IOService newServiceRoot, IOService newResources,
            IOService newUsbController) {
        this.root = newRoot;
        this.serviceRoot = newServiceRoot;
        this.resources = newResources;
        this.usbController = newUsbController;
    }

    /** IORegistryEntry::getPlane(name) != NULL: the planes made at boot. */
    public static boolean isRegistryPlane(String name) {
        return BootImage.PLANES.contains(name);
    }

    public long registryGeneration() {
        return registryGeneration;
    }

    void registryChanged() {
        registryGeneration++;
    }

    long nextRegistryID() {
        return nextRegistryID++;
    }

    void skipRegistryIDs(int n) {
        nextRegistryID += n;
    }

    // ------------------------------------------------------------------ classes

    public OSMetaClass metaClassNamed(String name) {
        return metaClasses.get(name);
    }

    public List<OSMetaClass> allMetaClasses() {
        List<OSMetaClass> out = new ArrayList<>(metaClasses.values());
        out.sort((a, b) -> a.getClassName().compareTo(b.getClassName()));
        return out;
    }

    OSMetaClass defineClass(ClassSpec spec, OSKext kext) {
        OSMetaClass sup = spec.superName() == null ? null : metaClasses.get(spec.superName());
        OSMetaClass mc = new OSMetaClass(this, spec.name(), sup, kext, spec.factory());
        metaClasses.put(spec.name(), mc);
        return mc;
    }

    void undefineClass(OSMetaClass mc) {
        metaClasses.remove(mc.getClassName(), mc);
    }

    // ------------------------------------------------------------------ objects

    void objectConstructed(OSObject obj) {
        liveObjects.add(obj);
    }

    void objectFreed(OSObject obj) {
        liveObjects.remove(obj);
        Calls.free(obj);
        if (fault(Fault.CALL_AFTER_FREE) && obj instanceof IOService s) {
            Calls.message(s, IOOptions.kIOMessageServiceIsTerminated, s, null);
        }
        if (obj instanceof IOService s) {
            catalogue.unregister(s);
        }
    }

    /**
     * Violations kept word for word. xnu reports a bad busy count and carries on
     * (IOService::_adjustBusy, OSReportWithBacktrace), so 100,000 clients of one driver can report
     * it hundreds of thousands of times; beyond this many only the number is kept.
     */
    static final int VIOLATIONS_KEPT = 100;
    private long violationsNotKept;

    /** A broken invariant of the model itself (bad release, bad busy count); tests read these. */
    void violation(String what) {
        if (violations.size() < VIOLATIONS_KEPT) {
            violations.add(what);
        } else {
            violationsNotKept++;
        }
    }

    /** Every object constructed and not yet freed (the invariant checks walk it). */
    public java.util.Set<OSObject> liveObjects() {
        return java.util.Collections.unmodifiableSet(liveObjects);
    }

    /** The violations reported, the first {@link #VIOLATIONS_KEPT} word for word, then how many more. */
    public List<String> violations() {
        if (violationsNotKept == 0) {
            return Collections.unmodifiableList(violations);
        }
        List<String> out = new ArrayList<>(violations);
        out.add("... and " + violationsNotKept + " more violations");
        return Collections.unmodifiableList(out);
    }

    /** Every IOService in the service plane, depth first, children in attach order. */
    public List<IOService> allServices() {
        List<IOService> out = new ArrayList<>();
        ArrayDeque<IORegistryEntry> stack = new ArrayDeque<>();
        stack.push(root);
        while (!stack.isEmpty()) {
            IORegistryEntry e = stack.pop();
            if (e instanceof IOService s) {
                out.add(s);
            }
            List<IORegistryEntry> kids = new ArrayList<>(e.children);
            for (int i = kids.size() - 1; i >= 0; i--) {
                stack.push(kids.get(i));
            }
        }
        return out;
    }

    // ------------------------------------------------------------------ time

    /** Runs queued asynchronous work, as the terminate thread would once the caller returns. */
    public void settle() {
        if (settling) {
            return;
        }
        settling = true;
        try {
            termination.runTerminateThread();
        } finally {
            settling = false;
        }
    }

    /** Lets {@code ns} of virtual time pass, firing each timer at its deadline. */
    public void advance(long ns) {
        long until = clock.now() + ns;
        VirtualClock.Timer t;
        while ((t = clock.nextDue(until)) != null) {
            clock.fire(t);
            settle();
        }
        clock.advanceTo(until);
        settle();
    }

    /** True when the service plane is quiet: no busy service (what IOKitWaitQuiet waits for). */
    public boolean isQuiet() {
        return serviceRoot.getBusyState() == 0;
    }

    /** Pending terminate work or stop entries (a deferral in progress). */
    public boolean terminationPending() {
        return termination.hasWork() || termination.pendingStops() > 0;
    }

    // ------------------------------------------------------------------ driver-facing helpers

    /** IOService::terminate with options, from outside the kernel (tests, families): journaled. */
    public boolean terminate(IOService service, int options) {
        boolean ok = Calls.terminate(service, options);
        settle();
        return ok;
    }

    /** Runs a timer callback after {@code delayNs}: a driver's I/O completing, a family's work. */
    public VirtualClock.Timer after(long delayNs, String label, Runnable action) {
        return clock.schedule(delayNs, label, action);
    }
}
