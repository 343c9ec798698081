package kextshell.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/** Append-only record of every callback and state change; checks, tests and traces read it. */
public final class Journal {
    public static final String PHASE1 = "phase1";
    public static final String PHASE2 = "phase2";
    public static final String PHASE3 = "phase3";

    private final List<JournalEvent> events = new ArrayList<>();
    private final VirtualClock clock;
    private String phase = "";

    Journal(VirtualClock clock) {
        this.clock = clock;
    }

    void call(String method, IORegistryEntry obj, int options, IORegistryEntry other, String detail) {
        add("call", method, obj, options, other, detail);
    }

    void state(String change, IORegistryEntry obj, IORegistryEntry other, String detail) {
        add("state", change, obj, -1, other, detail);
    }

    void kext(String change, String bundleId, String detail) {
        events.add(new JournalEvent(events.size(), clock.now(), "kext", change, 0, bundleId, phase, -1, 0,
                detail));
    }

    private void add(String kind, String what, IORegistryEntry obj, int options, IORegistryEntry other,
            String detail) {
        events.add(new JournalEvent(events.size(), clock.now(), kind, what, obj.getRegistryEntryID(),
                obj.getMetaClass().getClassName(), phase, options, other == null ? 0 : other.getRegistryEntryID(),
                detail == null ? "" : detail));
    }

    /** Sets the phase the following events belong to; returns the previous one to restore. */
    String enterPhase(String newPhase) {
        String old = phase;
        phase = newPhase;
        return old;
    }

    public List<JournalEvent> events() {
        return Collections.unmodifiableList(events);
    }

    public int size() {
        return events.size();
    }

    public List<JournalEvent> since(int from) {
        return Collections.unmodifiableList(events.subList(Math.min(from, events.size()), events.size()));
    }
}
