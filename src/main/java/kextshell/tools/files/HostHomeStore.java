package kextshell.tools.files;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryNotEmptyException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.HashSet;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.Consumer;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.HostHome;
import kextshell.shell.Session;

/**
 * The learner's home kept on the host, one host file per virtual file, under
 * {@code ~/.kextshell/home/}. Every write is atomic ({@link AtomicFiles}); nothing is ever
 * written, followed or removed outside the store: a symbolic link inside it is refused, not
 * followed. A file that cannot be loaded (too large, not UTF-8, unreadable, a link or a special
 * file) is reported by its host path and skipped, never deleted; if the learner later writes a
 * file of the same name, the unreadable one is first moved aside to {@code NAME.unreadable}.
 * Every problem is one line to {@code report}, naming the host path and the reason.
 */
public final class HostHomeStore implements HomeStore {
    private final Path root;
    private final Consumer<String> report;
    /** Host entries that load() skipped: kept, and moved aside before their name is reused. */
    private final Set<Path> skipped = new HashSet<>();

    private final int maxEntries;

    public HostHomeStore(Path root, Consumer<String> report) {
        this(root, report, SessionFiles.MAX_ENTRIES);
    }

    HostHomeStore(Path root, Consumer<String> report, int maxEntries) {
        this.root = root.toAbsolutePath().normalize();
        this.report = report;
        this.maxEntries = maxEntries;
    }

    /** The store at {@code ~/.kextshell/home} (see {@link HostHome}). */
    public static HostHomeStore inHostHome(Consumer<String> report) {
        return new HostHomeStore(HostHome.kextshellDirectory().resolve("home"), report);
    }

    public Path root() {
        return root;
    }

    @Override
    public boolean exists() {
        return Files.isDirectory(root, LinkOption.NOFOLLOW_LINKS);
    }

