package kextshell.transcript;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/** Writes transcript files whole, via a temporary sibling, so a failed write never leaves half a file. */
public final class TranscriptFiles {
    /**
     * The largest transcript or lesson file read: 4 MiB is many times the biggest real one, and
     * small enough that parsing and checking it stays well within the heap and a few seconds.
     */
    public static final long MAX_BYTES = 4L << 20;

    private TranscriptFiles() {
    }

    /** A transcript or lesson file's text; every problem is a one-line TranscriptException. */
    public static String read(Path file, String name) throws TranscriptException {
        try {
            String text = kextshell.store.LearnerFiles.read(file, MAX_BYTES);
            if (text == null) {
                throw new TranscriptException(name, 0, "no such file");
            }
            return text;
        } catch (kextshell.store.LearnerFiles.Unreadable e) {
            throw new TranscriptException(name, 0, e.getMessage().equals("not UTF-8 text") ? "not valid UTF-8 text"
                    : e.getMessage());
        } catch (IOException e) {
            throw new TranscriptException(name, 0, "cannot read: " + kextshell.store.HostFiles.reason(e));
        }
    }

    public static void write(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), ".tmp");
        try {
            Files.writeString(tmp, text, StandardCharsets.UTF_8);
            keepPermissions(absolute, tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (IOException atomicUnsupported) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /** Temporary files are created private (0600); a rewritten transcript keeps the file's own mode. */
    private static void keepPermissions(Path original, Path tmp) throws IOException {
        if (Files.exists(original) && Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(tmp, Files.getPosixFilePermissions(original));
        } else if (!Files.exists(original) && Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(tmp, PosixFilePermissions.fromString("rw-r--r--"));
        }
    }
}
