package kextshell.tutorial;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.stream.Stream;
import kextshell.shell.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 defect 1: "Progress is lost" (a rejected file was overwritten; two shells lost lessons). */
class ProgressLossTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:02:03Z"), ZoneOffset.UTC);
    static final String GOOD = "{\"format\": \"kextshell-progress\", \"version\": 1, \"completed\": [\"01-load\"]}";

    @TempDir
    Path tmp;
    Path lessons;
    Path progressFile;

    @BeforeEach
    void setUp() throws IOException {
        lessons = Files.createDirectories(tmp.resolve("tutorials"));
        progressFile = tmp.resolve("home/.kextshell/progress.json");
        Files.createDirectories(progressFile.getParent());
        Files.writeString(lessons.resolve("00-root.md"), TutorialEngineTest.WELCOME);
        Files.writeString(lessons.resolve("01-load.md"), TutorialEngineTest.LOADING);
    }

    Session shell() throws IOException {
        Session s = Kextshell.newSession();
        s.register(TutorialEngineTest.LOAD);
        TutorialEngine.of(s).useLessons(lessons).useProgressFile(progressFile, CLOCK);
        return s;
    }

    static void complete(Session s, String id) {
        assertEquals(0, s.execute("tutorial start " + id).exitCode());
        s.execute("solution --yes");
        assertTrue(TutorialEngine.of(s).progress().isCompleted(id));
    }

    @Test
    void D1_aRejectedProgressFileIsMovedAsideNamedAndNeverOverwritten() throws IOException {
        List<byte[]> rejected = List.of(
                ("\uFEFF" + GOOD).getBytes(StandardCharsets.UTF_8),
                GOOD.replace("]}", "],}").getBytes(StandardCharsets.UTF_8),
                GOOD.substring(0, 40).getBytes(StandardCharsets.UTF_8),
                GOOD.replace("}", ", \"extra\": 1}").getBytes(StandardCharsets.UTF_8),
                GOOD.replace("1,", "2,").getBytes(StandardCharsets.UTF_8),
                new byte[] {(byte) 0xff, (byte) 0xfe, '{'});
        for (byte[] bytes : rejected) {
            Files.write(progressFile, bytes);
            Session s = shell();
            Path aside = progressFile.resolveSibling("progress.json.corrupt-20261130T010203Z");
            List<String> notices = TutorialEngine.of(s).takeNotices();
            assertEquals(1, notices.size(), new String(bytes, StandardCharsets.UTF_8));
            assertTrue(notices.get(0).contains(progressFile.toString()) && notices.get(0).contains(aside.toString()),
                    notices.get(0));
            assertArrayEquals(bytes, Files.readAllBytes(aside), "the learner's bytes are kept as they were");
            complete(s, "00-root");
            assertTrue(Files.readString(progressFile).contains("00-root"));
            assertArrayEquals(bytes, Files.readAllBytes(aside), "completing a lesson did not touch the backup");
            Files.delete(aside);
        }
    }

    @Test
    void D1_aSecondBackupDoesNotReplaceTheFirst() throws IOException {
        Files.writeString(progressFile, "first");
        shell();
        Files.writeString(progressFile, "second");
        Session s = shell();
        assertTrue(TutorialEngine.of(s).takeNotices().get(0).contains("progress.json.corrupt-20261130T010203Z-2"));
        assertEquals("first", Files.readString(progressFile.resolveSibling("progress.json.corrupt-20261130T010203Z")));
        assertEquals("second", Files.readString(progressFile.resolveSibling("progress.json.corrupt-20261130T010203Z-2")));
    }

    @Test
    void D1_aFileThatCannotBeMovedAsideIsNeitherReadNorWritten() throws IOException {
        Files.writeString(progressFile, "{ broken");
        Path dir = progressFile.getParent();
        Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("r-x------"));
        try {
            org.junit.jupiter.api.Assumptions.assumeFalse(Files.isWritable(dir), "root ignores directory modes");
            Session s = Kextshell.newSession();
            IOException e = assertThrows(IOException.class,
                    () -> TutorialEngine.of(s).useLessons(lessons).useProgressFile(progressFile, CLOCK));
            assertTrue(e.getMessage().contains(progressFile.toString()) && e.getMessage().contains("will not be saved"),
                    e.getMessage());
            complete(s, "00-root");
        } finally {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        }
        assertEquals("{ broken", Files.readString(progressFile));
    }

    @Test
    void D1_twoShellsOpenAtOnceKeepBothLessons() throws IOException {
        Session first = shell();
        Session second = shell();
        complete(first, "00-root");
        complete(second, "01-load");
        Progress onDisk = Progress.parse(Files.readString(progressFile));
        assertEquals(java.util.Set.of("00-root", "01-load"), onDisk.completed());
        assertTrue(TutorialEngine.of(second).progress().isCompleted("00-root"), "the merge is visible at once");
    }

    @Test
    void D1_progressIsWrittenWithoutLeavingTemporaryFiles() throws IOException {
        Session s = shell();
        complete(s, "00-root");
        try (Stream<Path> files = Files.list(progressFile.getParent())) {
            assertEquals(List.of("progress.json", "progress.json.lock"),
                    files.map(p -> p.getFileName().toString()).sorted().toList());
        }
    }

    @Test
    void D1_resetStillForgetsOnPurpose() throws IOException {
        Files.writeString(progressFile, GOOD);
        Session s = shell();
        s.execute("progress reset --yes");
        assertFalse(Files.readString(progressFile).contains("01-load"), "reset replaces, it does not merge");
    }
}