    @Override
    public void load(BiConsumer<String, String> into) {
        if (!exists()) {
            return;
        }
        long[] total = {0};
        int[] entries = {0};
        try {
            Files.walkFileTree(root, new SimpleFileVisitor<>() {
                @Override
                public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
                    if (dir.equals(root)) {
                        return FileVisitResult.CONTINUE;
                    }
                    if (++entries[0] > maxEntries) {
                        return tooMany();
                    }
                    into.accept(virtualPath(dir), null);
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
                    if (++entries[0] > maxEntries) {
                        return tooMany();
                    }
                    String text = loadFile(file, attrs, total);
                    if (text != null) {
                        into.accept(virtualPath(file), text);
                    }
                    return FileVisitResult.CONTINUE;
                }

                @Override
                public FileVisitResult visitFileFailed(Path file, IOException e) {
                    skip(file, reason(e));
                    return FileVisitResult.CONTINUE;
                }
            });
        } catch (IOException e) {
            report.accept("kextshell: cannot read " + root + ": " + reason(e));
        }
    }

    private FileVisitResult tooMany() {
        report.accept("kextshell: " + root + " holds more than " + maxEntries
                + " files and folders; the rest are not loaded (and are kept as they are)");
        return FileVisitResult.TERMINATE;
    }

    /** A file's text, or null (reported) when it must be skipped. */
    private String loadFile(Path file, BasicFileAttributes attrs, long[] total) {
        if (AtomicFiles.isPartial(file)) {
            return null; // a write that never finished: the real file is intact
        }
        if (attrs.isSymbolicLink()) {
            skip(file, "a symbolic link (not followed)");
            return null;
        }
        if (!attrs.isRegularFile()) {
            skip(file, "not a regular file");
            return null;
        }
        if (attrs.size() > SessionFiles.MAX_FILE_CHARS || total[0] + attrs.size() > SessionFiles.MAX_TOTAL_CHARS) {
            skip(file, "too large (" + attrs.size() + " bytes; a file may have " + SessionFiles.MAX_FILE_CHARS
                    + ", the home " + SessionFiles.MAX_TOTAL_CHARS + ")");
            return null;
        }
        try {
            byte[] bytes = Files.readAllBytes(file);
            String text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
            total[0] += bytes.length;
            return text;
        } catch (CharacterCodingException e) {
            skip(file, "not UTF-8 text");
        } catch (IOException e) {
            skip(file, reason(e));
        }
        return null;
    }

    private void skip(Path file, String why) {
        skipped.add(file);
        report.accept("kextshell: skipped " + file + ": " + why + "; it is kept as it is");
    }

    @Override
    public void save(String absolute, String textOrNullForDirectory) throws FileError {
        Path target = hostPath(absolute);
        try {
            moveAsideIfSkipped(target);
            if (textOrNullForDirectory == null) {
                if (!Files.isDirectory(target, LinkOption.NOFOLLOW_LINKS)) {
                    createFolders(target);
                }
                return;
            }
            byte[] bytes = textOrNullForDirectory.getBytes(StandardCharsets.UTF_8);
            if (bytes.length > SessionFiles.MAX_FILE_CHARS) {
                throw new FileError(SessionFiles.FILE_TOO_LARGE);
            }
            createFolders(target.getParent());
            AtomicFiles.write(target, bytes);
        } catch (IOException e) {
            throw failed("save", target, e);
        }
    }

    @Override
    public void delete(String absolute) throws FileError {
        Path target = hostPath(absolute);
        try {
            Files.deleteIfExists(target);
            kextshell.store.LearnerFiles.syncDirectory(target.getParent());
        } catch (IOException e) {
            throw failed("remove", target, e);
        }
    }

    /**
     * The host path of a virtual path under the home, after checking that it stays inside the
     * store and that no folder on the way (nor the entry itself) is a symbolic link.
     */
    Path hostPath(String absolute) throws FileError {
        if (!absolute.equals(Session.HOME) && !absolute.startsWith(Session.HOME + "/")) {
            throw new IllegalArgumentException("not under the home: " + absolute);
        }
        Path target = absolute.equals(Session.HOME) ? root
                : root.resolve(absolute.substring(Session.HOME.length() + 1)).normalize();
        if (!target.startsWith(root)) {
            throw new IllegalArgumentException("outside the store: " + absolute);
        }
        for (Path at = target; at != null && at.startsWith(root) && !at.equals(root); at = at.getParent()) {
            if (Files.isSymbolicLink(at)) {
                report.accept("kextshell: not following the symbolic link " + at + " in the home store");
                throw new FileError(FileError.PERMISSION_DENIED);
            }
        }
        return target;
    }

    private void createFolders(Path folder) throws IOException {
        if (!Files.isDirectory(folder, LinkOption.NOFOLLOW_LINKS)) {
            Files.createDirectories(folder);
        }
    }

    /** A host file skipped at load is the learner's data too: keep it under another name. */
    private void moveAsideIfSkipped(Path target) throws IOException {
        if (!skipped.contains(target) || !Files.exists(target, LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        Path aside = target.resolveSibling(target.getFileName() + ".unreadable");
        for (int n = 2; Files.exists(aside, LinkOption.NOFOLLOW_LINKS); n++) {
            aside = target.resolveSibling(target.getFileName() + ".unreadable-" + n);
        }
        Files.move(target, aside, StandardCopyOption.ATOMIC_MOVE);
        skipped.remove(target);
        report.accept("kextshell: " + target + " could not be read; kept as " + aside);
    }

    private FileError failed(String verb, Path target, IOException e) {
        String why = reason(e);
        report.accept("kextshell: cannot " + verb + " " + target + ": " + why);
        return new FileError(e instanceof DirectoryNotEmptyException ? FileError.NOT_EMPTY : SessionFiles.IO_ERROR);
    }

    private String virtualPath(Path host) {
        StringBuilder path = new StringBuilder(Session.HOME);
        for (Path part : root.relativize(host)) {
            path.append('/').append(part);
        }
        return path.toString();
    }

    /** An I/O failure in the BSD tools' words, never a Java class name, in zsh's lower case. */
    static String reason(IOException e) {
        String reason = kextshell.store.HostFiles.reason(e);
        return reason.isEmpty() ? reason : Character.toLowerCase(reason.charAt(0)) + reason.substring(1);
    }
}
