package kextshell.trace.export;

import kextshell.shell.Session;

/**
 * Whether commands of a session may write host files ({@code trace --svg},
 * {@code tutorial export-html}). A replayed or checked transcript only reads the files it was
 * given, so its session forbids them, as it replaces {@code record} by a refusal.
 */
public final class HostWrites {
    private boolean forbidden;

    private HostWrites() {
    }

    public static void forbid(Session session) {
        session.toolState(HostWrites.class, HostWrites::new).forbidden = true;
    }

    public static boolean forbidden(Session session) {
        return session.toolState(HostWrites.class, HostWrites::new).forbidden;
    }
}
