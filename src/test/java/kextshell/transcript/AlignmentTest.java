package kextshell.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The matcher: exact by default, [..] within a line, ... for lines, (re) for a whole line. */
class AlignmentTest {
    private static List<ExpectedLine> expected(String... lines) throws TranscriptException {
        StringBuilder text = new StringBuilder("```kextshell\n$ x\n");
        for (String line : lines) {
            text.append(line).append('\n');
        }
        Transcript t = TranscriptParser.parse("t.md", text.append("```\n").toString());
        return t.blocks().get(0).steps().get(0).expected();
    }

    private static boolean matches(List<String> expected, List<String> actual) throws TranscriptException {
        return Alignment.of(expected(expected.toArray(String[]::new)), actual).matches();
    }

    @Test
    void exactIsTheDefault() throws TranscriptException {
        assertTrue(matches(List.of("a", "b"), List.of("a", "b")));
        assertFalse(matches(List.of("a", "b"), List.of("a", "b ")));
        assertFalse(matches(List.of("a"), List.of("a", "b")));
        assertFalse(matches(List.of("a", "b"), List.of("a")));
        assertTrue(matches(List.of(), List.of()));
        assertFalse(matches(List.of("a.c"), List.of("abc")));
    }

    @Test
    void inlineWildcard() throws TranscriptException {
        assertTrue(matches(List.of("pid [..] open"), List.of("pid 101 open")));
        assertTrue(matches(List.of("pid [..] open"), List.of("pid  open")));
        assertTrue(matches(List.of("[..]"), List.of("")));
        assertTrue(matches(List.of("a[..]c[..]e"), List.of("abcde")));
        assertFalse(matches(List.of("a[..]c"), List.of("abd")));
        assertFalse(matches(List.of("[..]"), List.of()));
        assertTrue(matches(List.of("x(y)[..]"), List.of("x(y)z")));
    }

    @Test
    void ellipsisAtStartMiddleEnd() throws TranscriptException {
        assertTrue(matches(List.of("...", "end"), List.of("a", "b", "end")));
        assertTrue(matches(List.of("...", "end"), List.of("end")));
        assertTrue(matches(List.of("start", "...", "end"), List.of("start", "x", "y", "end")));
        assertTrue(matches(List.of("start", "...", "end"), List.of("start", "end")));
        assertTrue(matches(List.of("start", "..."), List.of("start", "x")));
        assertTrue(matches(List.of("start", "..."), List.of("start")));
        assertTrue(matches(List.of("..."), List.of()));
        assertTrue(matches(List.of("...", "x", "..."), List.of("x", "x", "x")));
        assertFalse(matches(List.of("start", "...", "end"), List.of("start", "x")));
        assertFalse(matches(List.of("...", "end"), List.of("end", "more")));
    }

    @Test
    void regexLines() throws TranscriptException {
        assertTrue(matches(List.of("load tag \\d+ (re)"), List.of("load tag 42")));
        assertFalse(matches(List.of("load tag \\d+ (re)"), List.of("load tag 42!")));
        assertFalse(matches(List.of("tag (re)"), List.of("a tag")));
    }

    @Test
    void mismatchLinesUpChangedLinesOnly() throws TranscriptException {
        Alignment a = Alignment.of(expected("a", "b", "c"), List.of("a", "B", "c"));
        assertFalse(a.matches());
        assertEquals(List.of(Alignment.Kind.MATCH, Alignment.Kind.DELETE, Alignment.Kind.INSERT, Alignment.Kind.MATCH),
                a.ops().stream().map(Alignment.Op::kind).toList());
    }
}
