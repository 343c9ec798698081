package kextshell.trace;

import java.util.HashMap;
import java.util.Map;
import kextshell.kernel.JournalEvent;
import kextshell.trace.Row.MarkKind;

/**
 * The one place that turns a journal event into a diagram row: who calls whom, how the call is
 * labelled, and which events are marks (vetoes, time-outs, ports dying). When the journal's event
 * kinds change (strings today, an enum soon), only this class needs to follow.
 *
 * Who is the caller follows IOService.cpp: terminatePhase1 runs on the provider's side and calls
 * each client's requestTerminate, whose default calls the provider's terminateClient, which calls
 * the client's terminate with kIOServiceRecursing; terminateWorker (phase 2 and 3) calls
 * willTerminate, didTerminate, finalize, stop and detach; messageClients sends message() from the
 * provider.
 */
final class EventRows {
    private final Cast cast;
    private final long startNs;
    /** Client id to the lane of the provider whose terminateClient is about to terminate it. */
    private final LongIntMap terminatingProvider = new LongIntMap();
    /** Labels by what they are built from: a folded unload repeats the same few labels 100,000 times. */
    private final Map<LabelKey, String> labels = new HashMap<>();

    /**
     * What a label is built from. A plain class, not a record: a record's equals and hashCode go
     * through method handles, which the shell's C1-only JIT runs slowly, and this key is looked up
     * once per journal event.
     */
    private static final class LabelKey {
        private final String kind;
        private final String what;
        private final String other;
        private final int options;
        private final String detail;
        private final int hash;

        LabelKey(String kind, String what, String other, int options, String detail) {
            this.kind = kind;
            this.what = what;
            this.other = other;
            this.options = options;
            this.detail = detail;
            this.hash = ((kind.hashCode() * 31 + what.hashCode()) * 31 + other.hashCode()) * 31
                    + options * 17 + detail.hashCode();
        }

        @Override
        public int hashCode() {
            return hash;
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof LabelKey k && k.hash == hash && k.options == options && same(k.kind, kind)
                    && same(k.what, what) && same(k.other, other) && same(k.detail, detail);
        }

        private static boolean same(String a, String b) {
            return a == b || a.equals(b);
        }
    }

    EventRows(Cast cast, long startNs) {
        this.cast = cast;
        this.startNs = startNs;
    }

    /** The row for one event, or null for events the diagram leaves out. */
    Row row(JournalEvent e) {
        switch (e.kind()) {
            case "call":
                return call(e);
            case "state":
                return state(e);
            case "kext":
                return kext(e);
            default:
                return mark(objectOrTool(e), MarkKind.STATE, e.kind() + " " + e.what());
        }
    }

    private Row call(JournalEvent e) {
        int obj = objectOrTool(e);
        String other = e.otherId() == 0 ? "" : cast.nameOf(e.otherId());
        switch (e.what()) {
            case "terminate":
                if (e.phase().isEmpty()) {
                    // the command's own terminate: IOCatalogue::terminateDriversForModule for a kext tool
                    int caller = cast.catalogueLane >= 0 ? cast.catalogueLane : cast.toolLane;
                    return message(caller, obj, label(e, "", () -> "terminate(" + OptionNames.of(e.options()) + ")"), e);
                }
                int provider = terminatingProvider.get(e.objectId());
                return message(provider >= 0 ? provider : cast.workerLane, obj,
                        label(e, "", () -> "terminate(" + OptionNames.of(e.options()) + ")"), e);
            case "requestTerminate":
                return message(laneOr(e.otherId(), cast.workerLane), obj,
                        label(e, other, () -> "requestTerminate(" + other + ", " + OptionNames.of(e.options()) + ")"), e);
            case "terminateClient":
                terminatingProvider.put(e.otherId(), obj);
                return message(laneOr(e.otherId(), obj), obj,
                        label(e, other, () -> "terminateClient(" + other + ", " + OptionNames.of(e.options()) + ")"), e);
            case "willTerminate":
            case "didTerminate":
                return message(cast.workerLane, obj,
                        label(e, other, () -> e.what() + "(" + other + ", " + OptionNames.of(e.options()) + ")"), e);
            case "finalize":
                return message(cast.workerLane, obj, label(e, "", () -> "finalize(" + OptionNames.of(e.options()) + ")"), e);
            case "stop":
            case "detach":
                return message(cast.workerLane, obj, label(e, other, () -> e.what() + "(" + other + ")"), e);
            case "message":
                return message(laneOr(e.otherId(), cast.workerLane), obj,
                        label(e, "", () -> "message(" + e.detail() + ")"), e);
            case "probe":
            case "start":
                return message(cast.catalogueLane >= 0 ? cast.catalogueLane : cast.toolLane, obj,
                        label(e, other, () -> e.what() + "(" + other + ")"), e);
            case "clientClose":
            case "clientDied":
            case "externalMethod":
                return message(processOr(e.objectId(), cast.toolLane), obj,
                        label(e, "", () -> e.what() + "(" + e.detail() + ")"), e);
            case "free":
                return mark(obj, MarkKind.FREED, "free()", e);
            default:
                return message(cast.workerLane, obj, label(e, "", () -> e.what() + "()"), e);
        }
    }

