package kextshell.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The model's invariants (robustness issue, I1–I7), checked against a kernel's current state.
 * I1 and I2 are checked where they could break (Calls) and reported through violations(), as are
 * the kernel's own guards: a retain or release of a freed object (a retain count below one, I5)
 * and a busy count pushed below zero or past its maximum (I7). The others are structural and
 * checked here. Every line starts with its invariant's name; empty means all hold.
 */
public final class Invariants {
    private Invariants() {
    }

    public static List<String> check(Kernel k) {
        List<String> out = new ArrayList<>(k.violations());
        codeLoadedForEveryInstance(k, out);
        instanceCounts(k, out);
        retainCounts(k, out);
        accountedFor(k, out);
        busyCounts(k, out);
        return out;
    }

    /** I3: a kext's code is never unloaded while an instance of one of its classes exists. */
    static void codeLoadedForEveryInstance(Kernel k, List<String> out) {
        for (OSObject o : k.liveObjects()) {
            OSKext kext = o.getMetaClass().getKext();
            if (kext != null && !kext.isLoaded()) {
                out.add("I3 live " + o.getMetaClass().getClassName() + " but " + kext.getIdentifier()
                        + " is unloaded");
            }
        }
    }

    /**
     * I4: each class's count is its live objects plus one per direct subclass that has instances,
     * which is what OSMetaClass::instanceConstructed's 0→1 propagation yields.
     */
    static void instanceCounts(Kernel k, List<String> out) {
        Map<OSMetaClass, Integer> own = new HashMap<>();
        for (OSObject o : k.liveObjects()) {
            own.merge(o.getMetaClass(), 1, Integer::sum);
        }
        Set<OSMetaClass> classes = new HashSet<>(own.keySet());
        classes.addAll(k.allMetaClasses());
        Map<OSMetaClass, Integer> subclassesWithInstances = new HashMap<>();
        for (OSMetaClass mc : classes) {
            if (mc.getInstanceCount() > 0 && mc.getSuperClass() != null) {
                subclassesWithInstances.merge(mc.getSuperClass(), 1, Integer::sum);
            }
        }
        for (OSMetaClass mc : classes) {
            int expected = own.getOrDefault(mc, 0) + subclassesWithInstances.getOrDefault(mc, 0);
            if (mc.getInstanceCount() != expected) {
                out.add("I4 " + mc.getClassName() + " counts " + mc.getInstanceCount() + ", expected " + expected);
            }
        }
    }

    /** I5: no live object has a retain count below one. */
    static void retainCounts(Kernel k, List<String> out) {
        for (OSObject o : k.liveObjects()) {
            if (o.getRetainCount() < 1) {
                out.add("I5 " + o.getMetaClass().getClassName() + " retain " + o.getRetainCount());
            }
        }
    }

    /**
     * I6: every live registry entry is reachable from Root, or inactive, or was detached by the
     * termination machinery (an orphan) or hangs below one; none is silently dropped.
     */
    static void accountedFor(Kernel k, List<String> out) {
        Set<OSObject> reachable = new HashSet<>(k.allServices());
        reachable.add(k.root());
        for (OSObject o : k.liveObjects()) {
            if (!(o instanceof IORegistryEntry e) || reachable.contains(e) || e.getRegistryEntryID() == 0) {
                continue;
            }
            boolean inactive = e instanceof IOService s && s.isInactive();
            IORegistryEntry top = e;
            while (top.getParentEntry() != null) {
                top = top.getParentEntry();
            }
            // Detached by the machinery itself, or hanging below such an orphan (its clients).
            boolean orphan = top != k.root() && detachedByTermination(k, top);
            if (!inactive && !orphan) {
                out.add("I6 " + e + " is live, active and outside the registry");
            }
        }
    }

    private static boolean detachedByTermination(Kernel k, IORegistryEntry e) {
        return k.journal().wasDetached(e.getRegistryEntryID());
    }

    /** I7: busy counts are never negative; the plane is quiet unless a deferral explains it. */
    static void busyCounts(Kernel k, List<String> out) {
        for (IOService s : k.allServices()) {
            if (s.getBusyState() < 0) {
                out.add("I7 negative busy count on " + s);
            }
        }
        if (!k.isQuiet() && !deferralExplains(k)) {
            out.add("I7 registry busy (" + k.serviceRoot().getBusyState() + ") with no deferral in the journal");
        }
    }

    private static boolean deferralExplains(Kernel k) {
        for (JournalEvent ev : k.journal().events()) {
            switch (ev.what()) {
                case "stop-deferred", "sync-timeout", "phase2-deferred", "finalize-deferred":
                    return true;
                default:
                    break;
            }
        }
        // An open held on a terminated provider keeps it busy until the opener closes (§4).
        for (IOService s : k.allServices()) {
            if (s.isInactive() && s.isOpen(null)) {
                return true;
            }
        }
        return false;
    }
}
