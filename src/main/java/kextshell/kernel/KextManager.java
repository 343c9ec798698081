package kextshell.kernel;

import static kextshell.kernel.KernelLog.*;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * OSKext's class-wide state (sKextsByID, sLoadedKexts, the unload callout) and the kext
 * requests user space sends: load, unload, retain and release by load tag, autounload.
 */
public final class KextManager {
    /** sConsiderUnloadDelay. */
    static final long CONSIDER_UNLOAD_DELAY_SEC = 60;
    private static final long KEXT_BASE_ADDRESS = 0xffffff7f80a00000L;

    private final Kernel kernel;
    private final Map<String, OSKext> kextsByID = new LinkedHashMap<>();
    private final List<OSKext> loadedKexts = new ArrayList<>();
    private final Map<String, KextBundle> onDisk = new LinkedHashMap<>();
    private int nextLoadTag = 1;
    private long nextAddress = KEXT_BASE_ADDRESS;
    private VirtualClock.Timer unloadCallout;
    private boolean considerUnloadsCalled;
    /** sKextLock (R30): held by a kext request for its whole length, incl. a 15-s terminate wait. */
    private boolean kextLockHeld;
    /** An autounload scan that fell due while the lock was held runs when it is released. */
    private boolean scanWaitingForLock;

    KextManager(Kernel kernel) {
        this.kernel = kernel;
    }

    // ------------------------------------------------------------------ lookups

    public OSKext lookup(String bundleId) {
        return kextsByID.get(bundleId);
    }

    public OSKext lookupByLoadTag(int tag) {
        for (OSKext k : loadedKexts) {
            if (k.loadTag == tag) {
                return k;
            }
        }
        return null;
    }

    /** Loaded kexts in load-tag order, kernel components included (kextstat's list). */
    public List<OSKext> loaded() {
        List<OSKext> out = new ArrayList<>(loadedKexts);
        out.sort((a, b) -> Integer.compare(a.loadTag, b.loadTag));
        return out;
    }

    /** Bundles kextd can find on disk, by bundle id. */
    public Collection<KextBundle> bundlesOnDisk() {
        return onDisk.values();
    }

    public KextBundle bundleOnDisk(String bundleId) {
        return onDisk.get(bundleId);
    }

    public KextBundle bundleAtPath(String path) {
        for (KextBundle b : onDisk.values()) {
            if (b.path().equals(path)) {
                return b;
            }
        }
        return null;
    }

    /** kextd finding a new bundle on disk (one the learner built in the driver lab); replaces one with its id. */
    public void addBundleOnDisk(KextBundle bundle) {
        onDisk.put(bundle.bundleId(), bundle);
    }

    public boolean unloadCalloutPending() {
        return unloadCallout != null && unloadCallout.pending();
    }

    public long unloadCalloutDeadline() {
        return unloadCalloutPending() ? unloadCallout.deadline() : -1;
    }

    // ------------------------------------------------------------------ boot

    /** A kext already in the kernel at boot: a kpi pseudo-kext or an Apple driver. */
    OSKext bootKext(String bundleId, String version, boolean kernelComponent, int extraRefs, long size,
            List<String> deps) {
        OSKext k = new OSKext(bundleId, version, bundleId, null, Map.of(), kernelComponent, null);
        k.kernel = kernel;
        k.loadTag = nextLoadTag++;
        k.retainCount = OSKext.kOSKextMinLoadedRetainCount + extraRefs;
        k.loaded = true;
        k.started = true;
        assignImage(k, size);
        for (String d : deps) {
            OSKext dep = kextsByID.get(d);
            if (dep != null) {
                k.dependencies.add(dep);
                dep.retain();
            }
        }
        kextsByID.put(bundleId, k);
        loadedKexts.add(k);
        return k;
    }

    private void assignImage(OSKext k, long size) {
        k.loadAddress = nextAddress;
        k.loadSize = size;
        k.wiredSize = size;
        nextAddress += (size + 0xfff) & ~0xfffL;
        // The UUID is derived on first use (OSKext.uuid()): MD5 for 158 boot kexts costs start-up.
    }

