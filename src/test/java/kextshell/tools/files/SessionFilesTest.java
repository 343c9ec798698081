package kextshell.tools.files;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import kextshell.shell.FileSystem.FileError;
import org.junit.jupiter.api.Test;

/** The read-only image under a writable ~ and /tmp. */
class SessionFilesTest {
    private static final String HOME = "/Users/learner";
    private final SessionFiles files = new SessionFiles();

    private static String reason(ThrowingAction action) {
        return assertThrows(FileError.class, action::run).reason();
    }

    private interface ThrowingAction {
        void run() throws FileError;
    }

    @Test
    void writesLandInTheHomeAndTmpAndOverlayTheImage() throws FileError {
        files.write(HOME + "/a.txt", "one\n", false);
        files.write(HOME + "/a.txt", "two\n", true);
        files.mkdir("/tmp/w");
        files.write("/tmp/w/b", "b", false);
        assertEquals("one\ntwo\n", files.read(HOME + "/a.txt"));
        assertEquals(List.of("README.txt", "a.txt"), files.list(HOME));
        assertEquals(List.of("b"), files.list("/tmp/w"));
        assertEquals(1, files.size("/tmp/w/b"));
    }

    @Test
    void anImageFileUnderTheHomeCanBeReplacedAndRemoved() throws FileError {
        String readme = HOME + "/README.txt";
        assertTrue(files.read(readme).startsWith("Welcome"));
        files.write(readme, "mine", false);
        assertEquals("mine", files.read(readme));
        files.remove(readme);
        assertFalse(files.exists(readme));
        assertEquals(List.of(), files.list(HOME));
        assertEquals(FileError.NO_SUCH_FILE, reason(() -> files.read(readme)));
        files.write(readme, "back", false);
        assertEquals("back", files.read(readme));
    }

    @Test
    void theImageOutsideIsReadOnlyWithTheRealReasons() {
        assertEquals(FileError.READ_ONLY, reason(() -> files.write("/x", "x", false)));
        assertEquals(FileError.READ_ONLY, reason(() -> files.remove("/tmp")));
        assertEquals(FileError.PERMISSION_DENIED, reason(() -> files.mkdir("/Library/x")));
        assertEquals(FileError.PERMISSION_DENIED, reason(() -> files.remove("/Library/Extensions/driver.kext/Contents/Info.plist")));
        assertEquals(FileError.PERMISSION_DENIED, reason(() -> files.remove(HOME)));
        assertEquals(FileError.FILE_EXISTS, reason(() -> files.mkdir("/Library")));
        assertTrue(files.exists("/Library/Extensions/driver.kext/Contents/Info.plist"));
        assertFalse(files.exists("/x"));
    }

    @Test
    void pathErrorsUseTheBsdReasons() throws FileError {
        assertEquals(FileError.NO_SUCH_FILE, reason(() -> files.write(HOME + "/no/x", "", false)));
        assertEquals(FileError.NOT_A_DIRECTORY, reason(() -> files.write(HOME + "/README.txt/x", "", false)));
        assertEquals(FileError.IS_A_DIRECTORY, reason(() -> files.write("/tmp", "", false)));
        assertEquals(FileError.IS_A_DIRECTORY, reason(() -> files.read("/Library")));
        assertEquals(FileError.NOT_A_DIRECTORY, reason(() -> files.list(HOME + "/README.txt")));
        files.mkdir("/tmp/d");
        files.write("/tmp/d/f", "", false);
        assertEquals(FileError.NOT_EMPTY, reason(() -> files.remove("/tmp/d")));
    }

    @Test
    void sizeLimitsRefuseAndChangeNothing() throws FileError {
        String big = "x".repeat(SessionFiles.MAX_FILE_CHARS);
        files.write("/tmp/big", big, false);
        assertEquals(SessionFiles.FILE_TOO_LARGE, reason(() -> files.write("/tmp/big", "y", true)));
        assertEquals(big.length(), files.size("/tmp/big"));
        for (int i = 1; i < SessionFiles.MAX_TOTAL_CHARS / SessionFiles.MAX_FILE_CHARS; i++) {
            files.write("/tmp/big" + i, big, false);
        }
        assertEquals(SessionFiles.NO_SPACE, reason(() -> files.write("/tmp/one-more", "z", false)));
        assertFalse(files.exists("/tmp/one-more"));
        files.remove("/tmp/big1");
        files.write("/tmp/one-more", "z", false);
    }

