package kextshell.cli;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Where interactive history is kept: {@code ~/.kextshell/history}, or the path in the system
 * property {@code kextshell.history} or else the environment variable {@code KEXTSHELL_HISTORY}
 * ({@code none} turns history off). If the place cannot be
 * created or written, the shell runs with in-memory history only.
 */
public final class HistoryFile {
    private HistoryFile() {
    }

    public static Optional<Path> locate(PrintStream err) {
        String configured = System.getProperty("kextshell.history", System.getenv("KEXTSHELL_HISTORY"));
        if ("none".equals(configured)) {
            return Optional.empty();
        }
        try {
            Path file = configured != null && !configured.isBlank()
                    ? Path.of(configured)
                    : kextshell.shell.HostHome.kextshellDirectory().resolve("history");
            return usable(file, err);
        } catch (InvalidPathException e) {
            err.println("kextshell: history is off (bad path: " + e.getMessage() + ")");
            return Optional.empty();
        }
    }

    /** The file itself if its directory exists or can be made and it can be written; else empty. */
    static Optional<Path> usable(Path file, PrintStream err) {
        Path dir = file.toAbsolutePath().getParent();
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            err.println("kextshell: history is off (cannot create " + dir + ")");
            return Optional.empty();
        }
        boolean writable = Files.exists(file) ? Files.isWritable(file) : Files.isWritable(dir);
        if (!writable) {
            err.println("kextshell: history is off (" + file + " is not writable)");
            return Optional.empty();
        }
        return Optional.of(file);
    }
}
