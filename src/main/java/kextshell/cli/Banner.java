package kextshell.cli;

import java.util.List;

/** The few lines printed when the interactive shell starts; each fits an 80-column terminal. */
public final class Banner {
    private Banner() {
    }

    public static List<String> lines(String version) {
        return List.of(
                "kextshell " + version + ": a teaching shell for the macOS 10.15 kext tools",
                "against a simulated IOKit kernel. Nothing here touches your real system.",
                "Type 'help' for commands, 'tutorial list' to start learning; 'exit' leaves.");
    }
}
