package kextshell.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/**
 * The one place that reads and writes the learner's own files (progress, history, learner seed,
 * the writable home). The rules, from the data-safety issue:
 * <ul>
 * <li>a write goes to a temporary file in the same directory, is fsynced, then renamed over the
 * old file with ATOMIC_MOVE, so a crash leaves either the old or the new file, never half of one;
 * <li>a file that cannot be read is never overwritten: {@link #moveAside} renames it to
 * {@code NAME.corrupt-<time>} first and the caller names both paths;
 * <li>every read is size-limited and strictly decoded, so a 2 GB or binary file is an error line,
 * not an OutOfMemoryError;
 * <li>{@link #locked} serialises shells that share a file, so they can merge instead of losing work.
 * </ul>
 * Wall-clock time is used only to name backups; nothing here is part of the deterministic kernel.
 */
public final class LearnerFiles {
    /** Bigger than any progress file, seed or history a person could produce; smaller than a heap. */
    public static final long DEFAULT_LIMIT = 4L << 20;

    private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss'Z'")
            .withZone(ZoneOffset.UTC);

    private LearnerFiles() {
    }

    /** A file that was read but could not be understood: too big, not UTF-8, not the right format. */
    public static final class Unreadable extends IOException {
        private static final long serialVersionUID = 1L;

        public Unreadable(String reason) {
            super(reason);
        }
    }

    /** Writes {@code text} to {@code file} so that readers see the old or the new text, never a mix. */
    public static void writeAtomically(Path file, String text) throws IOException {
        writeAtomically(file, text.getBytes(StandardCharsets.UTF_8));
    }

    public static void writeAtomically(Path file, byte[] bytes) throws IOException {
        writeAtomically(file, bytes, ".tmp");
    }

    /** As {@link #writeAtomically(Path, byte[])}, the temporary file's name ending in {@code tempSuffix}. */
    public static void writeAtomically(Path file, byte[] bytes, String tempSuffix) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path dir = absolute.getParent();
        if (dir == null) {
            throw new IOException(file + ": not a file name");
        }
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + absolute.getFileName(), tempSuffix);
        try {
            try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
                ByteBuffer buffer = ByteBuffer.wrap(bytes);
                while (buffer.hasRemaining()) {
                    channel.write(buffer);
                }
                channel.force(true); // the data is on disk before the name points at it
            }
            keepPermissions(absolute, tmp);
            try {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
            syncDirectory(dir);
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    /**
     * The file's text, or null when it does not exist. Throws {@link Unreadable} when it is larger
     * than {@code limit} bytes or not valid UTF-8 (the caller then moves it aside).
     */
    public static String read(Path file, long limit) throws IOException {
        if (!Files.exists(file)) {
            return null;
        }
        if (!Files.isRegularFile(file)) {
            throw new Unreadable("not a regular file");
        }
        long size = Files.size(file);
        if (size > limit) {
            throw new Unreadable("file is " + size + " bytes; the limit is " + limit);
        }
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            return null;
        }
        if (bytes.length > limit) {
            throw new Unreadable("file is over " + limit + " bytes; the limit is " + limit);
        }
        return decode(bytes);
    }

    /** Strict UTF-8: a byte sequence that is not UTF-8 is an error, not a U+FFFD in the learner's data. */
    public static String decode(byte[] bytes) throws Unreadable {
        try {
            CharBuffer chars = StandardCharsets.UTF_8.newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(bytes));
            return chars.toString();
        } catch (CharacterCodingException e) {
            throw new Unreadable("not UTF-8 text");
        }
    }

    /**
     * Renames an unreadable {@code file} to {@code NAME.corrupt-<UTC time>} beside it (adding
     * {@code -2}, {@code -3}... if that name is taken) and returns the new path. Nothing is deleted.
     */
    public static Path moveAside(Path file, Clock clock) throws IOException {
        String base = file.getFileName() + ".corrupt-" + STAMP.format(clock.instant());
        Path target = file.resolveSibling(base);
        for (int n = 2; Files.exists(target, LinkOption.NOFOLLOW_LINKS); n++) {
            target = file.resolveSibling(base + "-" + n);
        }
        Files.move(file, target); // no REPLACE_EXISTING: never overwrite an earlier backup
        return target;
    }

    /** Work to do while holding a file's lock. */
    @FunctionalInterface
    public interface LockedWork<T> {
        T run() throws IOException;
    }

    /**
     * Runs {@code work} while holding an exclusive lock on {@code NAME.lock} beside {@code file},
     * so two shells updating the same file take turns (read, merge, write) instead of racing.
     */
    public static <T> T locked(Path file, LockedWork<T> work) throws IOException {
        Path absolute = file.toAbsolutePath();
        Files.createDirectories(absolute.getParent());
        Path lockFile = absolute.resolveSibling(absolute.getFileName() + ".lock");
        try (FileChannel channel = FileChannel.open(lockFile, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                FileLock lock = channel.lock()) {
            return work.run();
        }
    }

    /** fsync on the directory makes the rename itself durable; not every platform allows it. */
    public static void syncDirectory(Path dir) {
        try (FileChannel channel = FileChannel.open(dir, StandardOpenOption.READ)) {
            channel.force(true);
        } catch (IOException | UnsupportedOperationException e) {
            // best effort: Windows and some file systems cannot open a directory
        }
    }

    /** Temporary files are created 0600; a rewritten file keeps its own mode, a new one is 0644. */
    private static void keepPermissions(Path original, Path tmp) throws IOException {
        if (!Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            return;
        }
        Files.setPosixFilePermissions(tmp, Files.exists(original)
                ? Files.getPosixFilePermissions(original)
                : PosixFilePermissions.fromString("rw-r--r--"));
    }
}