    /** A name-based UUID of the seed, id and version: the same kext gets the same UUID. */
    static String uuidFor(long seed, String bundleId, String version) {
        byte[] seedBytes = (seed + ":" + bundleId + ":" + version).getBytes(StandardCharsets.UTF_8);
        return UUID.nameUUIDFromBytes(seedBytes).toString().toUpperCase(Locale.ROOT);
    }

    // ------------------------------------------------------------------ load

    /** A load request (kextd → OSKext::loadKextWithIdentifier); matching runs for the personalities. */
    public KextRequestResult loadRequest(KextBundle bundle, int logFilter) {
        kernel.log().beginCapture(logFilter);
        lockKexts();
        int r = load(bundle, true);
        List<String> lines = kernel.log().endCapture();
        unlockKexts();
        kernel.settle();
        return new KextRequestResult(r, lines);
    }

    int load(KextBundle bundle, boolean sendPersonalities) {
        OSKext k = kextsByID.get(bundle.bundleId());
        if (k == null || !k.loaded) {
            int r = loadExecutable(bundle);
            if (r != 0) {
                return r;
            }
            k = kextsByID.get(bundle.bundleId());
        }
        if (sendPersonalities) {
            kernel.catalogue().addDrivers(k, bundle.personalities());
        }
        return IOReturn.kIOReturnSuccess;
    }

    private int loadExecutable(KextBundle bundle) {
        List<OSKext> deps = new ArrayList<>();
        for (String lib : bundle.libraries().keySet()) {
            OSKext dep = kextsByID.get(lib);
            if (dep == null || !dep.loaded) {
                KextBundle depBundle = onDisk.get(lib);
                if (depBundle == null || load(depBundle, true) != 0) {
                    kernel.log().kextLog(ERROR | DEPENDENCIES, "Kext " + bundle.bundleId() + " - library kext " + lib
                            + " not found.");
                    return IOReturn.kOSKextReturnDependencies;
                }
                dep = kextsByID.get(lib);
            }
            deps.add(dep);
        }
        OSKext k = new OSKext(bundle.bundleId(), bundle.version(), bundle.executable(), bundle.path(),
                bundle.infoPlist(), false, bundle);
        kextsByID.put(k.getIdentifier(), k);
        k.retainCount = OSKext.kOSKextMinLoadedRetainCount;
        k.loadTag = nextLoadTag++;
        assignImage(k, 0x4000 + 0x1000L * bundle.classes().size());
        for (OSKext dep : deps) {
            k.dependencies.add(dep);
            dep.retain();
        }
        k.loaded = true;
        loadedKexts.add(k);
        for (ClassSpec spec : bundle.classes()) {
            OSMetaClass mc = kernel.defineClass(spec, k);
            k.metaClasses.add(mc);
            if (!k.autounloadEnabled && mc.conformsTo("IOService")) {
                k.autounloadEnabled = true;
                kernel.log().kextLog(k, PROGRESS | LOAD, "Kext " + k.getIdentifier() + " has IOService subclass "
                        + mc.getClassName() + "; enabling autounload.");
            }
        }
        k.kernel = kernel;
        if (bundle.module() != null) {
            k.module = bundle.module().get();
            k.module.start(k);
        }
        k.started = true;
        kernel.log().kextLog(k, PROGRESS | LOAD, "Kext " + k.getIdentifier() + " loaded.");
        kernel.journal().kext(EventName.LOADED, k.getIdentifier(), "load tag " + k.loadTag);
        return IOReturn.kIOReturnSuccess;
    }

    // ------------------------------------------------------------------ unload

