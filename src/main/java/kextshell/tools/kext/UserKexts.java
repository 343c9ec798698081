package kextshell.tools.kext;

import java.util.List;
import kextshell.kernel.KextBundle;
import kextshell.shell.Session;

/**
 * Kexts that are not in the system image: the ones the learner builds in the driver lab under
 * {@code ~}. The composition root installs the lab's implementation in each session
 * ({@code session.toolState(UserKexts.class, ...)}); the kext tools ask it for a path the image
 * does not have.
 */
public interface UserKexts {
    /** No user kexts (a session without the driver lab). */
    UserKexts NONE = (session, absolutePath) -> null;

    /**
     * What is at {@code absolutePath}: null when no user kext is there; otherwise a bundle, or why
     * it cannot load ({@code message}, one line) with what the kernel logged (kxld's lines) if the
     * link failed.
     */
    Found find(Session session, String absolutePath);

    record Found(KextBundle bundle, String message, List<String> kernelLines) {
        public boolean linkFailed() {
            return bundle == null && !kernelLines.isEmpty();
        }
    }

    static UserKexts of(Session session) {
        return session.toolState(UserKexts.class, () -> NONE);
    }
}
