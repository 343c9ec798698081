package kextshell.store;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.AccessDeniedException;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.FileSystemException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Files the learner asks the shell to write on the host ({@code record}, {@code --record},
 * {@code progress export}). Unlike the learner's own files these belong to someone else, so:
 * an existing file is replaced only with {@code force}; a directory, a symbolic link or a device
 * is never written through or replaced; and every failure is one line, {@code PATH: reason}, in
 * the words of strerror(3), never a Java class name.
 */
public final class HostFiles {
    private HostFiles() {
    }

    /** A write refused or failed; the message is the whole line after the command's name. */
    public static final class Refused extends IOException {
        private static final long serialVersionUID = 1L;

        Refused(String file, String reason) {
            super(file + ": " + reason);
        }
    }

    /** {@code name} as a path, or a one-line refusal when the host cannot name such a file. */
    public static Path path(String name) throws Refused {
        try {
            return Path.of(name);
        } catch (InvalidPathException e) {
            throw new Refused(name, "not a valid file name");
        }
    }

    /**
     * Writes a new file {@code file}. An existing regular file is replaced only when {@code force};
     * directories, symbolic links and special files are refused either way.
     */
    public static void create(Path file, String text, boolean force) throws Refused {
        try {
            refuseUnsafe(file, force);
            Path tmp = temporarySibling(file, text);
            try {
                if (force) {
                    moveOver(tmp, file);
                } else {
                    // link(2) fails if the name exists: no window in which another file could be clobbered
                    try {
                        Files.createLink(file.toAbsolutePath(), tmp);
                    } catch (UnsupportedOperationException e) {
                        Files.move(tmp, file.toAbsolutePath());
                    }
                }
            } finally {
                Files.deleteIfExists(tmp);
            }
        } catch (Refused e) {
            throw e;
        } catch (IOException e) {
            throw new Refused(file.toString(), reason(e));
        }
    }

    /** Rewrites a file this shell created earlier (a recording being finished). */
    public static void rewrite(Path file, String text) throws Refused {
        create(file, text, true);
    }

    /** Checks, before any work is done, that {@code file} may be written. */
    public static void refuseUnsafe(Path file, boolean force) throws Refused {
        String name = file.toString();
        Path absolute = file.toAbsolutePath();
        if (absolute.getParent() == null || Files.isDirectory(file, LinkOption.NOFOLLOW_LINKS)) {
            throw new Refused(name, "Is a directory");
        }
        if (Files.isSymbolicLink(file)) {
            throw new Refused(name, "is a symbolic link; not writing through or replacing it");
        }
        if (Files.exists(file, LinkOption.NOFOLLOW_LINKS)) {
            if (!Files.isRegularFile(file, LinkOption.NOFOLLOW_LINKS)) {
                throw new Refused(name, "not a regular file");
            }
            if (!force) {
                throw new Refused(name, "File exists (add --force to replace it)");
            }
        }
        Path dir = absolute.getParent();
        if (!Files.isDirectory(dir)) {
            throw new Refused(name, Files.exists(dir) ? "Not a directory" : "No such file or directory");
        }
    }

    private static Path temporarySibling(Path file, String text) throws IOException {
        Path absolute = file.toAbsolutePath();
        Path tmp = Files.createTempFile(absolute.getParent(), "." + absolute.getFileName(), ".tmp");
        try (FileChannel channel = FileChannel.open(tmp, StandardOpenOption.WRITE)) {
            ByteBuffer buffer = ByteBuffer.wrap(text.getBytes(StandardCharsets.UTF_8));
            while (buffer.hasRemaining()) {
                channel.write(buffer);
            }
            channel.force(true);
        }
        if (Files.getFileStore(tmp).supportsFileAttributeView(PosixFileAttributeView.class)) {
            Files.setPosixFilePermissions(tmp, Files.exists(absolute)
                    ? Files.getPosixFilePermissions(absolute)
                    : PosixFilePermissions.fromString("rw-r--r--"));
        }
        return tmp;
    }

    private static void moveOver(Path tmp, Path file) throws IOException {
        try {
            Files.move(tmp, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (AtomicMoveNotSupportedException e) {
            Files.move(tmp, file.toAbsolutePath(), StandardCopyOption.REPLACE_EXISTING);
        }
    }

    /** The reason part of an error line, in strerror(3) words where Java knows the cause. */
    public static String reason(IOException e) {
        if (e instanceof NoSuchFileException) {
            return "No such file or directory";
        }
        if (e instanceof AccessDeniedException) {
            return "Permission denied";
        }
        if (e instanceof FileAlreadyExistsException) {
            return "File exists";
        }
        if (e instanceof NotDirectoryException) {
            return "Not a directory";
        }
        if (e instanceof DirectoryNotEmptyException) {
            return "Directory not empty";
        }
        if (e instanceof FileSystemException fs && fs.getReason() != null) {
            return fs.getReason();
        }
        String message = e.getMessage();
        return message == null || message.isBlank() ? "input/output error" : message;
    }
}