    @Test
    void namesAndEntriesAreBounded() throws FileError {
        assertEquals(SessionFiles.NAME_TOO_LONG, reason(() -> files.mkdir("/tmp/" + "n".repeat(256))));
        files.mkdir("/tmp/" + "n".repeat(255));
        String deep = "/tmp/" + "d/".repeat(509) + "d";
        assertEquals(SessionFiles.NAME_TOO_LONG, reason(() -> files.write(deep + "/x", "", false)));
        int made = 0;
        try {
            for (; made < SessionFiles.MAX_ENTRIES; made++) {
                files.write("/tmp/f" + made, "", false);
            }
        } catch (FileError e) {
            assertEquals(SessionFiles.NO_SPACE, e.reason());
        }
        assertTrue(made < SessionFiles.MAX_ENTRIES && made > SessionFiles.MAX_ENTRIES - 10, "made " + made);
        assertEquals(SessionFiles.NO_SPACE, reason(() -> files.mkdir("/tmp/one-more")));
        files.write("/tmp/f0", "an existing file may still change", false);
    }

    @Test
    void theRootListsTheSystemFoldersAndTmp() throws FileError {
        assertTrue(files.isDirectory("/tmp"));
        assertEquals(List.of("Applications", "Library", "System", "Users", "Volumes", "bin", "dev", "private", "sbin",
                "tmp", "usr", "var"), files.list("/"));
    }

    /** A store in memory that records what it was asked. */
    static final class MemoryStore implements HomeStore {
        final Map<String, String> entries = new TreeMap<>();
        final List<String> calls = new ArrayList<>();
        boolean failSaves;

        @Override
        public boolean exists() {
            return !entries.isEmpty();
        }

        @Override
        public void load(BiConsumer<String, String> into) {
            entries.forEach(into);
        }

        @Override
        public void save(String absolute, String text) throws FileError {
            if (failSaves) {
                throw new FileError(SessionFiles.IO_ERROR);
            }
            calls.add("save " + absolute);
            entries.put(absolute, text);
        }

        @Override
        public void delete(String absolute) {
            calls.add("delete " + absolute);
            entries.remove(absolute);
        }
    }

    @Test
    void aNewStoreIsSeededWithTheImagesHomeAndThenIsTheWholeHome() throws FileError {
        MemoryStore store = new MemoryStore();
        new SessionFiles().persistTo(store);
        assertEquals(List.of("save " + HOME, "save " + HOME + "/README.txt"), store.calls);
        store.entries.remove(HOME + "/README.txt");
        SessionFiles next = new SessionFiles().persistTo(store);
        assertEquals(List.of(), next.list(HOME), "a README the learner removed stays removed");
    }

    @Test
    void onlyTheHomeGoesToTheStoreAndAFailedSaveChangesNothing() throws FileError {
        MemoryStore store = new MemoryStore();
        SessionFiles persisted = new SessionFiles().persistTo(store);
        store.calls.clear();
        persisted.write("/tmp/t", "t", false);
        persisted.mkdir(HOME + "/d");
        persisted.write(HOME + "/d/f", "f", false);
        persisted.remove(HOME + "/d/f");
        assertEquals(List.of("save " + HOME + "/d", "save " + HOME + "/d/f", "delete " + HOME + "/d/f"), store.calls);
        store.failSaves = true;
        assertEquals(SessionFiles.IO_ERROR, reason(() -> persisted.write(HOME + "/g", "g", false)));
        assertFalse(persisted.exists(HOME + "/g"));
        SessionFiles restored = new SessionFiles().persistTo(store);
        assertEquals(List.of("README.txt", "d"), restored.list(HOME));
    }

    @Test
    void aStoreThatCannotBeSeededLeavesTheHomeInMemory() throws FileError {
        MemoryStore store = new MemoryStore();
        store.failSaves = true;
        SessionFiles inMemory = new SessionFiles().persistTo(store);
        inMemory.write(HOME + "/a", "a", false);
        assertEquals("a", inMemory.read(HOME + "/a"));
        assertTrue(store.entries.isEmpty());
    }
}