    private Row state(JournalEvent e) {
        int obj = objectOrTool(e);
        String what = e.what();
        switch (what) {
            case "inactive":
                return mark(obj, MarkKind.STATE, e.detail().equals("recursing")
                        ? "inactive (kIOServiceRecursing)" : "inactive", e);
            case "opened":
                return message(processOr(e.objectId(), cast.toolLane), obj, "IOServiceOpen", e);
            case "terminate-refused":
                return mark(obj, MarkKind.VETO, "veto: terminate() returned false", e);
            case "request-refused":
                return mark(obj, MarkKind.VETO, "requestTerminate refused: stays active", e);
            case "terminate-disallowed":
                return mark(obj, MarkKind.VETO, "terminate not allowed", e);
            case "start-failed":
                return mark(obj, MarkKind.VETO, "start() failed", e);
            case "sync-timeout":
                return mark(obj, MarkKind.TIMEOUT, "time-out: " + e.detail() + " at " + elapsed(e), e);
            case "stop-deferred":
            case "finalize-deferred":
            case "phase2-deferred":
                return mark(obj, MarkKind.DEFER, label(e, "", () -> what + ": " + e.detail()), e);
            default:
                if (what.startsWith("port-")) {
                    int lane = processOr(e.objectId(), obj);
                    return mark(lane, MarkKind.PORT_DEAD, what.equals("port-dead") ? "port dead"
                            : "port → " + what.substring(5), e);
                }
                return mark(obj, MarkKind.STATE, e.detail().isEmpty() ? what : what + ": " + e.detail(), e);
        }
    }

    private Row kext(JournalEvent e) {
        long pid = exitedPid(e);
        if (pid > 0) {
            return mark(cast.pidLane(pid) >= 0 ? cast.pidLane(pid) : cast.toolLane, MarkKind.EXIT, "exit", e);
        }
        if (isRoutineScan(e)) {
            return null;
        }
        int lane = cast.catalogueLane >= 0 ? cast.catalogueLane : cast.toolLane;
        boolean failed = e.what().endsWith("-failed");
        String text = "kext " + e.what().replace('-', ' ') + (e.detail().isEmpty() ? "" : ": " + withName(e.detail()));
        return mark(lane, failed ? MarkKind.VETO : MarkKind.KEXT, text, e);
    }

    /** "0xe00002c7" becomes "0xe00002c7 kIOReturnUnsupported"; other details stay as they are. */
    static String withName(String detail) {
        if (detail.matches("0x[0-9a-f]{1,8}")) {
            String name = kextshell.kernel.IOReturn.name(Integer.parseUnsignedInt(detail.substring(2), 16));
            return name.equals(detail) ? detail : detail + " " + name;
        }
        return detail;
    }

    /**
     * A small direct-mapped cache in front of {@link #labels}: the journal's strings are shared
     * instances, so most lookups are settled by identity without building a key or hashing.
     */
    private final JournalEvent[] recentEvents = new JournalEvent[32];
    private final String[] recentOthers = new String[32];
    private final String[] recentLabels = new String[32];

    private String label(JournalEvent e, String other, java.util.function.Supplier<String> build) {
        int slot = (System.identityHashCode(e.what()) ^ System.identityHashCode(other) ^ e.options() * 31) & 31;
        JournalEvent seen = recentEvents[slot];
        if (seen != null && seen.what() == e.what() && seen.kind() == e.kind() && seen.options() == e.options()
                && seen.detail() == e.detail() && recentOthers[slot] == other) {
            return recentLabels[slot];
        }
        String label = memo(e, other, build);
        recentEvents[slot] = e;
        recentOthers[slot] = other;
        recentLabels[slot] = label;
        return label;
    }

    private String memo(JournalEvent e, String other, java.util.function.Supplier<String> build) {
        LabelKey key = new LabelKey(e.kind(), e.what(), other, e.options(), e.detail());
        String label = labels.get(key);
        if (label == null) {
            label = build.get();
            labels.put(key, label);
        }
        return label;
    }

    private String elapsed(JournalEvent e) {
        long ms = (e.timeNs() - startNs) / 1_000_000L;
        return String.format(java.util.Locale.ROOT, "+%d.%03d s", ms / 1000, ms % 1000);
    }

    private int objectOrTool(JournalEvent e) {
        int lane = cast.objectLane(e.objectId());
        return lane < 0 ? cast.toolLane : lane;
    }

