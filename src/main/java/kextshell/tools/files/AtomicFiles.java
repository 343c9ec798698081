package kextshell.tools.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Replaces a host file so that a reader (or the next session after a crash) sees either the old
 * bytes or the new ones, never a mix: the bytes go to a temporary file in the same folder, are
 * forced to the disk, and the temporary file is renamed over the target (rename(2) is atomic
 * within one file system), then the folder is forced so the rename itself survives a power cut.
 * A temporary file left by a crash has {@link #PARTIAL_SUFFIX} in its name and is never read.
 */
public final class AtomicFiles {
    /** The ending of a temporary file that was being written; readers skip such files. */
    public static final String PARTIAL_SUFFIX = ".kextshell-partial";

    private AtomicFiles() {
    }

    public static void write(Path target, byte[] bytes) throws IOException {
        Path folder = target.toAbsolutePath().getParent();
        Path temporary = Files.createTempFile(folder, "." + target.getFileName() + ".", PARTIAL_SUFFIX);
        try {
            keepPermissions(target, temporary);
            try (FileChannel channel = FileChannel.open(temporary, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true);
            }
            try {
                Files.move(temporary, target, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                throw new IOException("cannot replace " + target + " atomically on this file system", e);
            }
        } finally {
            Files.deleteIfExists(temporary);
        }
        forceFolder(folder);
    }

    /**
     * A temporary file is made private (rw-------); the file it replaces keeps its own mode, and a
     * new one gets rw-r--r--, what an editor makes under the usual umask 022.
     */
    private static void keepPermissions(Path target, Path temporary) throws IOException {
        try {
            Set<PosixFilePermission> mode = Files.exists(target, LinkOption.NOFOLLOW_LINKS)
                    ? Files.getPosixFilePermissions(target, LinkOption.NOFOLLOW_LINKS)
                    : PosixFilePermissions.fromString("rw-r--r--");
            Files.setPosixFilePermissions(temporary, mode);
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system (Windows): nothing to keep
        }
    }

    /** fsync on the folder makes the new name durable; not every platform can open a folder. */
    static void forceFolder(Path folder) {
        try (FileChannel channel = FileChannel.open(folder, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // Windows and some file systems refuse; the rename is still atomic, only less durable.
        }
    }

    public static boolean isPartial(Path file) {
        return file.getFileName().toString().endsWith(PARTIAL_SUFFIX);
    }
}
