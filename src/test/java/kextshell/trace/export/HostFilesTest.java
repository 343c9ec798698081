package kextshell.trace.export;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HostFilesTest {
    @TempDir
    Path dir;

    @Test
    void writesANewFileAndLeavesNoTemporaryBehind() throws Exception {
        Path file = dir.resolve("a.svg");
        assertNull(HostFiles.write(file.toString(), "<svg/>", false));
        assertEquals("<svg/>", Files.readString(file));
        try (var files = Files.list(dir)) {
            assertEquals(1, files.count());
        }
    }

    @Test
    void neverReplacesAFileUnlessForced() throws Exception {
        Path file = dir.resolve("a.svg");
        Files.writeString(file, "mine");
        assertEquals(file + ": file exists (add --force to replace it)", HostFiles.write(file.toString(), "x", false));
        assertEquals("mine", Files.readString(file));
        assertNull(HostFiles.write(file.toString(), "x", true));
        assertEquals("x", Files.readString(file));
    }

    @Test
    void failuresAreOneLineWithThePathAndAReason() {
        String missing = dir.resolve("no/such/a.svg").toString();
        assertEquals(missing + ": no such directory", HostFiles.write(missing, "x", false));
        assertEquals(dir + ": is a directory", HostFiles.write(dir.toString(), "x", true));
    }
}
