package kextshell.kernel;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Every kind of event the {@link Journal} records, in one place: the driver callbacks the kernel
 * makes (named as in IOService.h and IOUserClient.h), the state changes of registry entries, and
 * kext-level events. Lessons' {@code check event WHAT} and the trace view name them by
 * {@link #text()}; an unknown name fails when a lesson is parsed, not when it runs.
 */
public enum EventName {
    CLIENTCLOSE("clientClose", Category.CALL),
    CLIENTDIED("clientDied", Category.CALL),
    DETACH("detach", Category.CALL),
    DIDTERMINATE("didTerminate", Category.CALL),
    EXTERNALMETHOD("externalMethod", Category.CALL),
    FINALIZE("finalize", Category.CALL),
    FREE("free", Category.CALL),
    MESSAGE("message", Category.CALL),
    PROBE("probe", Category.CALL),
    REQUESTTERMINATE("requestTerminate", Category.CALL),
    START("start", Category.CALL),
    STOP("stop", Category.CALL),
    TERMINATE("terminate", Category.CALL),
    TERMINATECLIENT("terminateClient", Category.CALL),
    WILLTERMINATE("willTerminate", Category.CALL),
    FINALIZE_DEFERRED("finalize-deferred", Category.STATE),
    INACTIVE("inactive", Category.STATE),
    INTEREST("interest", Category.STATE),
    OPENED("opened", Category.STATE),
    PHASE2_DEFERRED("phase2-deferred", Category.STATE),
    PORT_DEAD("port-dead", Category.STATE),
    PORT_LIVE("port-live", Category.STATE),
    PORT_MAPPINGS("port-mappings", Category.STATE),
    REMATCH("rematch", Category.STATE),
    REQUEST_REFUSED("request-refused", Category.STATE),
    START_FAILED("start-failed", Category.STATE),
    STOP_DEFERRED("stop-deferred", Category.STATE),
    SYNC_TIMEOUT("sync-timeout", Category.STATE),
    TERMINATE_DISALLOWED("terminate-disallowed", Category.STATE),
    TERMINATE_REFUSED("terminate-refused", Category.STATE),
    AUTOUNLOAD("autounload", Category.KEXT),
    AUTOUNLOAD_SCAN("autounload-scan", Category.KEXT),
    AUTOUNLOAD_WAITS("autounload-waits", Category.KEXT),
    LOADED("loaded", Category.KEXT),
    RELEASED("released", Category.KEXT),
    REMOVE_FAILED("remove-failed", Category.KEXT),
    REMOVED("removed", Category.KEXT),
    RETAINED("retained", Category.KEXT),
    STOP_FAILED("stop-failed", Category.KEXT),
    TASK_EXIT("task-exit", Category.KEXT),
    UNLOAD_FAILED("unload-failed", Category.KEXT),
    UNLOADED("unloaded", Category.KEXT);

    /** What an event is about. */
    public enum Category {
        /** A callback the kernel made on a driver or user client. */
        CALL,
        /** A change of a registry entry's state. */
        STATE,
        /** A kext-level event (load, unload, autounload, retain). */
        KEXT;

        /** The journal's word for it: call, state, kext. */
        public String word() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    private static final Map<String, EventName> BY_TEXT = new HashMap<>();

    static {
        for (EventName e : values()) {
            BY_TEXT.put(e.text, e);
        }
    }

    private final String text;
    private final Category category;

    EventName(String text, Category category) {
        this.text = text;
        this.category = category;
    }

    /** The name as the journal, lessons and traces write it, e.g. {@code terminate-refused}. */
    public String text() {
        return text;
    }

    public Category category() {
        return category;
    }

    public static Optional<EventName> of(String text) {
        return Optional.ofNullable(BY_TEXT.get(text));
    }

    /** The event of a user client's Mach port changing to {@code state} (IOUserClient.cpp). */
    static EventName port(PortState state) {
        return switch (state) {
            case LIVE -> PORT_LIVE;
            case MAPPINGS -> PORT_MAPPINGS;
            case DEAD -> PORT_DEAD;
        };
    }

    @Override
    public String toString() {
        return text;
    }
}