    /**
     * OSKext::handleRequest for an "Unload" predicate (R20): root check, lookup, then removeKext with
     * the "Terminate IOServices" flag. The reply carries the lines captured at {@code logFilter}.
     */
    public KextRequestResult unloadRequest(String bundleId, boolean terminateServices, boolean privileged,
            int logFilter) {
        kernel.log().beginCapture(logFilter);
        lockKexts();
        // OSKext::setUserSpaceLogFilter sets up the capture arrays, then logs the change (Debug),
        // so the line is relayed at -v 5/6; the filter is reset to 0 after every request.
        if (logFilter != 0) {
            kernel.log().kextLog(DEBUG | GENERAL, "User-space log flags changed from 0x0 to 0x" + Integer.toHexString(logFilter)
                    + ".");
        }
        kernel.log().kextLog(DEBUG | IPC, "Received 'Unload' request from user space.");
        int r;
        if (!privileged) {
            kernel.log().kextLog(ERROR | IPC, "Access Failure - must be root user.");
            r = IOReturn.kOSKextReturnNotPrivileged;
        } else if (bundleId == null || bundleId.isEmpty()) {
            kernel.log().kextLog(ERROR | IPC, "Invalid arguments to kext unload request.");
            r = IOReturn.kOSKextReturnInvalidArgument;
        } else {
            OSKext k = kextsByID.get(bundleId);
            if (k == null) {
                kernel.log().kextLog(ERROR | IPC, "Kext " + bundleId + " not found for unload request.");
                r = IOReturn.kOSKextReturnNotFound;
            } else {
                r = removeKext(k, terminateServices);
            }
        }
        List<String> lines = kernel.log().endCapture();
        unlockKexts();
        kernel.settle();
        return new KextRequestResult(r, lines);
    }

    /** OSKext::removeKext (§5.2). */
    int removeKext(OSKext k, boolean terminateServicesAndRemovePersonalities) {
        if (kextsByID.get(k.getIdentifier()) != k) {
            return IOReturn.kOSKextReturnNotFound;
        }
        if (k.loaded) {
            if (terminateServicesAndRemovePersonalities) {
                int r = kernel.catalogue().terminateDriversForModule(k.getIdentifier(), false);
                if (r != IOReturn.kIOReturnSuccess) {
                    kernel.log().kextLog(k, ERROR | KEXT_BOOKKEEPING, "Can't remove kext " + k.getIdentifier()
                            + "; services failed to terminate - 0x" + Integer.toHexString(r) + ".");
                    kernel.journal().kext(EventName.REMOVE_FAILED, k.getIdentifier(), IOReturn.hex(r));
                    return r;
                }
            }
            int r = unload(k);
            if (r != IOReturn.kIOReturnSuccess) {
                kernel.journal().kext(EventName.UNLOAD_FAILED, k.getIdentifier(), IOReturn.hex(r));
                return r;
            }
        }
        if (terminateServicesAndRemovePersonalities) {
            // OSKext::removePersonalitiesFromCatalog: for a loaded kext terminateDriversForModule
            // already dropped them, but the Step line is logged all the same.
            kernel.log().kextLog(k, STEP | LOAD, "Kext " + k.getIdentifier()
                    + " removing all personalities naming it from the IOCatalogue.");
            kernel.catalogue().removeDrivers(k.getIdentifier());
        }
        kernel.log().kextLog(k, PROGRESS | KEXT_BOOKKEEPING, "Removing kext " + k.getIdentifier() + ".");
        kextsByID.remove(k.getIdentifier());
        kernel.journal().kext(EventName.REMOVED, k.getIdentifier(), "");
        return IOReturn.kIOReturnSuccess;
    }

