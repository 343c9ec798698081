package kextshell.trace;

/**
 * One lifeline: a tool, a kernel actor, an IOKit object, a thread or a client process.
 *
 * @param label    the short name the header shows ("driver", "client 1", "client ×98", "pid 401")
 * @param fullName what the legend spells out (class name and registry id), or the label itself
 * @param kind     what the lifeline stands for
 * @param members  how many objects it stands for: more than one for a folded lane
 */
public record Lane(String label, String fullName, Kind kind, int members) {
    /** What a lifeline stands for; renderers may draw them differently. */
    public enum Kind { TOOL, KERNEL, SERVICE, USER_CLIENT, THREAD, PROCESS }

    public boolean folded() {
        return members > 1;
    }
}
