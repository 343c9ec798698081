package kextshell.kernel;

/**
 * One entry of the event journal: a driver callback made by the kernel, or a state change.
 * Kept small (shared strings, ids instead of names) because a 100,000-client unload writes
 * about a million of them.
 *
 * @param seq       position in the journal, from 0
 * @param timeNs    virtual time
 * @param kind      {@code call} for a callback, {@code state} for an object's state change,
 *                  {@code kext} for a kext-level event
 * @param what      the callback or change, e.g. {@code terminate}, {@code stop}, {@code inactive}
 * @param objectId  registry entry id of the object concerned (0 for kext-level events)
 * @param className the object's class, or the kext's bundle id for kext-level events
 * @param phase     termination phase the kernel was in: phase1, phase2, phase3, or empty
 * @param options   option bits the callback received (-1 when it takes none)
 * @param otherId   registry id of the other party (the provider, client or victim), or 0
 * @param detail    any other fact, e.g. a return value or a code
 */
public record JournalEvent(long seq, long timeNs, String kind, String what, long objectId, String className,
        String phase, int options, long otherId, String detail) {

    public boolean isCall(String method, String cls) {
        return kind.equals("call") && what.equals(method) && (cls == null || className.equals(cls));
    }

    @Override
    public String toString() {
        StringBuilder b = new StringBuilder();
        b.append('#').append(seq).append(' ').append(kind).append(' ').append(className).append("::").append(what);
        if (objectId != 0) {
            b.append(" [0x").append(Long.toHexString(objectId)).append(']');
        }
        if (options >= 0) {
            b.append(" options=0x").append(Integer.toHexString(options));
        }
        if (otherId != 0) {
            b.append(" other=0x").append(Long.toHexString(otherId));
        }
        if (!phase.isEmpty()) {
            b.append(" (").append(phase).append(')');
        }
        if (!detail.isEmpty()) {
            b.append(' ').append(detail);
        }
        return b.toString();
    }
}
