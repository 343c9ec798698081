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
     * I6: every live registry entry is reachable from Root, or inactive, or hangs in a subtree whose
     * top was detached by the termination machinery (an orphan, §8). The cause must be the
     * leftover's own: the top of its subtree has a journaled detach (and was not freed since), and
     * that detach was from a provider that was being terminated (inactive, or freed since), not an
     * arbitrary earlier detach from a provider that is still active.
     */
    static void accountedFor(Kernel k, List<String> out) {
        Map<Long, IORegistryEntry> byId = new HashMap<>();
        for (OSObject o : k.liveObjects()) {
            if (o instanceof IORegistryEntry e) {
                byId.put(e.getRegistryEntryID(), e);
            }
        }
        Set<OSObject> reachable = new HashSet<>(k.allServices());
        reachable.add(k.root());
        // Entries linked only in another plane (device-tree nodes, power connections) count too.
        for (String plane : BootImage.PLANES) {
            java.util.ArrayDeque<IORegistryEntry> todo = new java.util.ArrayDeque<>(k.root().getChildEntries(plane));
            while (!todo.isEmpty()) {
                IORegistryEntry e = todo.pop();
                if (reachable.add(e) || !plane.equals(IOService.gIOServicePlane)) {
                    todo.addAll(e.getChildEntries(plane));
                }
            }
        }
        for (OSObject o : k.liveObjects()) {
            if (!(o instanceof IORegistryEntry e) || reachable.contains(e) || e.getRegistryEntryID() == 0) {
                continue;
            }
            boolean inactive = e instanceof IOService s && s.isInactive();
            IORegistryEntry top = e;
            while (top.getParentEntry() != null) {
                top = top.getParentEntry();
            }
            if (!inactive && !orphanedByTermination(k, top, byId)) {
                out.add("I6 " + e + " is live, active and outside the registry");
            }
        }
    }

    /** The top of a detached subtree, detached from a provider that termination took away. */
    private static boolean orphanedByTermination(Kernel k, IORegistryEntry top, Map<Long, IORegistryEntry> byId) {
        if (top == k.root() || !k.journal().wasDetached(top.getRegistryEntryID())) {
            return false;
        }
        IORegistryEntry provider = byId.get(k.journal().lastDetachedFrom(top.getRegistryEntryID()));
        return provider == null || (provider instanceof IOService p && p.isInactive());
    }

    /**
     * I7: busy counts are never negative, and every busy service is explained by its own cause:
     * a busy client below it (busy counts propagate up on 0-to-1 transitions, _adjustBusy), a
     * deferral journaled for that very object and not yet freed (a deferred stop, a phase-2 or
     * finalize deferral, a synchronous terminate's timeout), or an open held on it after it was
     * terminated (§4). A deferral elsewhere in the journal explains nothing here.
     */
    static void busyCounts(Kernel k, List<String> out) {
        for (IOService s : k.allServices()) {
            if (s.getBusyState() < 0) {
                out.add("I7 negative busy count on " + s);
            } else if (s.getBusyState() > 0 && !busyExplained(k, s)) {
                out.add("I7 " + s + " busy (" + s.getBusyState() + ") with no deferral of its own");
            }
        }
    }

    private static boolean busyExplained(Kernel k, IOService s) {
        if (k.journal().deferralOf(s.getRegistryEntryID()) != null || (s.isInactive() && s.isOpen(null))) {
            return true;
        }
        for (IOService client : s.getClients()) {
            if (client.getBusyState() > 0) {
                return true;
            }
        }
        return false;
    }
}