    private int laneOr(long id, int fallback) {
        int lane = cast.objectLane(id);
        return lane < 0 ? fallback : lane;
    }

    private int processOr(long clientId, int fallback) {
        int lane = cast.processLaneOfClient(clientId);
        return lane < 0 ? fallback : lane;
    }

    private static Row message(int from, int to, String label, JournalEvent e) {
        return new Row.Message(from, to, label, 1, e.seq());
    }

    private static Row mark(int lane, MarkKind kind, String label, JournalEvent e) {
        return new Row.Mark(lane, kind, label, 1, e.seq());
    }

    private static Row mark(int lane, MarkKind kind, String label) {
        return new Row.Mark(lane, kind, label, 1, -1);
    }

    /**
     * The tool's own request that starts it all: for kextunload (kext_tools kextunload_main.c), -b
     * and a path call OSKextUnloadKextWithIdentifier, -c and -p IOCatalogueTerminate; kextload of a
     * path goes through kextd with KextManagerLoadKextWithURL. Null otherwise.
     */
    static Row request(String commandLine, Cast cast, java.util.List<JournalEvent> range) {
        String tool = Cast.toolName(commandLine);
        java.util.List<String> words = java.util.List.of(commandLine.strip().split("\\s+"));
        if (cast.catalogueLane >= 0 && tool.equals("kextload")) {
            // kextload hands a path to kextd, which sends the kernel the load request
            // (kext_tools kextload_main.c; tools-fidelity sheet: "normal path hands the load to kextd")
            String path = words.get(words.size() - 1);
            return path.endsWith(".kext") ? new Row.Message(cast.toolLane, cast.catalogueLane,
                    "KextManagerLoadKextWithURL(" + path + ") via kextd", 1, -1) : null;
        }
        if (cast.catalogueLane < 0 || !tool.equals("kextunload")) {
            return null;
        }
        String label;
        if (words.contains("-c")) {
            label = "IOCatalogueTerminate(kIOCatalogServiceTerminate)";
        } else if (words.contains("-p")) {
            label = "IOCatalogueTerminate(kIOCatalogModuleTerminate)";
        } else {
            String id = "";
            for (int i = range.size() - 1; i >= 0; i--) { // kext events come last: search from the end
                if (isKextEvent(range.get(i)) && exitedPid(range.get(i)) < 0) {
                    id = range.get(i).className();
                }
                if (!range.get(i).phase().isEmpty()) {
                    break;
                }
            }
            label = "OSKextUnloadKextWithIdentifier(" + id + ")";
        }
        return new Row.Message(cast.toolLane, cast.catalogueLane, label, 1, -1);
    }

    // ---- facts other classes read from events; kept here so the event vocabulary lives in one file

    /** The autounload timer's periodic scan, which changes nothing by itself. */
    static boolean isRoutineScan(JournalEvent e) {
        return e.kind().equals("kext") && e.what().equals("autounload-scan");
    }

    /** A refusal: a vetoing terminate or requestTerminate, a disallowed terminate, a failed removal. */
    static boolean isVeto(JournalEvent e) {
        switch (e.what()) {
            case "terminate-refused":
            case "request-refused":
            case "terminate-disallowed":
            case "remove-failed":
            case "unload-failed":
                return true;
            default:
                return false;
        }
    }

    static boolean isKextEvent(JournalEvent e) {
        return e.kind().equals("kext");
    }

    /** The pid that opened this user client ({@code opened}, detail "pid N"), or -1. */
    static long openedBy(JournalEvent e) {
        if (e.kind().equals("state") && e.what().equals("opened") && e.detail().startsWith("pid ")) {
            return parsePid(e.detail());
        }
        return -1;
    }

    /** The pid of a {@code task-exit} event (its className is "pid N"), or -1. */
    static long exitedPid(JournalEvent e) {
        if (e.kind().equals("kext") && e.what().equals("task-exit") && e.className().startsWith("pid ")) {
            return parsePid(e.className());
        }
        return -1;
    }

    private static long parsePid(String text) {
        try {
            return Long.parseLong(text.substring(4));
        } catch (NumberFormatException ex) {
            return -1;
        }
    }

    /** The band a phase opens with: the xnu function that runs it and on which thread. */
    static String phaseLabel(String phase, boolean synchronous) {
        switch (phase) {
            case "phase1":
                return "phase 1 · terminatePhase1, on the caller's thread";
            case "phase2":
                return synchronous ? "phase 2 · terminateWorker, on the caller's thread (kIOServiceSynchronous)"
                        : "phase 2 · terminateWorker, on the terminate thread";
            case "phase3":
                return "phase 3 · finalize, stop, detach (terminateWorker)";
            default:
                return "after terminateWorker";
        }
    }
}
