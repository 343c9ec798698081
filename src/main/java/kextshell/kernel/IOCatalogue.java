package kextshell.kernel;

import static kextshell.kernel.IOOptions.*;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * IOCatalogue: the driver personalities, matching them against providers (probe score, probe,
 * start), and terminating a module's services for kextunload (IOCatalogue.cpp, xnu-6153.141.1).
 */
public final class IOCatalogue {
    /** Virtual time a probe+start takes: what makes a new driver's busy time "(1 ms)". */
    static final long START_COST_NS = 1_180_000L;

    /** One personality: the IOKitPersonalities entry plus the CFBundleIdentifier the kext adds. */
    public record Personality(String name, String bundleId, Map<String, Object> properties) {
        String providerClass() {
            Object p = properties.get("IOProviderClass");
            return p instanceof String s ? s : "";
        }

        String ioClass() {
            Object p = properties.get("IOClass");
            return p instanceof String s ? s : "";
        }

        String category() {
            Object p = properties.get("IOMatchCategory");
            return p instanceof String s ? s : "IODefaultMatchCategory";
        }

        long score() {
            Object p = properties.get("IOProbeScore");
            return p instanceof Number n ? n.longValue() : 0;
        }
    }

    private final Kernel kernel;
    private final List<Personality> personalities = new ArrayList<>();
    private final Set<IOService> registered = new LinkedHashSet<>();
    /** OSMetaClass::addInstance's per-class OSSets, merged: each member holds a reference. */
    private final Set<IOService> instanceSets = new LinkedHashSet<>();

    IOCatalogue(Kernel kernel) {
        this.kernel = kernel;
    }

    public List<Personality> personalities() {
        return List.copyOf(personalities);
    }

    /** Registered services in registration order: what IOServiceGetMatchingService searches. */
    public List<IOService> registeredServices() {
        return List.copyOf(registered);
    }

    void registeredServicesForBoot(IOService s) {
        registered.add(s);
    }

    void unregister(IOService s) {
        registered.remove(s);
    }

    /**
     * OSMetaClass::removeInstance, from IOService::detach of an inactive service (§1.7): the
     * class's instance set lets go of it.
     */
    void removeInstance(IOService s) {
        if (instanceSets.remove(s)) {
            s.release();
        }
    }

    // ------------------------------------------------------------------ personalities

    /** OSKext::copyPersonalitiesArray + IOCatalogue::addDrivers: new personalities start matching. */
    @SuppressWarnings("unchecked")
    void addDrivers(OSKext kext, Map<String, Object> plistPersonalities) {
        List<Personality> added = new ArrayList<>();
        for (Map.Entry<String, Object> e : plistPersonalities.entrySet()) {
            if (!(e.getValue() instanceof Map<?, ?> m)) {
                continue;
            }
            Map<String, Object> props = new LinkedHashMap<>();
            for (Map.Entry<String, Object> p : ((Map<String, Object>) m).entrySet()) {
                props.put(p.getKey(), p.getValue());
                if (p.getKey().equals("IOClass")) {
                    props.put("CFBundleIdentifier", kext.getIdentifier());
                }
            }
            props.putIfAbsent("CFBundleIdentifier", kext.getIdentifier());
            // OSKext::uniquePersonalityProperties (6153.11.26+, R31): the kernel's own copy of
            // the bundle id, which ioreg -l shows on every 10.15 driver instance.
            props.putIfAbsent("CFBundleIdentifierKernel", props.get("CFBundleIdentifier"));
            Personality pers = new Personality(e.getKey(), kext.getIdentifier(), props);
            if (!containsEqual(pers)) {
                personalities.add(pers);
                added.add(pers);
            }
        }
        if (added.isEmpty()) {
            return;
        }
        catalogNewDrivers(added);
    }

    /**
     * IOService::catalogNewDrivers (R26): every registered provider that one of the new
     * personalities matches is rematched (startMatching → doServiceMatch), and findDrivers then
     * offers it every personality for its class, not only the new ones. So a driver that was
     * autounloaded, terminated by kextunload -c or terminated itself comes back on the next
     * kext load with a personality for the same provider (IOResources for the samples).
     */
    private void catalogNewDrivers(List<Personality> added) {
        for (IOService provider : List.copyOf(registered)) {
            if (provider.isInactive()) {
                continue;
            }
            for (Personality p : added) {
                if (provider.getMetaClass().conformsTo(p.providerClass()) && propertiesMatch(provider, p)) {
                    kernel.journal().state(EventName.REMATCH, provider, null, p.bundleId());
                    matchProvider(provider, List.copyOf(personalities));
                    break;
                }
            }
        }
    }

