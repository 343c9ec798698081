package kextshell.shell;

import java.nio.file.Path;
import java.util.Map;

/**
 * The learner's home directory on the host, where kextshell keeps its files ({@code ~/.kextshell}).
 * {@code $HOME} comes first, as every Unix tool honours it (a test or a second account can point
 * it elsewhere); Java's {@code user.home} (from the password database) only when HOME is unset or
 * empty. The one place that decides, so history, progress and the writable home agree.
 */
public final class HostHome {
    private HostHome() {
    }

    /** The host's home directory for this process. */
    public static Path directory() {
        return directory(System.getenv(), System.getProperty("user.home"));
    }

    static Path directory(Map<String, String> environment, String userHome) {
        String home = environment.get("HOME");
        return Path.of(home != null && !home.isEmpty() ? home : userHome);
    }

    /** {@code ~/.kextshell}: progress, history, the learner seed and the writable home live here. */
    public static Path kextshellDirectory() {
        return directory().resolve(".kextshell");
    }
}
