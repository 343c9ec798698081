package kextshell.trace.export;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;

/**
 * Writes an exported file on the host: whole or not at all (a temporary file moved into place),
 * never over an existing file unless asked. Failures come back as one line with the path and a
 * reason a person understands, never an exception's class name.
 */
public final class HostFiles {
    private HostFiles() {
    }

    /** Writes {@code text}; returns null on success, else "PATH: reason". */
    public static String write(String name, String text, boolean force) {
        Path path;
        try {
            path = Path.of(name).toAbsolutePath().normalize();
        } catch (InvalidPathException e) {
            return name + ": not a valid file name";
        }
        if (Files.isDirectory(path)) {
            return name + ": is a directory";
        }
        if (Files.exists(path) && !force) {
            return name + ": file exists (add --force to replace it)";
        }
        Path dir = path.getParent();
        if (dir == null || !Files.isDirectory(dir)) {
            return name + ": no such directory";
        }
        Path temp = null;
        try {
            temp = Files.createTempFile(dir, "." + path.getFileName(), ".tmp");
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            try {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temp, path, StandardCopyOption.REPLACE_EXISTING);
            }
            return null;
        } catch (AccessDeniedException e) {
            return name + ": permission denied";
        } catch (NoSuchFileException e) {
            return name + ": no such directory";
        } catch (FileSystemException e) {
            return name + ": " + (e.getReason() == null ? "cannot write" : e.getReason().toLowerCase(java.util.Locale.ROOT));
        } catch (IOException e) {
            return name + ": cannot write";
        } finally {
            deleteQuietly(temp);
        }
    }

    private static void deleteQuietly(Path temp) {
        if (temp != null) {
            try {
                Files.deleteIfExists(temp);
            } catch (IOException e) {
                // a stray temporary file is harmless; the message above already says what failed
            }
        }
    }
}
