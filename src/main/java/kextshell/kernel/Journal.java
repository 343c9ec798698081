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

    void call(EventName method, IORegistryEntry obj, int options, IORegistryEntry other, String detail) {
        add(EventName.Category.CALL, method, obj, options, other, detail);
    }

    void state(EventName change, IORegistryEntry obj, IORegistryEntry other, String detail) {
        add(EventName.Category.STATE, change, obj, -1, other, detail);
    }

    void kext(EventName change, String bundleId, String detail) {
        check(EventName.Category.KEXT, change);
        events.add(new JournalEvent(events.size(), clock.now(), "kext", change.text(), 0, bundleId, phase, -1, 0,
                detail));
    }

    private static void check(EventName.Category expected, EventName name) {
        if (name.category() != expected) {
            throw new IllegalArgumentException(name + " is a " + name.category().word() + " event, not " + expected.word());
        }
    }

    private void add(EventName.Category kind, EventName what, IORegistryEntry obj, int options, IORegistryEntry other,
            String detail) {
        check(kind, what);
        events.add(new JournalEvent(events.size(), clock.now(), kind.word(), what.text(), obj.getRegistryEntryID(),
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
