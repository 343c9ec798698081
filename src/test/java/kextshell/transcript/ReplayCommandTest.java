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
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReplayCommandTest {
    @TempDir
    Path dir;

    /** Runs the CLI; returns "status\n" + everything it printed. */
    private static String replay(String input, String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = ReplayCommand.run(args, new ByteArrayInputStream(input.getBytes(StandardCharsets.UTF_8)), out, Kextshell.sessions());
        return status + "\n" + bytes.toString(StandardCharsets.UTF_8);
    }

    private Path file(String name, String text) throws IOException {
        Path path = dir.resolve(name);
        Files.writeString(path, text, StandardCharsets.UTF_8);
        return path;
    }

    private static final String GOOD = "# Good\n\n```kextshell\n$ whoami\nlearner\n$ nope\n"
            + "zsh: command not found: nope\n? 127\n```\n";

    /** Line 8 expects "learnr": the diff must point at line 8 and only there. */
    private static final String WRONG = "# Who\n"        // 1
            + "\n"                                        // 2
            + "Some prose.\n"                             // 3
            + "\n"                                        // 4
            + "```kextshell\n"                            // 5
            + "$ sudo whoami\n"                           // 6
            + "root\n"                                    // 7
            + "$ whoami\n"                                // 8
            + "learnr\n"                                  // 9
            + "```\n";                                    // 10

    @Test
    void checkPassesAGoodFile() throws IOException {
        Path good = file("good.md", GOOD);
        assertEquals("0\n1 passed, 0 failed\n", replay("", "--check", good.toString()));
    }

    @Test
    void diffPointsAtTheChangedLine() throws IOException {
        Path wrong = file("wrong.md", WRONG);
        String name = wrong.toString();
        assertEquals("1\n"
                + "--- " + name + ":8\n"
                + "+++ actual\n"
                + "@@ -8,2 +8,2 @@\n"
                + " $ whoami\n"
                + "-learnr\n"
                + "+learner\n"
                + "0 passed, 1 failed\n", replay("", "--check", name));
    }

    @Test
    void updateRepairsTheFileThenCheckPasses() throws IOException {
        Path wrong = file("wrong.md", WRONG);
        assertEquals("0\nupdated " + wrong + "\n1 updated, 0 unchanged, 0 failed\n", replay("", "--update", wrong.toString()));
        assertEquals(WRONG.replace("learnr\n", "learner\n"), Files.readString(wrong));
        assertEquals("0\n1 passed, 0 failed\n", replay("", "--check", wrong.toString()));
        assertEquals("0\n0 updated, 1 unchanged, 0 failed\n", replay("", "--update", wrong.toString()));
    }

    @Test
    void countsPerFileAndReportsParseErrorsAndMissingFiles() throws IOException {
        Path good = file("good.md", GOOD);
        Path bad = file("bad.md", "# Bad\n\n```kextshell\n$ whoami\n? x\n```\n");
        Path unclosed = file("unclosed.md", "```kextshell\n$ whoami\nlearner\n");
        Path missing = dir.resolve("missing.md");
        String out = replay("", "--check", good.toString(), bad.toString(), unclosed.toString(), missing.toString());
        assertEquals("1\n"
                + bad + ":5: exit status must be a number: '? x'\n"
                + unclosed + ":1: unclosed code fence '```' (opened here, no closing fence before the end of the file)\n"
                + missing + ": no such file\n"
                + "1 passed, 3 failed\n", out);
    }

    @Test
    void checkOutputIsByteIdenticalAcrossRuns() throws IOException {
        Path good = file("good.md", GOOD);
        Path wrong = file("wrong.md", WRONG);
        String first = replay("", "--check", good.toString(), wrong.toString());
        assertEquals(first, replay("", "--check", good.toString(), wrong.toString()));
        assertEquals(first, replay("", "--check", good.toString(), wrong.toString()));
        assertFalse(first.contains("\r") || first.contains("\u001b"));
    }

    @Test
    void playPrintsCommandsOutputAndStatus() throws IOException {
        Path good = file("good.md", GOOD);
        assertEquals("0\n$ whoami\nlearner\n$ nope\nzsh: command not found: nope\n? 127\n",
                replay("", good.toString()));
    }

    @Test
    void stepWaitsForALineBeforeEachCommandAndCarriesOnAtEndOfInput() throws IOException {
        Path good = file("good.md", GOOD);
        assertEquals(replay("", good.toString()), replay("\n", "--step", good.toString()));
        assertEquals(replay("", good.toString()), replay("\n\n\n", "--step", good.toString()));
    }

    @Test
    void usageErrorsAreOneLineNotStackTraces() {
        String out = replay("", "--check", "--update", "x.md");
        assertEquals("64\nreplay: --check and --update cannot be used together\n", out);
        assertTrue(replay("", "--bogus", "x.md").startsWith("64\nUnknown option: '--bogus'"));
        assertEquals("1\n" + dir + ": is a directory; name the .md files to replay\n", replay("", dir.toString()));
    }

    @Test
    void replayingNeverWritesFiles() throws IOException {
        Path target = dir.resolve("written.md");
        Path sneaky = file("sneaky.md", "```kextshell\n$ record " + target + "\n$ whoami\nlearner\n$ record stop\n```\n");
        String out = replay("", "--update", sneaky.toString());
        assertTrue(out.startsWith("0\nupdated "), out);
        assertFalse(Files.exists(target));
        assertTrue(Files.readString(sneaky).contains("record: not available while replaying a transcript\n? 1\n"));
    }
}
