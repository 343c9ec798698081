package kextshell.transcript;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class TranscriptParserTest {
    private static Transcript parse(String... lines) throws TranscriptException {
        return TranscriptParser.parse("t.md", String.join("\n", lines) + "\n");
    }

    private static TranscriptException error(String... lines) {
        return assertThrows(TranscriptException.class, () -> parse(lines));
    }

    @Test
    void readsStepsOutputStatusAndHeadings() throws TranscriptException {
        Transcript t = parse(
                "# Title",               // 1
                "prose $ not input",     // 2
                "## First",              // 3
                "```kextshell seed=7 width=60", // 4
                "$ whoami",              // 5
                "learner",               // 6
                "$ nope",                // 7
                "zsh: command not found: nope", // 8
                "? 127",                 // 9
                "```",                   // 10
                "```kextshell",          // 11
                "$ whoami",              // 12
                "```");                  // 13
        assertEquals(7, t.config().seed());
        assertEquals(60, t.config().width());
        assertEquals(2, t.blocks().size());
        Block first = t.blocks().get(0);
        assertEquals("First", first.heading());
        assertEquals(4, first.line());
        Step whoami = first.steps().get(0);
        assertEquals(5, whoami.line());
        assertEquals("whoami", whoami.input());
        assertEquals(List.of("learner"), whoami.expected().stream().map(ExpectedLine::text).toList());
        assertEquals(6, whoami.expected().get(0).line());
        assertEquals(0, whoami.expectedStatus());
        assertEquals(7, whoami.endLine());
        Step nope = first.steps().get(1);
        assertEquals(127, nope.expectedStatus());
        assertEquals(9, nope.statusLine());
        assertEquals(10, nope.endLine());
        assertEquals("First", t.blocks().get(1).heading());
        assertEquals(3, t.commandCount());
    }

    @Test
    void defaultsAreSeedZeroWidthEighty() throws TranscriptException {
        Transcript t = parse("```kextshell", "$ whoami", "learner", "```");
        assertEquals(0, t.config().seed());
        assertEquals(80, t.config().width());
        assertEquals("block at line 1", t.blocks().get(0).name());
    }

    @Test
    void classifiesWildcardLines() throws TranscriptException {
        Transcript t = parse("```kextshell", "$ x", "a[..]b", "...", "v\\d+ (re)", "plain [pid 101]", "```");
        List<ExpectedLine> e = t.blocks().get(0).steps().get(0).expected();
        assertEquals(ExpectedLine.Kind.INLINE, e.get(0).kind());
        assertEquals(ExpectedLine.Kind.ELLIPSIS, e.get(1).kind());
        assertEquals(ExpectedLine.Kind.REGEX, e.get(2).kind());
        assertEquals(ExpectedLine.Kind.EXACT, e.get(3).kind());
    }

    @Test
    void loneDollarIsAnEmptyInputLineAndInputIsKeptExactly() throws TranscriptException {
        Transcript t = parse("```kextshell", "$", "$ ", "$   sudo  whoami ", "```");
        List<Step> steps = t.blocks().get(0).steps();
        assertEquals("", steps.get(0).input());
        assertEquals("", steps.get(1).input());
        assertEquals("  sudo  whoami ", steps.get(2).input());
    }

    @Test
    void skipsIgnoredAndForeignBlocksAndFencesInsideOtherFences() throws TranscriptException {
        Transcript t = parse(
                "```kextshell ignore", "$ this is not run", "```",
                "```sh", "$ neither", "```",
                "````markdown", "```kextshell", "$ nor this", "```", "````",
                "```kextshellfoo", "$ nor this", "```");
        assertTrue(t.blocks().isEmpty());
    }

    @Test
    void keepsCrLfForTheUpdater() throws TranscriptException {
        Transcript t = TranscriptParser.parse("t.md", "```kextshell\r\n$ whoami\r\nlearner\r\n```\r\n");
        assertEquals("learner", t.blocks().get(0).steps().get(0).expected().get(0).text());
        assertEquals("\r\n", t.lineEnding());
    }

    @ParameterizedTest(name = "line {0}: {1}")
    @CsvSource(delimiter = '|', value = {
        "3|exit status must be a number: '? x'|```kextshell;$ whoami;? x;```",
        "1|unclosed code fence|```kextshell;$ whoami",
        "4|unclosed code fence|# h;;text;```sh;$ whoami",
        "2|output before the first '$ ' line|```kextshell;learner;$ whoami;```",
        "1|unknown block option 'colour=1'|```kextshell colour=1;```",
        "1|unknown block option 'feedback=silent'|```kextshell feedback=silent;```",
        "1|seed must be a non-negative whole number|```kextshell seed=x;```",
        "1|width must be between 1 and 1000|```kextshell width=0;```",
        "1|block option 'width' given twice|```kextshell width=1 width=2;```",
        "4|'seed' is only allowed on the first kextshell block|```kextshell;```;;```kextshell seed=1;```",
        "3|'? 0' is implied|```kextshell;$ whoami;? 0;```",
        "4|'? 1' must be the last line|```kextshell;$ x;? 1;more;```",
        "3|bad (re) line|```kextshell;$ x;a(b (re);```",
        "2|a kextshell fence must start in the first column|x;  ```kextshell;```",
    })
    void parseErrorsCarryFileAndLine(int line, String message, String text) {
        TranscriptException e = error(text.split(";", -1));
        assertEquals(line, e.line(), e.getMessage());
        assertTrue(e.getMessage().startsWith("t.md:" + line + ": "), e.getMessage());
        assertTrue(e.reason().contains(message), e.getMessage());
    }
}