    /** OSKext::unload (§5.4, R21). */
    int unload(OSKext k) {
        if (k.retainCount > OSKext.kOSKextMinLoadedRetainCount) {
            kernel.log().kextLog(k, ERROR | KEXT_BOOKKEEPING, "Can't unload kext " + k.getIdentifier()
                    + "; outstanding references (linkage or tracking object).");
            return IOReturn.kOSKextReturnInUse;
        }
        if (!k.loaded) {
            return IOReturn.kIOReturnSuccess;
        }
        if (k.isKernelComponent()) {
            return IOReturn.kOSKextReturnInvalidArgument;
        }
        if (k.hasOSMetaClassInstances() && !kernel.fault(Fault.UNLOAD_WITH_INSTANCES)) {
            kernel.log().kextLog(k, ERROR | LOAD | KEXT_BOOKKEEPING, "Can't unload kext " + k.getIdentifier() + "; classes have instances:");
            for (OSMetaClass mc : k.metaClasses) {
                int n = mc.getInstanceCount();
                if (n != 0) {
                    kernel.log().kextLog(k, ERROR | LOAD | KEXT_BOOKKEEPING, "    Kext " + k.getIdentifier() + " class " + mc.getClassName()
                            + " has " + n + " instance" + (n == 1 ? "" : "s") + ".");
                }
            }
            return IOReturn.kOSKextReturnInUse;
        }
        if (k.started) {
            int r = stop(k);
            if (r != IOReturn.kIOReturnSuccess) {
                kernel.log().kextLog(k, ERROR | LOAD, "Kext " + k.getIdentifier() + " can't unload - module stop returned 0x"
                        + Integer.toHexString(r) + ".");
                kernel.journal().kext(EventName.STOP_FAILED, k.getIdentifier(), IOReturn.hex(r));
                return IOReturn.kOSKextReturnStartStopError;
            }
        }
        kernel.log().kextLog(k, PROGRESS | LOAD, "Kext " + k.getIdentifier() + " unloading.");
        for (OSMetaClass mc : k.metaClasses) {
            kernel.undefineClass(mc);
        }
        k.metaClasses.clear();
        loadedKexts.remove(k);
        for (OSKext dep : k.dependencies) {
            dep.release();
        }
        k.dependencies.clear();
        kernel.log().kextLog(k, PROGRESS | LOAD, "Kext " + k.getIdentifier() + " unwiring and unmapping linked executable.");
        k.loaded = false;
        k.retainCount = 1;
        kernel.log().kextLog(k, PROGRESS | LOAD, "Kext " + k.getIdentifier() + " unloaded.");
        kernel.journal().kext(EventName.UNLOADED, k.getIdentifier(), "");
        return IOReturn.kIOReturnSuccess;
    }

    /**
     * OSKext::stop: the module stop routine; a non-zero kern_return_t is logged with its own value
     * and becomes kOSKextReturnStartStopError, and the kext stays started.
     */
    private int stop(OSKext k) {
        kernel.log().kextLog(k, DETAIL | LOAD, "Kext " + k.getIdentifier() + " calling module stop function.");
        int kr = k.module == null ? KextModule.KERN_SUCCESS : k.module.stop(k);
        if (kr != KextModule.KERN_SUCCESS) {
            kernel.log().kextLog(k, ERROR | LOAD, "Kext " + k.getIdentifier() + " did not stop (return code 0x"
                    + Integer.toHexString(kr) + ").");
            return IOReturn.kOSKextReturnStartStopError;
        }
        k.started = false;
        kernel.log().kextLog(k, DETAIL | LOAD, "Kext " + k.getIdentifier() + " is now stopped and ready to unload.");
        return IOReturn.kIOReturnSuccess;
    }

    /** OSKext::canUnloadKextWithIdentifier(checkClasses=false): the retain count alone. */
    boolean canUnload(OSKext k) {
        return k.retainCount <= OSKext.kOSKextMinLoadedRetainCount;
    }

    // ------------------------------------------------------------------ autounload (R24)

    /** OSKext::considerUnloads: (re)arm the scan 60 s out. */
    void considerUnloads(boolean rescheduleOnly) {
        boolean pending = unloadCalloutPending();
        if (rescheduleOnly && !pending) {
            return;
        }
        if (pending) {
            unloadCallout.cancel();
        }
        kernel.log().kextLog(PROGRESS | LOAD, (pending ? "Res" : "S") + "cheduling " + (considerUnloadsCalled ? "" : "initial ")
                + "scan for unused kexts in " + CONSIDER_UNLOAD_DELAY_SEC + " seconds.");
        unloadCallout = kernel.clock().schedule(CONSIDER_UNLOAD_DELAY_SEC * VirtualClock.NS_PER_SEC,
                "autounload scan", this::considerUnloadsNow);
        considerUnloadsCalled = true;
    }

    /** The kext lock is held by a request in flight (kextstat and kextload would wait on it). */
    public boolean kextLockHeld() {
        return kextLockHeld;
    }

