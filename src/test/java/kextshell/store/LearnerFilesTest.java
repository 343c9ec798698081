package kextshell.store;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LearnerFilesTest {
    @TempDir
    Path tmp;

    @Test
    void atomicWriteReplacesWholeAndKeepsTheMode() throws IOException {
        Path file = tmp.resolve("a/b/file");
        LearnerFiles.writeAtomically(file, "one\n");
        assertEquals("rw-r--r--", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        LearnerFiles.writeAtomically(file, "two\n");
        assertEquals("two\n", Files.readString(file));
        assertEquals("rw-------", PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var list = Files.list(file.getParent())) {
            assertEquals(1, list.count(), "no temporary file left behind");
        }
    }

    @Test
    void D5_aHugeFileIsRefusedBeforeItIsRead() throws IOException {
        Path big = tmp.resolve("big");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(2L << 30); // sparse 2 GB: reading it would need 2 GB of heap
        }
        LearnerFiles.Unreadable e = assertThrows(LearnerFiles.Unreadable.class, () -> LearnerFiles.read(big, 1 << 20));
        assertTrue(e.getMessage().contains("limit"), e.getMessage());
    }

    @Test
    void readIsStrictUtf8AndMissingIsNull() throws IOException {
        assertNull(LearnerFiles.read(tmp.resolve("missing"), 10));
        Path bad = tmp.resolve("bad");
        Files.write(bad, new byte[] {'o', 'k', (byte) 0xc3});
        assertEquals("not UTF-8 text", assertThrows(LearnerFiles.Unreadable.class,
                () -> LearnerFiles.read(bad, 10)).getMessage());
        assertThrows(LearnerFiles.Unreadable.class, () -> LearnerFiles.read(tmp, 10), "a directory");
    }
}
