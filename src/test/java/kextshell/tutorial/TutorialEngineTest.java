package kextshell.tutorial;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import kextshell.kernel.KernelLog;
import kextshell.kernel.Task;
import kextshell.shell.Invocation;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.ShellCommand;
import kextshell.transcript.TranscriptException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TutorialEngineTest {
    static final String DRIVER_ID = "com.osxkernel.driver";
    static final String DRIVER = "com_osxkernel_driver";

    @TempDir
    Path tmp;
    Path lessons;
    Path progressFile;
    Session session;

    /** Test-only stand-in for kextload: {@code load BUNDLE-ID}. */
    static final ShellCommand LOAD = new ShellCommand() {
        @Override
        public String name() {
            return "load";
        }

        @Override
        public String summary() {
            return "test: load a kext by bundle id";
        }

        @Override
        public int run(Invocation inv, List<String> args) {
            var kexts = inv.session().kernel().kexts();
            var r = kexts.loadRequest(kexts.bundleOnDisk(args.get(0)), KernelLog.DEFAULT_FILTER);
            inv.console().out("loaded " + args.get(0) + " " + r);
            return 0;
        }
    };

    /** Test-only stand-in for launch: {@code spawn NAME} prints the new pid. */
    static final ShellCommand SPAWN = new ShellCommand() {
        @Override
        public String name() {
            return "spawn";
        }

        @Override
        public String summary() {
            return "test: start a process";
        }

        @Override
        public int run(Invocation inv, List<String> args) {
            Task t = inv.session().kernel().userSpace().spawn(args.get(0));
            inv.console().out("pid " + t.pid());
            return 0;
        }
    };

    static String lesson(String id, String allow, String setup, String goals, String solution) {
        return "---\nid: " + id + "\ntitle: Test " + id + "\nrequires: []\nallow: [" + allow + "]\nseed: 3\n---\n"
                + "## Setup\n\n```kextshell\n" + setup + "```\n\n## Story\n\nA story.\n\n## Goal\n\n" + goals
                + "\n## Hints\n\n1. First hint.\n2. Second hint,\n   on two lines.\n\n## Solution\n\n```kextshell\n"
                + solution + "```\n\n## Debrief\n\nWell done.\n";
    }

    static final String WELCOME = lesson("00-root", "whoami, sudo", "",
            "- You are root  `check user root`\n- whoami said root  `check last-output contains root`\n",
            "$ sudo -s\n$ whoami\nroot\n");

    static final String LOADING = lesson("01-load", "load, spawn, sudo, whoami", "",
            "- The driver is loaded  `check kext-loaded " + DRIVER_ID + "`\n"
                    + "- Two driver objects exist  `check instances " + DRIVER + " -eq 1`\n",
            "$ load " + DRIVER_ID + "\n...\n");

    @BeforeEach
    void setUp() throws IOException {
        lessons = Files.createDirectories(tmp.resolve("tutorials"));
        progressFile = tmp.resolve("home/.kextshell/progress.json");
        Files.writeString(lessons.resolve("00-root.md"), WELCOME);
        Files.writeString(lessons.resolve("01-load.md"), LOADING);
        session = newSession();
    }

    Session newSession() throws IOException {
        Session s = Kextshell.newSession();
        s.register(LOAD);
        s.register(SPAWN);
        TutorialEngine.of(s).useLessons(lessons).useProgressFile(progressFile);
        return s;
    }

    Result run(String line) {
        return session.execute(line);
    }

    // ---- parser ------------------------------------------------------------------------------

    static TranscriptException parseError(String text) {
        return assertThrows(TranscriptException.class, () -> LessonParser.parse(null, "t.md", text, null));
    }

    @Test
    void parsesAWellFormedLesson() throws TranscriptException {
        Lesson l = LessonParser.parse(null, "t.md", LOADING, "01-load");
        assertEquals("01-load", l.id());
        assertEquals(List.of("load", "spawn", "sudo", "whoami"), l.allow());
        assertEquals(3, l.seed());
        assertEquals(2, l.goals().size());
        assertEquals("The driver is loaded", l.goals().get(0).text());
        assertEquals(List.of("First hint.", "Second hint,\non two lines."), l.hints());
        assertEquals(1, l.solution().steps().size());
        assertEquals("Well done.", l.debrief());
    }

    @Test
    void parserErrorsNameTheLine() {
        assertEquals("t.md:1: a lesson starts with front matter: a '---' line, 'key: value' lines, a '---' line",
                parseError("## Setup\n").getMessage());
        assertEquals(3, parseError(WELCOME.replace("title:", "titel:")).line());
        assertEquals(6, parseError(WELCOME.replace("seed: 3", "seed: x")).line());
        // a goal with a bad predicate: the line of the goal item
        TranscriptException e = parseError(WELCOME.replace("check user root", "check user admin"));
        assertEquals(lineOf(WELCOME, "- You are root"), e.line());
        assertTrue(e.reason().contains("expected 'root' or 'learner'"), e.reason());
        // goal item without a check
        assertEquals(lineOf(WELCOME, "- You are root"), parseError(WELCOME.replace("  `check user root`", "")).line());
        // sections out of order
        String swapped = WELCOME.replace("## Story", "## Tmp").replace("## Goal", "## Story").replace("## Tmp", "## Goal");
        assertEquals(lineOf(swapped, "## Goal"), parseError(swapped).line());
        // hints numbered wrongly
        assertEquals(lineOf(WELCOME, "2. Second"), parseError(WELCOME.replace("2. Second", "3. Second")).line());
        // a runnable block outside Setup and Solution
        String story = WELCOME.replace("A story.", "```kextshell\n$ whoami\n```");
        assertEquals(lineOf(story, "## Story") + 2, parseError(story).line());
        // tutorial commands can't run inside a lesson block
        String recursive = WELCOME.replace("$ sudo -s", "$ solution --yes");
        assertEquals(lineOf(recursive, "$ solution --yes"), parseError(recursive).line());
        // block options belong in the front matter
        String seeded = WELCOME.replace("## Solution\n\n```kextshell", "## Solution\n\n```kextshell seed=4");
        assertEquals(lineOf(seeded, "```kextshell seed=4"), parseError(seeded).line());
        // a transcript error inside the Solution keeps its own line number
        String status = WELCOME.replace("root\n```", "root\n? 0\n```");
        assertEquals(lineOf(status, "? 0"), parseError(status).line());
    }

    @Test
    void idMustMatchTheFileName() {
        TranscriptException e = assertThrows(TranscriptException.class,
                () -> LessonParser.parse(null, "t.md", WELCOME, "07-other"));
        assertEquals(2, e.line());
    }

    static int lineOf(String text, String start) {
        String[] lines = text.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            if (lines[i].startsWith(start)) {
                return i + 1;
            }
        }
        throw new AssertionError("no line " + start);
    }

    // ---- check -------------------------------------------------------------------------------

    @Test
    void checkPredicatesAgainstTheKernel() {
        assertEquals(new Result("✗ kext-loaded " + DRIVER_ID + " (it is not loaded)\n", 1), run("check kext-loaded " + DRIVER_ID));
        assertEquals(0, run("check kext-unloaded " + DRIVER_ID).exitCode());
        assertEquals("✗ kext-unloaded com.example.nothing (no kext with this bundle id is installed)\n",
                run("check kext-unloaded com.example.nothing").output());
        assertEquals(0, run("check instances " + DRIVER + " -eq 0").exitCode());
        run("load " + DRIVER_ID);
        assertEquals(new Result("✓ kext-loaded " + DRIVER_ID + "\n", 0), run("check kext-loaded " + DRIVER_ID));
        assertEquals(new Result("✓ instances " + DRIVER + " -ge 1\n", 0), run("check instances " + DRIVER + " -ge 1"));
        assertEquals(new Result("✗ instances " + DRIVER + " -le 0 (found 1)\n", 1), run("check instances " + DRIVER + " -le 0"));
        assertEquals(0, run("check event loaded " + DRIVER_ID).exitCode());
        assertEquals(0, run("check event start " + DRIVER + " -eq 1").exitCode());
        assertEquals(1, run("check event terminate " + DRIVER).exitCode());

        assertEquals("✗ process 401 alive (no process 401)\n", run("check process 401 alive").output());
        run("spawn clientd");
        assertEquals(0, run("check process 401 alive").exitCode());
        assertEquals(1, run("check process 401 exited").exitCode());
        assertEquals(0, run("check connections 401 -eq 0").exitCode());
        assertEquals(1, run("check connections 401 -ge 1 state LIVE").exitCode());
    }

    @Test
    void lastStatusAndOutputIgnoreTutorialCommands() {
        run("kextsat");
        assertEquals(new Result("✓ last-status -eq 127\n", 0), run("check last-status -eq 127"));
        // the check above did not become "the last command"
        assertEquals(0, run("check last-status -eq 127").exitCode());
        run("whoami");
        assertEquals(0, run("check last-output contains learner").exitCode());
        assertEquals(0, run("check last-output contains lear ner".replace("lear ner", "\"learner\"")).exitCode());
        assertEquals(1, run("check last-output contains root").exitCode());
        assertEquals(0, run("check user learner").exitCode());
        run("sudo -s");
        assertEquals(0, run("check user root").exitCode());
    }

    @Test
    void badPredicatesAreUsageErrors() {
        for (String bad : List.of("check", "check nothing", "check instances X = 1", "check instances X -eq -1",
                "check connections abc -eq 1", "check connections 401 -eq 1 state OPEN", "check last-output has x",
                "check process 401 sleeping", "check kext-loaded", "check event terminat com_osxkernel_driver")) {
            Result r = run(bad);
            assertEquals(64, r.exitCode(), bad);
            assertTrue(r.output().startsWith("check: "), r.output());
        }
    }

    // ---- lessons -----------------------------------------------------------------------------

    @Test
    void startShowsStoryAndGoalAndCompletesOnce() {
        Result start = run("tutorial start 00-root");
        assertEquals(0, start.exitCode());
        assertTrue(start.output().contains("A story."));
        assertTrue(start.output().contains("  ✗ You are root\n  ✗ whoami said root\n"), start.output());
        run("sudo -s");
        assertEquals("Goal:\n  ✓ You are root\n  ✗ whoami said root\n", run("goal").output());
        Result done = run("whoami");
        assertTrue(done.output().startsWith("root\n\n★ Lesson complete: Test 00-root\n\nWell done.\n"), done.output());
        assertTrue(TutorialEngine.of(session).progress().isCompleted("00-root"));
        assertFalse(run("whoami").output().contains("Lesson complete"), "the debrief is printed once");
        assertTrue(run("tutorial list").output().contains("> ✓ 00-root"));
    }

    @Test
    void hintsComeInOrderThenRunOut() {
        run("tutorial start 0");
        assertEquals("Hint 1 of 2: First hint.\n", run("hint").output());
        assertEquals("Hint 2 of 2: Second hint,\n  on two lines.\n", run("hint").output());
        assertTrue(run("hint").output().startsWith("No more hints"));
        assertEquals("Hint 2 of 2: Second hint,\n  on two lines.\n", run("hint 2").output(), "hint N shows it again");
        assertEquals(1, run("hint").output().lines().count());
    }

    @Test
    void commandsOutsideAllowAreRefused() {
        run("tutorial start 00-root");
        Result r = run("load " + DRIVER_ID);
        assertEquals(1, r.exitCode());
        assertTrue(r.output().startsWith("tutorial: 'load' is not part of this lesson. Allowed here: whoami, sudo"), r.output());
        assertEquals(1, run("sudo load " + DRIVER_ID).exitCode());
        assertEquals(0, run("check kext-unloaded " + DRIVER_ID).exitCode(), "nothing was loaded");
        assertEquals(127, run("kextsat").exitCode(), "unknown commands are still unknown");
        assertEquals(0, run("sudo whoami").exitCode());
        assertEquals(0, run("progress").exitCode());
        assertEquals(0, run("cat /Users/learner/README.txt | grep -c .").exitCode(), "reading is always allowed");
        assertTrue(run("lesson").output().startsWith("Lesson 00-root: "), "lesson re-shows the text");
        assertTrue(session.prompt().startsWith("[00-root] learner@kextlab"), session.prompt());
        assertEquals(0, run("ps").exitCode());
        run("tutorial stop");
        assertEquals(0, run("load " + DRIVER_ID).exitCode(), "free play allows everything");
    }

    @Test
    void solutionAsksFirstAndAnythingButYesCancels() {
        run("tutorial start 00-root");
        assertEquals(new Result("Show and run the solution? [y/N]\n", 0), run("solution"));
        assertEquals(new Result("Cancelled.\n", 1), run("whoami"));
        assertEquals(1, run("check last-output contains learner").exitCode(),
                "the answer line was not run as a command");
        run("solution");
        assertEquals(new Result("Cancelled.\n", 1), run(""));
        run("solution");
        Result shown = run("y");
        assertTrue(shown.output().contains("$ sudo -s\n$ whoami\nroot\n"), shown.output());
        assertTrue(shown.output().contains("★ Lesson complete"), shown.output());
        assertTrue(session.isRoot());
    }

    @Test
    void solutionYesSkipsTheQuestion() {
        run("tutorial start 00-root");
        Result r = run("solution --yes");
        assertTrue(r.output().startsWith("Back at the lesson's start; running the solution:\n$ sudo -s\n"), r.output());
        assertEquals(64, run("solution --now").exitCode());
    }

    @Test
    void resetAsksThenRebuildsTheLessonsStart() {
        run("tutorial start 01-load");
        run("load " + DRIVER_ID);
        assertEquals(0, run("check kext-loaded " + DRIVER_ID).exitCode());
        run("reset");
        run("no");
        assertEquals(0, run("check kext-loaded " + DRIVER_ID).exitCode(), "cancelled: nothing changed");
        run("reset");
        assertEquals("Lesson 01-load is back at its start.\n", run("yes").output());
        assertEquals(0, run("check kext-unloaded " + DRIVER_ID).exitCode());
        assertEquals(3, session.config().seed(), "the lesson's seed");
    }

    @Test
    void undoTakesBackTheLastStateChange() {
        run("tutorial start 00-root");
        run("sudo -s");
        run("whoami");
        assertTrue(session.isRoot());
        assertEquals("Undid: sudo -s\n", run("undo").output());
        assertFalse(session.isRoot());
        assertEquals(1, run("undo").exitCode(), "nothing left to undo");
        run("tutorial start 01-load");
        run("spawn a");
        run("load " + DRIVER_ID);
        run("check instances " + DRIVER + " -eq 1");
        run("undo");
        assertEquals(0, run("check kext-unloaded " + DRIVER_ID).exitCode());
        assertEquals(0, run("check process 401 alive").exitCode(), "the spawn before it was replayed");
        assertEquals(List.of("spawn a"), TutorialEngine.of(session).history());
    }

    @Test
    void resetWithoutALessonBootsAFreshKernel() {
        run("load " + DRIVER_ID);
        run("reset --yes");
        assertEquals(0, run("check kext-unloaded " + DRIVER_ID).exitCode());
    }

    @Test
    void tutorialCommandsNeedALesson() {
        for (String line : List.of("goal", "hint", "solution", "undo", "tutorial stop")) {
            assertEquals(1, run(line).exitCode(), line);
        }
        assertEquals(1, run("tutorial start 42").exitCode());
        assertEquals(64, run("tutorial frobnicate").exitCode());
    }

    @Test
    void nextStartsTheFollowingLesson() {
        run("tutorial start 00-root");
        assertTrue(run("tutorial next").output().startsWith("Lesson 01-load: Test 01-load"));
        assertEquals("This is the last lesson.\n", run("tutorial next").output());
        run("tutorial stop");
        assertTrue(run("tutorial next").output().startsWith("Lesson 00-root"), "first lesson not completed");
    }

    // ---- progress ----------------------------------------------------------------------------

    @Test
    void progressSurvivesExportResetImport() throws IOException {
        run("tutorial start 00-root");
        run("solution --yes");
        assertTrue(Files.readString(progressFile).contains("\"00-root\""));
        Path export = tmp.resolve("backup.json");
        assertEquals(0, run("progress export " + export).exitCode());
        run("progress reset");
        assertEquals("Progress cleared.\n", run("y").output());
        assertFalse(Files.readString(progressFile).contains("00-root"));
        assertTrue(run("progress").output().startsWith("Completed 0 of 2 lessons."));
        assertEquals(new Result("Imported 1 completed lesson from " + export + ".\n", 0), run("progress import " + export));
        assertTrue(run("progress").output().startsWith("Completed 1 of 2 lessons.\n  ✓ 00-root\n"));
        // a new session reads the same file
        session = newSession();
        assertTrue(run("tutorial list").output().contains("  ✓ 00-root"));
    }

    @Test
    void progressFilesAreStrict() throws IOException {
        Path bad = tmp.resolve("bad.json");
        for (String json : List.of("", "{}", "{\"format\": \"kextshell-progress\", \"version\": 2, \"completed\": []}",
                "{\"format\": \"kextshell-progress\", \"version\": 1, \"completed\": [\"x\"]}",
                "{\"format\": \"kextshell-progress\", \"version\": 1, \"completed\": [], \"extra\": 1}",
                "{\"format\": \"kextshell-progress\", \"version\": 1, \"completed\": []} trailing")) {
            Files.writeString(bad, json);
            Result r = run("progress import " + bad);
            assertEquals(1, r.exitCode(), json);
            assertTrue(r.output().contains("nothing imported"), r.output());
        }
        Progress p = new Progress();
        p.complete("03-a-b");
        p.complete("00-root");
        assertEquals(p.completed(), Progress.parse(p.toJson()).completed());
        assertEquals(0, Progress.parse(new Progress().toJson()).completed().size());
    }

    @Test
    void withoutAProgressFileNothingIsWritten() throws IOException {
        Session s = Kextshell.newSession();
        TutorialEngine.of(s).useLessons(lessons);
        s.execute("tutorial start 00-root");
        s.execute("solution --yes");
        assertTrue(TutorialEngine.of(s).progress().isCompleted("00-root"));
        assertFalse(Files.exists(progressFile));
        assertEquals(1, s.execute("progress export " + tmp.resolve("x.json")).exitCode());
        assertFalse(Files.exists(tmp.resolve("x.json")));
    }

    // ---- validate ----------------------------------------------------------------------------

    String validate(boolean update, String... ids) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        Tutorials.validate(Kextshell.sessions(), lessons, List.of(ids), update, new PrintStream(bytes, true, StandardCharsets.UTF_8));
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void validatePassesAGoodLesson() {
        assertEquals("PASS 00-root\n1 passed, 0 failed\n", validate(false, "00-root"));
    }

    @Test
    void validateCatchesAGoalMetBySetup() throws IOException {
        Files.writeString(lessons.resolve("02-x.md"), lesson("02-x", "whoami, sudo", "$ sudo -s\n",
                "- You are root  `check user root`\n", "$ whoami\nroot\n"));
        String out = validate(false, "02-x");
        assertTrue(out.contains("FAIL 02-x\n  the goal is already met right after Setup"), out);
    }

    @Test
    void validateCatchesDisallowedCommandsWrongOutputAndUnmetGoals() throws IOException {
        Files.writeString(lessons.resolve("02-x.md"), lesson("02-x", "whoami", "",
                "- You are root  `check user root`\n", "$ sudo whoami\nadmin\n"));
        String out = validate(false, "02-x");
        assertTrue(out.contains("the Solution uses 'sudo', which is not in allow [whoami]"), out);
        assertTrue(out.contains("goal not met after the Solution: ✗ You are root"), out);
        assertTrue(out.contains("-admin\n  +root"), out);
        assertTrue(out.endsWith("0 passed, 1 failed\n"), out);
        assertTrue(validate(false, "99").contains("no lesson '99'"));
    }

    @Test
    void validateUpdateBlessesTheSolution() throws IOException {
        Path file = lessons.resolve("00-root.md");
        Files.writeString(file, WELCOME.replace("$ whoami\nroot\n", "$ whoami\nnobody\n"));
        assertTrue(validate(false, "00-root").startsWith("FAIL"));
        assertEquals("PASS 00-root (Solution/Setup output rewritten)\n1 passed, 0 failed\n", validate(true, "00-root"));
        assertEquals(WELCOME, Files.readString(file));
    }

    @Test
    void D7_validateUpdateRewritesTheLessonAtomically() throws IOException {
        Path file = lessons.resolve("00-root.md");
        Files.writeString(file, WELCOME.replace("$ whoami\nroot\n", "$ whoami\nnobody\n"));
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-r-----"));
        Object inode = Files.getAttribute(file, "unix:ino");
        validate(true, "00-root");
        assertEquals(WELCOME, Files.readString(file));
        assertFalse(inode.equals(Files.getAttribute(file, "unix:ino")), "a new file renamed into place, not rewritten in place");
        assertEquals("rw-r-----", java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)));
        try (var list = Files.list(lessons)) {
            assertEquals(2, list.count(), "no temporary file left behind");
        }
    }

    @Test
    void libraryFindsLessonsByNumberOrName() {
        LessonLibrary lib = new LessonLibrary(lessons);
        assertNotNull(lib.find("1"));
        assertEquals("01-load", lib.find("01").id());
        assertEquals("01-load", lib.find("load").id());
        assertEquals(null, lib.find("2"));
    }
}
