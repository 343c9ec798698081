package kextshell.tools.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import kextshell.shell.FileSystem.FileError;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The home kept on the host: atomic, inside the store only, nothing unreadable lost. */
class HostHomeStoreTest {
    private static final String HOME = "/Users/learner";

    @TempDir
    Path dir;

    private final List<String> reports = new ArrayList<>();

    private HostHomeStore store() {
        return new HostHomeStore(dir.resolve("home"), reports::add);
    }

    private Map<String, String> loaded(HostHomeStore store) {
        Map<String, String> entries = new TreeMap<>();
        store.load((path, text) -> entries.put(path, text == null ? "<dir>" : text));
        return entries;
    }

    @Test
    void roundTripThroughSessions() throws FileError {
        SessionFiles first = new SessionFiles().persistTo(store());
        first.mkdir(HOME + "/notes");
        first.write(HOME + "/notes/a.txt", "caf\u00e9\n", false);
        first.remove(HOME + "/README.txt");
        first.write("/tmp/t", "not kept", false);
        SessionFiles second = new SessionFiles().persistTo(store());
        assertEquals(List.of("notes"), second.list(HOME));
        assertEquals("caf\u00e9\n", second.read(HOME + "/notes/a.txt"));
        assertFalse(second.exists("/tmp/t"));
        assertTrue(Files.isRegularFile(dir.resolve("home/notes/a.txt")));
        assertEquals(List.of(), reports);
    }

    @Test
    void aPartialTemporaryFileNeverReplacesTheRealOne() throws Exception {
        HostHomeStore store = store();
        store.save(HOME, null);
        store.save(HOME + "/a.txt", "whole\n");
        // what a crash in the middle of the next write leaves behind
        Files.writeString(dir.resolve("home/.a.txt.123" + AtomicFiles.PARTIAL_SUFFIX), "hal");
        assertEquals(Map.of(HOME + "/a.txt", "whole\n"), loaded(store()));
        store.save(HOME + "/a.txt", "new\n");
        assertEquals("new\n", Files.readString(dir.resolve("home/a.txt")));
        try (var names = Files.list(dir.resolve("home"))) {
            assertEquals(2, names.count(), "the write left no temporary file of its own");
        }
    }

