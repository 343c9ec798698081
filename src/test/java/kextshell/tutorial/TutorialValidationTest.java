package kextshell.tutorial;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every lesson in tutorials/ is validated (ux-anchors §2.9 CI checks): goal not met after Setup,
 * Solution output matches, goal met after it, Solution within allow. One test per lesson; the
 * failure message is validate's report. Drafts (tutorials/drafts/) are not lessons yet.
 */
class TutorialValidationTest {
    private static final Path DIR = Path.of(System.getProperty("kextshell.root", "."), "tutorials");

    @TestFactory
    Stream<DynamicTest> lessons() {
        List<LessonLibrary.Entry> entries = new LessonLibrary(DIR).entries();
        assertFalse(entries.isEmpty(), "no lessons in " + DIR.toAbsolutePath());
        return entries.stream().map(e -> DynamicTest.dynamicTest(e.id(), DIR.resolve(e.id() + ".md").toUri(), () -> {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            int status = Tutorials.validate(Kextshell.sessions(), DIR, List.of(e.id()), false, new PrintStream(bytes, true, StandardCharsets.UTF_8));
            assertEquals(0, status, "\n" + bytes.toString(StandardCharsets.UTF_8));
        }));
    }
}
