package kextshell.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Record of every callback and state change; checks, tests and traces read it.
 *
 * <p><b>Bounded.</b> A long session (ten rounds of {@code launch --count 100000} and an unload
 * write about a million events each) must not hold every event for ever. The shell calls
 * {@link #beginCommand()} before each command line, and events are then dropped oldest first
 * once more than {@link #KEEP} are held, but never these:
 * <ul>
 * <li>the events of the last command that wrote any (what a trace of the last state-changing
 * command draws) and of the command running now;
 * <li>the most recent {@link #KEEP} events (a safe default for tests and checks that look back);
 * </ul>
 * and what readers need from older events is kept as small summaries instead: the number of each
 * (callback, class) pair for lessons' {@code check event} ({@link #count}), the objects detached
 * by termination that still exist (invariant I6) and each existing object's pending deferral
 * (invariant I7). Sequence numbers ({@link #size()}, {@link #since(int)}) stay absolute, so a
 * caller that remembered a position before a step still finds that step's events.
 */
public final class Journal {
    public static final String PHASE1 = "phase1";
    public static final String PHASE2 = "phase2";
    public static final String PHASE3 = "phase3";
    /** Events always kept; compaction runs when twice this many are held. */
    public static final int KEEP = 100_000;

    private final List<JournalEvent> events = new ArrayList<>();
    private final VirtualClock clock;
    private String phase = "";
    private int dropped;
    private int commandStart;
    private int lastChangeStart;
    private final Map<String, Map<String, long[]>> counts = new HashMap<>();
    private final Map<Long, Long> detachedFrom = new HashMap<>();
    private final Map<Long, String> deferrals = new HashMap<>();
    /**
     * The "opened" event of every user client not yet freed, kept through compaction: which
     * process opened a client is what a trace needs to draw it, long after the open was written.
     */
    private final Map<Long, JournalEvent> openers = new java.util.LinkedHashMap<>();
    private final Map<Long, Long> freedAt = new HashMap<>();

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
        append(new JournalEvent(size(), clock.now(), "kext", change.text(), 0, bundleId, phase, -1, 0, detail));
    }

    private static void check(EventName.Category expected, EventName name) {
        if (name.category() != expected) {
            throw new IllegalArgumentException(name + " is a " + name.category().word() + " event, not " + expected.word());
        }
    }

    private void add(EventName.Category kind, EventName what, IORegistryEntry obj, int options, IORegistryEntry other,
            String detail) {
        check(kind, what);
        append(new JournalEvent(size(), clock.now(), kind.word(), what.text(), obj.getRegistryEntryID(),
                obj.getMetaClass().getClassName(), phase, options, other == null ? 0 : other.getRegistryEntryID(),
                detail == null ? "" : detail));
    }

    private void append(JournalEvent e) {
        events.add(e);
        if (!e.what().equals("task-exit")) { // its "class" is a pid: one key per process would grow for ever
            counts.computeIfAbsent(e.what(), w -> new HashMap<>()).computeIfAbsent(e.className(), c -> new long[1])[0]++;
        }
        if (e.what().equals("opened")) {
            openers.put(e.objectId(), e);
        } else if (e.what().equals("free") && openers.containsKey(e.objectId())) {
            freedAt.put(e.objectId(), e.seq()); // forgotten once the free itself is compacted away
        }
        if (!e.kind().equals("call")) {
            if (isDeferral(e.what())) {
                deferrals.put(e.objectId(), e.what());
            }
            return;
        }
        switch (e.what()) {
            case "detach" -> detachedFrom.put(e.objectId(), e.otherId());
            case "free" -> {
                detachedFrom.remove(e.objectId());
                deferrals.remove(e.objectId());
            }
            default -> {
            }
        }
    }

    /** The journal's names for "this object's termination is waiting" (§4, §6 of the fact sheet). */
    static boolean isDeferral(String what) {
        return switch (what) {
            case "stop-deferred", "sync-timeout", "phase2-deferred", "finalize-deferred" -> true;
            default -> false;
        };
    }

    /** Sets the phase the following events belong to; returns the previous one to restore. */
    String enterPhase(String newPhase) {
        String old = phase;
        phase = newPhase;
        return old;
    }

    /**
     * A command line starts: the previous one, if it wrote events, becomes "the last state-changing
     * command", and old events beyond the limits above are dropped.
     */
    public void beginCommand() {
        if (size() > commandStart) {
            lastChangeStart = commandStart;
        }
        commandStart = size();
        if (events.size() > 2 * KEEP) {
            int keepFrom = Math.min(lastChangeStart, size() - KEEP);
            if (keepFrom > dropped) {
                events.subList(0, keepFrom - dropped).clear();
                dropped = keepFrom;
                freedAt.entrySet().removeIf(f -> f.getValue() < keepFrom && openers.remove(f.getKey()) != null);
            }
        }
    }

    /** The events still held, oldest first (everything, unless compaction dropped old ones). */
    public List<JournalEvent> events() {
        return Collections.unmodifiableList(events);
    }

    /** Events ever written, including dropped ones: the sequence number the next event will get. */
    public int size() {
        return dropped + events.size();
    }

    /** Sequence number of the oldest event still held. */
    public int first() {
        return dropped;
    }

    /** Events from sequence number {@code from} on (from the oldest held, if that is later). */
    public List<JournalEvent> since(int from) {
        int index = Math.max(0, Math.min(from, size()) - dropped);
        return Collections.unmodifiableList(events.subList(index, events.size()));
    }

    /**
     * What a trace needs from before sequence number {@code from}: the opens of the user clients that
     * still exist (compaction may have dropped them long ago), then the events still held.
     */
    public List<JournalEvent> before(int from) {
        List<JournalEvent> context = new ArrayList<>(openers.values());
        context.addAll(between(first(), from));
        return context;
    }

    /** The "opened" events of the user clients that still exist, in the order they were opened. */
    public java.util.Collection<JournalEvent> openers() {
        return Collections.unmodifiableCollection(openers.values());
    }

    /**
     * Events with sequence numbers in [from, to), as far as they are still held (compaction keeps
     * the last state-changing command whole; an older range may have lost its start).
     */
    public List<JournalEvent> between(int from, int to) {
        int start = Math.max(0, Math.min(from, size()) - dropped);
        int end = Math.max(start, Math.min(to, size()) - dropped);
        return Collections.unmodifiableList(events.subList(start, end));
    }

    /** Events of the last command that wrote any, or of the current one if it has written some. */
    public List<JournalEvent> lastChange() {
        return since(size() > commandStart ? commandStart : lastChangeStart);
    }

    /** How many {@code what} events on {@code className} were ever written (dropped ones included). */
    public long count(String what, String className) {
        long[] n = counts.getOrDefault(what, Map.of()).get(className);
        return n == null ? 0 : n[0];
    }

    /** True when a detach of object {@code id} was journaled and the object has not been freed. */
    public boolean wasDetached(long id) {
        return detachedFrom.containsKey(id);
    }

    /** The registry id of the provider object {@code id} was last detached from, or 0. */
    public long lastDetachedFrom(long id) {
        return detachedFrom.getOrDefault(id, 0L);
    }

    /** The last deferral journaled for object {@code id} while it exists, or null. */
    public String deferralOf(long id) {
        return deferrals.get(id);
    }
}