    @Test
    void aNewFileIsRwRRAndAReplacedFileKeepsItsMode() throws Exception {
        HostHomeStore store = store();
        store.save(HOME, null);
        store.save(HOME + "/a", "a");
        Path a = dir.resolve("home/a");
        assumeTrue(Files.getFileStore(a).supportsFileAttributeView("posix"));
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
        Files.setPosixFilePermissions(a, PosixFilePermissions.fromString("rw-------"));
        store.save(HOME + "/a", "b");
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(a)));
    }

    @Test
    void symbolicLinksAreNeitherFollowedNorWrittenThrough() throws Exception {
        HostHomeStore store = store();
        store.save(HOME, null);
        Path outside = Files.createDirectory(dir.resolve("outside"));
        Files.writeString(outside.resolve("secret"), "host file");
        try {
            Files.createSymbolicLink(dir.resolve("home/link"), outside);
            Files.createSymbolicLink(dir.resolve("home/file-link"), outside.resolve("secret"));
        } catch (UnsupportedOperationException | IOException e) {
            assumeTrue(false, "no symbolic links here");
        }
        HostHomeStore again = store();
        assertEquals(Map.of(), loaded(again));
        assertEquals(2, reports.size(), reports.toString());
        assertTrue(reports.get(0).contains("symbolic link"), reports.toString());
        assertThrows(FileError.class, () -> again.save(HOME + "/link/secret", "overwritten"));
        assertThrows(FileError.class, () -> again.save(HOME + "/file-link", "overwritten"));
        assertThrows(FileError.class, () -> again.delete(HOME + "/link/secret"));
        assertEquals("host file", Files.readString(outside.resolve("secret")));
        assertTrue(Files.isSymbolicLink(dir.resolve("home/file-link")));
    }

    @Test
    void anUnreadableFileIsNamedKeptAndMovedAsideBeforeItsNameIsReused() throws Exception {
        HostHomeStore store = store();
        store.save(HOME, null);
        Path bad = dir.resolve("home/bad.txt");
        Files.write(bad, new byte[] {'o', 'k', (byte) 0xff, '\n'});
        HostHomeStore again = store();
        SessionFiles files = new SessionFiles().persistTo(again);
        assertFalse(files.exists(HOME + "/bad.txt"));
        assertEquals(1, reports.size());
        assertTrue(reports.get(0).contains(bad.toString()) && reports.get(0).contains("not UTF-8"), reports.get(0));
        assertTrue(Files.exists(bad), "never deleted");
        files.write(HOME + "/bad.txt", "new", false);
        Path aside = dir.resolve("home/bad.txt.unreadable");
        assertEquals(List.of('o', 'k'), List.of((char) Files.readAllBytes(aside)[0], (char) Files.readAllBytes(aside)[1]));
        assertEquals("new", Files.readString(bad));
        assertTrue(reports.get(1).contains(aside.toString()), reports.toString());
    }

    @Test
    void aFileTooLargeOrUnreadableIsSkippedWithItsName() throws Exception {
        HostHomeStore store = store();
        store.save(HOME, null);
        Path big = dir.resolve("home/big");
        try (var out = Files.newOutputStream(big)) {
            out.write(new byte[SessionFiles.MAX_FILE_CHARS + 1]);
        }
        Path locked = dir.resolve("home/locked");
        Files.writeString(locked, "x");
        boolean canLock = Files.getFileStore(locked).supportsFileAttributeView("posix");
        if (canLock) {
            Files.setPosixFilePermissions(locked, PosixFilePermissions.fromString("---------"));
        }
        Map<String, String> entries = loaded(store());
        assertFalse(entries.containsKey(HOME + "/big"));
        assertTrue(reports.stream().anyMatch(r -> r.contains(big.toString()) && r.contains("too large")), reports.toString());
        if (canLock && !Files.isReadable(locked)) {
            assertFalse(entries.containsKey(HOME + "/locked"));
            assertTrue(reports.stream().anyMatch(r -> r.contains(locked.toString()) && r.contains("permission denied")),
                    reports.toString());
        }
        assertTrue(Files.exists(big) && Files.exists(locked));
        assertEquals(SessionFiles.FILE_TOO_LARGE,
                assertThrows(FileError.class, () -> store.save(HOME + "/big2", "x".repeat(SessionFiles.MAX_FILE_CHARS + 1))).reason());
        assertFalse(Files.exists(dir.resolve("home/big2")));
    }

    @Test
    void loadingStopsAtTheEntryCapWithOneLine() throws Exception {
        Path home = Files.createDirectories(dir.resolve("home"));
        for (int i = 0; i <= 5; i++) {
            Files.createFile(home.resolve("f" + i));
        }
        assertEquals(5, loaded(new HostHomeStore(home, reports::add, 5)).size());
        assertEquals(1, reports.size(), reports.toString());
        assertTrue(reports.get(0).contains("more than 5 files and folders"), reports.get(0));
    }

    @Test
    void aHostFailureIsOneLineWithThePathAndNoJavaNames() throws Exception {
        Files.writeString(dir.resolve("home"), "a file where the store's folder should be");
        HostHomeStore store = store();
        FileError e = assertThrows(FileError.class, () -> store.save(HOME + "/a", "a"));
        assertEquals(SessionFiles.IO_ERROR, e.reason());
        assertEquals(1, reports.size());
        assertTrue(reports.get(0).startsWith("kextshell: cannot save " + dir.resolve("home/a")), reports.get(0));
        assertFalse(reports.get(0).contains("Exception"), reports.get(0));
        assertEquals("a file where the store's folder should be", Files.readString(dir.resolve("home"), StandardCharsets.UTF_8));
    }

    @Test
    void virtualPathsOutsideTheHomeAreRefused() {
        HostHomeStore store = store();
        assertThrows(IllegalArgumentException.class, () -> store.hostPath("/tmp/x"));
        assertThrows(IllegalArgumentException.class, () -> store.hostPath("/Users/learnerx"));
    }
}
