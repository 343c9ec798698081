package kextshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;
import kextshell.app.Kextshell;
import kextshell.app.Main;
import kextshell.shell.HostHome;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The learner's own shell keeps ~ under $HOME/.kextshell/home; transcripts and lessons do not. */
class LearnerHomeTest {
    private final Path store = HostHome.kextshellDirectory().resolve("home");
    private final ByteArrayOutputStream out = new ByteArrayOutputStream();

    @BeforeEach
    @AfterEach
    void removeTheStore() throws IOException {
        if (Files.exists(store)) {
            try (Stream<Path> all = Files.walk(store)) {
                all.sorted(Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    private int run(String stdin, String... args) {
        out.reset();
        return Main.run(args, new ByteArrayInputStream(stdin.getBytes(StandardCharsets.UTF_8)),
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(out, true, StandardCharsets.UTF_8));
    }

    @Test
    void theStoreIsUnderTheHomeEnvironmentVariable() {
        assertEquals(Path.of(System.getenv("HOME"), ".kextshell", "home"), store);
    }

    @Test
    void dashCAndPipedShellsKeepTheHome() throws IOException {
        assertEquals(0, run("", "-c", "mkdir notes"));
        assertEquals(0, run("touch notes/a\n"));
        assertEquals(0, run("", "-c", "ls notes"));
        assertEquals("a\n", out.toString(StandardCharsets.UTF_8));
        assertTrue(Files.isRegularFile(store.resolve("notes/a")));
        assertTrue(Files.isRegularFile(store.resolve("README.txt")), "a new store starts with the image's home");
    }

    @Test
    void transcriptAndLessonSessionsStartWithAFreshHome() {
        assertEquals(0, run("", "-c", "touch mine"));
        assertEquals("README.txt\n", Kextshell.newSession().execute("ls").output());
    }
}
