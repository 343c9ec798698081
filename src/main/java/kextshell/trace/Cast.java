package kextshell.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import kextshell.kernel.JournalEvent;

/**
 * Who plays a part in a journal slice and which lifeline each one gets: the tool, IOCatalogue,
 * the services, the user clients (first, folded middle, last), the terminate thread and the
 * client processes. User clients and their pids are known from the {@code opened} events, which
 * usually happened in an earlier command, hence the context.
 */
final class Cast {
    /** More user clients than this are folded into first, "client ×N", last. */
    static final int FOLD_ABOVE = 3;

    final List<Lane> lanes = new ArrayList<>();
    final int toolLane;
    final int catalogueLane;
    final int workerLane;
    final boolean synchronous;
    private final LongIntMap objectLanes = new LongIntMap();
    private final LongIntMap pidLanes = new LongIntMap();
    private final LongIntMap pidOfClient;

    Cast(String commandLine, List<JournalEvent> context, List<JournalEvent> range) {
        pidOfClient = clientPids(context, range);
        String tool = toolName(commandLine);
        synchronous = topTerminateOptions(range) >= 0 && OptionNames.synchronous(topTerminateOptions(range));
        toolLane = add(new Lane(tool, tool, Lane.Kind.TOOL, 1));
        catalogueLane = usesCatalogue(tool, range) ? add(new Lane("IOCatalogue", "IOCatalogue", Lane.Kind.KERNEL, 1))
                : -1;
        Map<Long, String> services = new LinkedHashMap<>();
        List<Long> clients = new ArrayList<>();
        Set<Long> pids = new LinkedHashSet<>();
        LongIntMap seen = new LongIntMap();
        boolean workerNeeded = false;
        long previous = 0;
        for (JournalEvent e : range) {
            long id = e.objectId();
            if (id != 0 && id != previous && !seen.containsKey(id)) {
                seen.put(id, 1);
                if (pidOfClient.containsKey(id)) {
                    clients.add(id);
                } else {
                    services.put(id, e.className());
                }
            }
            previous = id;
            workerNeeded |= !e.phase().isEmpty() && !e.phase().equals("phase1");
            if (e.kind().equals("kext")) {
                long exited = exitedPid(e);
                if (exited > 0) {
                    pids.add(exited);
                }
            }
        }
        addServices(services);
        addFolded(clients, objectLanes, "client", Lane.Kind.USER_CLIENT, this::clientName);
        if (!synchronous && workerNeeded) {
            workerLane = add(new Lane("terminate thread", "the terminate thread (IOService::terminateThread)",
                    Lane.Kind.THREAD, 1));
        } else {
            workerLane = catalogueLane >= 0 ? catalogueLane : toolLane;
        }
        Set<Long> orderedPids = new LinkedHashSet<>();
        for (long client : clients) {
            orderedPids.add((long) pidOfClient.get(client));
        }
        orderedPids.addAll(pids);
        addFolded(new ArrayList<>(orderedPids), pidLanes, "pid", Lane.Kind.PROCESS, pid -> "pid " + pid);
    }

    private int add(Lane lane) {
        lanes.add(lane);
        return lanes.size() - 1;
    }

    private void addServices(Map<Long, String> services) {
        long vendor = services.values().stream().filter(Cast::isVendorClass).count();
        int n = 0;
        for (Map.Entry<Long, String> s : services.entrySet()) {
            String cls = s.getValue();
            String label = !isVendorClass(cls) ? cls : vendor == 1 ? "driver" : "driver " + ++n;
            objectLanes.put(s.getKey(), add(new Lane(label, cls + " " + hexId(s.getKey()), Lane.Kind.SERVICE, 1)));
        }
    }

    /** Adds one lane per member, or first, "word ×N", last when there are more than FOLD_ABOVE. */
    private void addFolded(List<Long> members, LongIntMap index, String word, Lane.Kind kind,
            java.util.function.LongFunction<String> fullName) {
        int n = members.size();
        for (int i = 0; i < n; i++) {
            long id = members.get(i);
            boolean middle = n > FOLD_ABOVE && i > 0 && i < n - 1;
            if (middle && i > 1) {
                index.put(id, index.get(members.get(1)));
                continue;
            }
            Lane lane = middle ? new Lane(word + " ×" + (n - 2), (n - 2) + " more, folded", kind, n - 2)
                    : new Lane(kind == Lane.Kind.PROCESS ? fullName.apply(id) : word + " " + (i + 1),
                            fullName.apply(id), kind, 1);
            index.put(id, add(lane));
        }
    }

    private String clientName(long id) {
        return "user client " + hexId(id) + " of pid " + pidOfClient.get(id);
    }

    int objectLane(long id) {
        return objectLanes.get(id);
    }

    /** The lane of the process that owns user client {@code clientId}, or -1. */
    int processLaneOfClient(long clientId) {
        int pid = pidOfClient.get(clientId);
        return pid < 0 ? -1 : pidLane(pid);
    }

    int pidLane(long pid) {
        return pidLanes.get(pid);
    }

    /** How a call names another party: its lane's label, "client" for a folded lane, else "provider". */
    String nameOf(long id) {
        int lane = objectLane(id);
        if (lane < 0) {
            return "provider";
        }
        return lanes.get(lane).folded() ? "client" : lanes.get(lane).label();
    }

    static String toolName(String commandLine) {
        List<String> words = new ArrayList<>(List.of(commandLine.strip().split("\\s+")));
        while (!words.isEmpty() && (words.get(0).equals("sudo") || words.get(0).startsWith("-"))) {
            words.remove(0);
        }
        return words.isEmpty() || words.get(0).isEmpty() ? "kextshell" : words.get(0);
    }

    private static boolean usesCatalogue(String tool, List<JournalEvent> range) {
        if (tool.startsWith("kext")) {
            return true;
        }
        return range.stream().anyMatch(e -> EventRows.isKextEvent(e) && exitedPid(e) < 0);
    }

    /** Options of the first terminate() nobody else called (the command's own), or -1. */
    static int topTerminateOptions(List<JournalEvent> range) {
        for (JournalEvent e : range) {
            if (e.isCall("terminate", null) && e.phase().isEmpty()) {
                return e.options();
            }
        }
        return -1;
    }

    private static LongIntMap clientPids(List<JournalEvent> context, List<JournalEvent> range) {
        LongIntMap pids = new LongIntMap();
        for (List<JournalEvent> events : List.of(context, range)) {
            for (JournalEvent e : events) {
                long pid = EventRows.openedBy(e);
                if (pid > 0) {
                    pids.put(e.objectId(), (int) pid);
                }
            }
        }
        return pids;
    }

    static long exitedPid(JournalEvent e) {
        return EventRows.exitedPid(e);
    }

    static boolean isVendorClass(String cls) {
        return cls.indexOf('_') > 0;
    }

    static String hexId(long id) {
        return "0x" + Long.toHexString(id).toLowerCase(Locale.ROOT);
    }
}
