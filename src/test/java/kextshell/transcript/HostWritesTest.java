package kextshell.transcript;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kextshell.app.Main;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.tutorial.TutorialEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 defect 4: {@code record}, {@code --record} and {@code progress export} overwrote host
 * files, replaced symlinks and printed class names or stack traces.
 */
class HostWritesTest {
    @TempDir
    Path tmp;

    static void assertOneCleanLine(Result r, String expected) {
        assertEquals(1, r.exitCode(), r.output());
        assertEquals(expected + "\n", r.output());
    }

    private int main(ByteArrayOutputStream err, String... args) {
        return Main.run(args, new ByteArrayInputStream("whoami\n".getBytes(StandardCharsets.UTF_8)),
                new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));
    }

    @Test
    void D4_recordRefusesToOverwriteWithoutForce() throws IOException {
        Path readme = Files.writeString(tmp.resolve("README.md"), "precious\n");
        Session s = Kextshell.newSession();
        assertOneCleanLine(s.execute("record " + readme), "record: " + readme + ": File exists (add --force to replace it)");
        assertEquals("precious\n", Files.readString(readme));
        assertEquals(0, s.execute("record --force " + readme).exitCode());
        s.execute("whoami");
        assertEquals(0, s.execute("record stop").exitCode());
        assertTrue(Files.readString(readme).contains("$ whoami\nlearner\n"));
    }

    @Test
    void D4_recordNeverFollowsOrReplacesASymlink() throws IOException {
        Path target = Files.writeString(tmp.resolve("target.md"), "keep\n");
        Path link = Files.createSymbolicLink(tmp.resolve("link.md"), target);
        for (String force : new String[] {"", "--force "}) {
            assertOneCleanLine(Kextshell.newSession().execute("record " + force + link),
                    "record: " + link + ": is a symbolic link; not writing through or replacing it");
        }
        assertTrue(Files.isSymbolicLink(link));
        assertEquals("keep\n", Files.readString(target));
    }

    @Test
    void D4_recordRootDirectoryAndMissingDirectoryAreOneLine() {
        assertOneCleanLine(Kextshell.newSession().execute("record /"), "record: /: Is a directory");
        assertOneCleanLine(Kextshell.newSession().execute("record " + tmp), "record: " + tmp + ": Is a directory");
        assertOneCleanLine(Kextshell.newSession().execute("record sub/dir/x.md"), "record: sub/dir/x.md: No such file or directory");
        assertOneCleanLine(Kextshell.newSession().execute("record /dev/null"), "record: /dev/null: not a regular file");
    }

    @Test
    void D4_dashDashRecordRootIsOneLineNotAStackTrace() throws IOException {
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        assertEquals(73, main(err, "--record", "/")); // EX_CANTCREAT
        assertEquals("kextshell: --record: /: Is a directory\n", err.toString(StandardCharsets.UTF_8));
        Path existing = Files.writeString(tmp.resolve("old.md"), "old\n");
        err.reset();
        assertEquals(73, main(err, "--record", existing.toString()));
        assertEquals("old\n", Files.readString(existing));
        assertEquals(0, main(new ByteArrayOutputStream(), "--record", existing.toString(), "--force"));
        assertTrue(Files.readString(existing).contains("$ whoami"));
    }

    @Test
    void D4_progressExportRefusesToOverwriteWithoutForce() throws IOException {
        Session s = Kextshell.newSession();
        TutorialEngine.of(s).useProgressFile(tmp.resolve("home/progress.json"));
        Path readme = Files.writeString(tmp.resolve("README"), "precious\n");
        assertOneCleanLine(s.execute("progress export " + readme),
                "progress: " + readme + ": File exists (add --force to replace it)");
        assertEquals("precious\n", Files.readString(readme));
        assertOneCleanLine(s.execute("progress export " + tmp), "progress: " + tmp + ": Is a directory");
        assertEquals(0, s.execute("progress export --force " + readme).exitCode());
        assertTrue(Files.readString(readme).contains("kextshell-progress"));
        assertOneCleanLine(s.execute("progress export " + tmp.resolve("no/such/x.json")),
                "progress: " + tmp.resolve("no/such/x.json") + ": No such file or directory");
        assertFalse(Files.exists(tmp.resolve("no")));
    }
}
