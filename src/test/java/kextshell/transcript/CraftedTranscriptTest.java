package kextshell.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 15 defect 3: "A crafted transcript hangs or crashes replay, validation and CI". The
 * timeouts only stop a hang; speed itself is measured by {@code ./kextshell bench hardening}.
 */
class CraftedTranscriptTest {
    static final Duration HANG = Duration.ofSeconds(10);

    @TempDir
    Path dir;

    static TranscriptResult check(String text) throws TranscriptException {
        return TranscriptRunner.run(TranscriptParser.parse("crafted.md", text), kextshell.app.Kextshell.sessions());
    }

    @Test
    void D3_nestedQuantifiersDoNotBacktrackForever() throws TranscriptException {
        String as = "a".repeat(50);
        String text = "```kextshell\n$ " + as + "\nzsh: command not found: ((a+)+)+b (re)\n? 127\n```\n";
        TranscriptResult r = assertTimeoutPreemptively(HANG, () -> check(text));
        assertFalse(r.passed(), "50 a's are not followed by b");
        assertTrue(check(text.replace("((a+)+)+b", "((a+)+)+")).passed());
    }

    @Test
    void D3_alternationUnderAStarDoesNotOverflowTheStack() {
        String word = "ab".repeat(50_000);
        String text = "```kextshell\n$ " + word + "\nzsh: command not found: (?:a|b)*c (re)\n? 127\n```\n";
        assertFalse(assertTimeoutPreemptively(HANG, () -> check(text)).passed());
        assertTrue(assertTimeoutPreemptively(HANG, () -> check(text.replace("*c (re)", "* (re)"))).passed());
    }

    @Test
    void D3_backtrackingOnlySyntaxIsAOneLineParseError() {
        TranscriptException e = assertThrows(TranscriptException.class,
                () -> TranscriptParser.parse("t.md", "```kextshell\n$ x\n(a)\\1 (re)\n```\n"));
        assertTrue(e.getMessage().startsWith("t.md:3: bad (re) line"), e.getMessage());
    }

    @Test
    void D3_aHugeMismatchUsesBoundedMemory() {
        List<ExpectedLine> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        for (int i = 0; i < 20_000; i++) {
            expected.add(new ExpectedLine(i + 1, "expected " + i, ExpectedLine.Kind.EXACT, null));
            actual.add("actual " + i);
        }
        expected.add(10_000, new ExpectedLine(0, "...", ExpectedLine.Kind.ELLIPSIS, null));
        // the full table would be 20,001 x 20,001 cells: 1.6 GB of ints and booleans
        Alignment a = assertTimeoutPreemptively(HANG, () -> Alignment.of(expected, actual));
        assertFalse(a.matches());
        assertEquals(40_001, a.ops().size(), "every line still appears once in the diff");
    }

    @Test
    void D3_aHugeMatchingBlockStillMatchesAndKeepsItsOps() {
        List<ExpectedLine> expected = new ArrayList<>();
        List<String> actual = new ArrayList<>();
        expected.add(new ExpectedLine(1, "...", ExpectedLine.Kind.ELLIPSIS, null));
        for (int i = 0; i < 30_000; i++) {
            actual.add("line " + i);
        }
        expected.add(new ExpectedLine(2, "line 29999", ExpectedLine.Kind.EXACT, null));
        Alignment a = assertTimeoutPreemptively(HANG, () -> Alignment.of(expected, actual));
        assertTrue(a.matches());
        assertEquals(30_001, a.ops().size());
        assertEquals(Alignment.Kind.MATCH, a.ops().get(30_000).kind());
    }

    @Test
    void theTableFreeMatcherAgreesWithTheTable() {
        Random random = new Random(15);
        String[] words = {"a", "b", "c"};
        for (int round = 0; round < 20_000; round++) {
            List<ExpectedLine> expected = new ArrayList<>();
            List<String> actual = new ArrayList<>();
            for (int i = random.nextInt(6); i > 0; i--) {
                int pick = random.nextInt(5);
                expected.add(pick == 4 ? new ExpectedLine(i, "...", ExpectedLine.Kind.ELLIPSIS, null)
                        : pick == 3 ? new ExpectedLine(i, "[..]", ExpectedLine.Kind.INLINE, ExpectedLine.inlinePattern("[..]"))
                        : new ExpectedLine(i, words[pick], ExpectedLine.Kind.EXACT, null));
            }
            for (int i = random.nextInt(6); i > 0; i--) {
                actual.add(words[random.nextInt(3)]);
            }
            boolean table = Alignment.of(expected, actual).matches();
            List<Alignment.Op> glob = Alignment.globMatch(expected, actual);
            assertEquals(table, glob != null, expected + " vs " + actual);
            if (glob != null) {
                assertEquals(actual, glob.stream().filter(op -> op.actual() != null).map(Alignment.Op::actual).toList());
            }
        }
    }

    @Test
    void D5_aHugeTranscriptIsRefusedWithOneLine() throws IOException {
        Path big = dir.resolve("big.md");
        try (RandomAccessFile f = new RandomAccessFile(big.toFile(), "rw")) {
            f.setLength(2L << 30);
        }
        TranscriptException e = assertThrows(TranscriptException.class, () -> TranscriptParser.read(big, "big.md"));
        assertTrue(e.getMessage().startsWith("big.md: file is 2147483648 bytes; the limit is "), e.getMessage());
    }
}