    private void lockKexts() {
        kextLockHeld = true;
    }

    /**
     * OSKext::handleRequest releases sKextLock after clearUserSpaceLogFilter, so a scan that was
     * waiting for it runs now, outside the request and its capture (R30).
     */
    private void unlockKexts() {
        kextLockHeld = false;
        if (scanWaitingForLock) {
            scanWaitingForLock = false;
            considerUnloadsNow();
        }
    }

    /**
     * _OSKextConsiderUnloads: takes sKextLock first (R30), then passes backwards over the loaded
     * kexts until none unloads.
     */
    private void considerUnloadsNow() {
        if (kextLockHeld) {
            scanWaitingForLock = true;
            kernel.journal().kext(EventName.AUTOUNLOAD_WAITS, "", "kext lock held by a request");
            return;
        }
        kernel.log().kextLog(PROGRESS | LOAD, "Checking for unused kexts to autounload.");
        kernel.journal().kext(EventName.AUTOUNLOAD_SCAN, "", "");
        boolean didUnload;
        do {
            didUnload = false;
            for (int i = loadedKexts.size() - 1; i >= 0; i--) {
                if (i >= loadedKexts.size()) {
                    continue;
                }
                didUnload |= autounloadKext(loadedKexts.get(i)) == IOReturn.kIOReturnSuccess;
            }
        } while (didUnload);
        kernel.settle();
    }

    /** OSKext::autounloadKext: removeKext without terminating anything; personalities stay. */
    private int autounloadKext(OSKext k) {
        if (k.retainCount > OSKext.kOSKextMinLoadedRetainCount || !k.autounloadEnabled || k.isKernelComponent()) {
            return IOReturn.kOSKextReturnInUse;
        }
        if (k.delayAutounload) {
            kernel.log().kextLog(k, PROGRESS | LOAD | KEXT_BOOKKEEPING, "Kext " + k.getIdentifier()
                    + " has delayed autounload set; skipping and clearing flag.");
            k.delayAutounload = false;
            return IOReturn.kOSKextReturnInUse;
        }
        if (k.hasOSMetaClassInstances()) {
            return IOReturn.kOSKextReturnInUse;
        }
        kernel.journal().kext(EventName.AUTOUNLOAD, k.getIdentifier(), "");
        return removeKext(k, false);
    }

    // ------------------------------------------------------------------ retain by load tag (R25)

    /** OSKextRetainKextWithLoadTag (OSKextLib.cpp). */
    public int retainKextWithLoadTag(int tag) {
        OSKext k = lookupByLoadTag(tag);
        if (k == null) {
            kernel.log().kextLog(ERROR | KEXT_BOOKKEEPING, "Can't retain kext with load tag " + tag + " - no such kext is loaded.");
            return IOReturn.kOSKextReturnNotFound;
        }
        k.retain();
        kernel.log().kextLog(k, DEBUG | KEXT_BOOKKEEPING, "Kext " + k.getIdentifier() + " (load tag " + tag + ") has been retained.");
        k.autounloadEnabled = true;
        kernel.journal().kext(EventName.RETAINED, k.getIdentifier(), "retain count " + k.retainCount);
        return IOReturn.kIOReturnSuccess;
    }

    /** OSKextReleaseKextWithLoadTag: also schedules an autounload pass. */
    public int releaseKextWithLoadTag(int tag) {
        OSKext k = lookupByLoadTag(tag);
        if (k == null) {
            kernel.log().kextLog(ERROR | KEXT_BOOKKEEPING, "Can't release kext with load tag " + tag + " - no such kext is loaded.");
            return IOReturn.kOSKextReturnNotFound;
        }
        k.release();
        kernel.log().kextLog(k, DEBUG | KEXT_BOOKKEEPING, "Kext " + k.getIdentifier() + " (load tag " + tag + ") has been released.");
        kernel.journal().kext(EventName.RELEASED, k.getIdentifier(), "retain count " + k.retainCount);
        considerUnloads(false);
        return IOReturn.kIOReturnSuccess;
    }
}