    private boolean containsEqual(Personality p) {
        for (Personality q : personalities) {
            if (q.bundleId().equals(p.bundleId()) && q.properties().equals(p.properties())) {
                return true;
            }
        }
        return false;
    }

    /** IOCatalogue::_removeDrivers / removePersonalitiesFromCatalog. */
    void removeDrivers(String bundleId) {
        personalities.removeIf(p -> p.bundleId().equals(bundleId));
    }

    // ------------------------------------------------------------------ matching

    /** IOService::registerService → doServiceMatch: registered, busy while matching, then matched. */
    void registerService(IOService service) {
        if (service.isInactive()) {
            return;
        }
        // doServiceMatch also sets the first-publish and first-match bits (ioreg -a's IOServiceState).
        service.state0 |= kIOServiceRegisteredState | kIOServiceFirstPublishState;
        registered.add(service);
        // getMetaClass()->addInstance(this), in the same statements as the registered bit: the
        // class's instance OSSet retains the service until an inactive detach removes it. This is
        // what keeps a driver that refused its provider's termination alive once detached.
        if (instanceSets.add(service)) {
            service.retain();
        }
        service.adjustBusy(1);
        matchProvider(service, List.copyOf(personalities));
        service.state0 |= kIOServiceMatchedState | kIOServiceFirstMatchState;
        service.adjustBusy(-1);
    }

    /** IOService::probeCandidates for one provider: highest score first, one driver per category. */
    private void matchProvider(IOService provider, List<Personality> candidates) {
        List<Personality> matching = new ArrayList<>();
        for (Personality p : candidates) {
            if (provider.getMetaClass().conformsTo(p.providerClass()) && propertiesMatch(provider, p)) {
                matching.add(p);
            }
        }
        matching.sort((a, b) -> Long.compare(b.score(), a.score()));
        for (Personality p : matching) {
            if (provider.isInactive() || categoryTaken(provider, p.category())) {
                continue;
            }
            startCandidate(provider, p);
        }
    }

    /** IOResourceMatch names a published resource; other keys must equal the provider's property. */
    private static boolean propertiesMatch(IOService provider, Personality p) {
        for (Map.Entry<String, Object> e : p.properties().entrySet()) {
            String key = e.getKey();
            if (key.equals("IOResourceMatch")) {
                if (provider.getProperty(String.valueOf(e.getValue())) == null) {
                    return false;
                }
            } else if (key.equals("idVendor") || key.equals("idProduct") || key.equals("bInterfaceNumber")) {
                if (!e.getValue().equals(provider.getProperty(key))) {
                    return false;
                }
            }
        }
        return true;
    }

    private static boolean categoryTaken(IOService provider, String category) {
        for (IOService c : provider.getClients()) {
            if (category.equals(c.getProperty("IOMatchCategory")) && !c.isInactive()) {
                return true;
            }
        }
        return false;
    }

    private void startCandidate(IOService provider, Personality p) {
        OSMetaClass mc = kernel.metaClassNamed(p.ioClass());
        if (mc == null) {
            // The class's kext is not loaded: kextd loads it on demand (OSKext::loadKextWithIdentifier).
            KextBundle b = kernel.kexts().bundleOnDisk(p.bundleId());
            if (b == null || kernel.kexts().load(b, false) != 0) {
                return;
            }
            mc = kernel.metaClassNamed(p.ioClass());
            if (mc == null) {
                return;
            }
        }
        OSObject obj = mc.alloc();
        if (!(obj instanceof IOService inst)) {
            if (obj != null) {
                obj.release();
            }
            return;
        }
        Map<String, Object> copy = new LinkedHashMap<>(p.properties());
        copy.putIfAbsent("IOMatchCategory", p.category());
        copy.putIfAbsent("IOProbeScore", p.score());
        Map<String, Object> props = instanceOrder(copy);
        if (!inst.init(props)) {
            inst.release();
            return;
        }
        if (!inst.attach(provider)) {
            inst.release();
            return;
        }
        int[] score = {(int) p.score()};
        kernel.journal().call(EventName.PROBE, inst, -1, provider, "");
        if (inst.probe(provider, score) == null) {
            Calls.detach(inst, provider);
            inst.release();
            return;
        }
        kernel.journal().call(EventName.START, inst, -1, provider, "");
        // The new driver is busy while it starts; start() takes virtual time, so its busy time
        // (ioreg's "busy 0 (N ms)") is non-zero, as it always is on a real kernel.
        inst.adjustBusy(1);
        kernel.clock().spend(START_COST_NS);
        boolean ok = inst.start(provider);
        inst.adjustBusy(-1);
        if (!ok) {
            kernel.journal().state(EventName.START_FAILED, inst, provider, "");
            Calls.detach(inst, provider);
        }
        inst.release();
    }

