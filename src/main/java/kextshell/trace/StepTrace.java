package kextshell.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kextshell.kernel.JournalEvent;

/**
 * A journal slice one event at a time, each with what it changed on the object concerned: its
 * __state bits where the journal pins them down, its port, its open connection, the callbacks it
 * has received, a kext's retain count. Busy and object retain counts are not in the journal, so
 * the steps do not show them rather than guess.
 */
public final class StepTrace {
    private final List<JournalEvent> events;
    private final List<List<String>> changes = new ArrayList<>();

    private StepTrace(List<JournalEvent> events) {
        this.events = events;
    }

    public static StepTrace of(List<JournalEvent> context, List<JournalEvent> range) {
        StepTrace t = new StepTrace(List.copyOf(range));
        Shadow shadow = new Shadow();
        for (JournalEvent e : context) {
            shadow.apply(e);
        }
        for (JournalEvent e : range) {
            t.changes.add(shadow.apply(e));
        }
        return t;
    }

    public int size() {
        return events.size();
    }

    /** Step {@code i} (0-based): the event and, indented, what it changed. */
    public List<String> describe(int i) {
        JournalEvent e = events.get(i);
        List<String> lines = new ArrayList<>();
        lines.add("step " + (i + 1) + "/" + events.size() + "  #" + e.seq() + "  "
                + (e.phase().isEmpty() ? "" : e.phase() + "  ") + headline(e));
        for (String change : changes.get(i)) {
            lines.add("  " + change);
        }
        return lines;
    }

    private static String headline(JournalEvent e) {
        String who = e.objectId() == 0 ? e.className() : e.className() + " " + Cast.hexId(e.objectId());
        String what = e.kind().equals("call") ? e.what() + "(" + (e.options() >= 0 ? OptionNames.of(e.options()) : "")
                + ")" : e.what();
        return who + ": " + what + (e.detail().isEmpty() ? "" : " (" + e.detail() + ")");
    }

    /** What the journal tells about each object so far. */
    private static final class Shadow {
        private final Map<Long, String> port = new HashMap<>();

        List<String> apply(JournalEvent e) {
            List<String> out = new ArrayList<>();
            String what = e.what();
            switch (e.kind() + ":" + what) {
                case "state:inactive":
                    out.add("__state[0]: kIOServiceInactiveState set, isInactive() now true");
                    out.add(e.detail().equals("recursing")
                            ? "__state[1]: kIOServiceRecursingState|kIOServiceTermPhase1State set (compat path)"
                            : "__state[1]: kIOServiceTermPhase1State set; registered and matched bits cleared");
                    break;
                case "state:opened":
                    port.put(e.objectId(), "LIVE");
                    out.add("connection opened by " + e.detail() + "; port LIVE");
                    break;
                case "call:finalize":
                    out.add("finalize(): the object is finalized; its stop is scheduled");
                    break;
                case "call:stop":
                    out.add("stop(): the object stops using its provider");
                    break;
                case "call:detach":
                    out.add("detach(): unlinked from its provider in the registry");
                    break;
                case "call:free":
                    out.add("free(): last reference gone, object destroyed");
                    break;
                case "kext:retained":
                case "kext:released":
                    out.add("kext " + e.detail());
                    break;
                case "state:terminate-refused":
                    out.add("terminate() returned false: the service stays active; IOCatalogue stops at this refusal");
                    break;
                case "state:request-refused":
                    out.add("requestTerminate() returned false: this client is not made inactive");
                    break;
                case "state:sync-timeout":
                    out.add("the synchronous wait gave up (" + e.detail() + "); the objects are still busy");
                    break;
                default:
                    if (e.kind().equals("state") && what.startsWith("port-")) {
                        String now = what.substring(5).toUpperCase(java.util.Locale.ROOT);
                        out.add("port: " + port.getOrDefault(e.objectId(), "LIVE") + " → " + now
                                + (now.equals("DEAD") ? " (calls now fail with MACH_SEND_INVALID_DEST)" : ""));
                        port.put(e.objectId(), now);
                    } else if (e.kind().equals("kext")) {
                        out.add("kext " + what.replace('-', ' ') + (e.detail().isEmpty() ? "" : ": " + EventRows.withName(e.detail())));
                    } else if (e.kind().equals("state")) {
                        out.add(what + (e.detail().isEmpty() ? "" : ": " + e.detail()));
                    }
            }
            if (out.isEmpty()) {
                out.add("(no change the journal records)");
            }
            return out;
        }
    }
}
