package kextshell.cli;

import java.util.List;

/** The few lines printed when the interactive shell starts. */
public final class Banner {
    private Banner() {
    }

    public static List<String> lines(String version) {
        return List.of(
                "kextshell " + version + " - a teaching shell for the macOS 10.15 kext tools, running against",
                "a simulated IOKit kernel. Nothing here touches your real system.",
                "Type 'help' for commands, 'tutorial list' to start learning; Ctrl-D or 'exit' leaves.");
    }
}