    /** Keys in the order a 10.15 ioreg shows a driver instance's table (tools-fidelity §6.6). */
    private static final List<String> INSTANCE_KEY_ORDER = List.of("IOClass", "CFBundleIdentifier",
            "CFBundleIdentifierKernel", "IOProviderClass", "IOMatchCategory", "IOResourceMatch",
            "IOUserClientClass", "IOProbeScore");

    /**
     * The instance's table is an OSDictionary copy of the personality (probeCandidates) and ioreg
     * shows it in its dictionary's iteration order, not sorted as an Info.plist is written. The
     * model fixes that order: the well-known keys as in §6.6, then the rest as the plist has them.
     */
    private static Map<String, Object> instanceOrder(Map<String, Object> personality) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (String key : INSTANCE_KEY_ORDER) {
            if (personality.containsKey(key)) {
                out.put(key, personality.get(key));
            }
        }
        for (Map.Entry<String, Object> e : personality.entrySet()) {
            out.putIfAbsent(e.getKey(), e.getValue());
        }
        return out;
    }

    // ------------------------------------------------------------------ termination for kextunload

    /**
     * IOCatalogue::terminateDriversForModule (R20): a retained kext is refused before anything is
     * terminated; otherwise terminate its services and, on success, drop its personalities.
     */
    int terminateDriversForModule(String bundleId, boolean unload) {
        OSKext k = kernel.kexts().lookup(bundleId);
        boolean isLoaded = k != null && k.isLoaded();
        if (isLoaded && !kernel.kexts().canUnload(k)) {
            return IOReturn.kOSKextReturnInUse;
        }
        int ret = terminateDrivers(bundleId, null);
        if (ret == IOReturn.kIOReturnSuccess) {
            removeDrivers(bundleId);
        }
        if (unload && isLoaded && ret == IOReturn.kIOReturnSuccess) {
            kernel.kexts().removeKext(k, false);
        }
        return ret;
    }

    /** kextunload -p: kIOCatalogModuleTerminate. */
    public int moduleTerminateRequest(String bundleId) {
        int r = terminateDriversForModule(bundleId, false);
        kernel.settle();
        return r;
    }

    /** kextunload -c: kIOCatalogServiceTerminate, every instance of the class and its subclasses. */
    public int serviceTerminateRequest(String className) {
        int r = terminateDrivers(null, className);
        kernel.settle();
        return r;
    }

    /**
     * IOCatalogue::terminateDrivers (6153.101.6 and later, R22): walk the service plane; before
     * each terminate, the service's kext must allow a user terminate (OSBundleAllowUserTerminate,
     * else no com.apple. or kernel ids); the first terminate() returning false stops the walk.
     * When the registry changes during the walk, it starts again.
     */
    private int terminateDrivers(String bundleId, String className) {
        int ret = IOReturn.kIOReturnSuccess;
        boolean restart;
        do {
            restart = false;
            long generation = kernel.registryGeneration();
            for (IOService service : kernel.allServices()) {
                if (className != null && !service.getMetaClass().conformsTo(className)) {
                    continue;
                }
                if (bundleId != null && !bundleId.equals(service.getProperty("CFBundleIdentifier"))) {
                    continue;
                }
                if (!allowUserTerminate(service)) {
                    return IOReturn.kIOReturnUnsupported;
                }
                if (!Calls.terminate(service, kIOServiceRequired | kIOServiceSynchronous)) {
                    return IOReturn.kIOReturnUnsupported;
                }
                if (kernel.registryGeneration() != generation) {
                    restart = true;
                    break;
                }
            }
        } while (restart);
        return ret;
    }

    private boolean allowUserTerminate(IOService service) {
        OSKext kext = service.getMetaClass().getKext();
        String id = kext != null ? kext.getIdentifier() : Kernel.KERNEL_IDENTIFIER;
        Object prop = kext != null ? kext.getProperty("OSBundleAllowUserTerminate") : null;
        boolean ok;
        if (prop instanceof Boolean b) {
            ok = b;
        } else {
            ok = !id.equals(Kernel.KERNEL_IDENTIFIER) && !id.startsWith("com.apple.");
        }
        if (!ok) {
            kernel.log().ioLog("kernel", "disallowing kextunload terminate for bundleID " + id);
            kernel.journal().state(EventName.TERMINATE_DISALLOWED, service, null, id);
        }
        return ok;
    }
}
