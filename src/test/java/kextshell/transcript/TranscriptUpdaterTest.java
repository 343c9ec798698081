package kextshell.transcript;

import kextshell.app.Kextshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptUpdaterTest {
    private static String bless(String text) throws TranscriptException {
        return TranscriptUpdater.update(TranscriptRunner.run(TranscriptParser.parse("t.md", text), Kextshell.sessions()));
    }

    private static boolean passes(String text) throws TranscriptException {
        return TranscriptRunner.run(TranscriptParser.parse("t.md", text), Kextshell.sessions()).passed();
    }

    @Test
    void passingFileComesBackByteIdentical() throws TranscriptException {
        String text = "# T\r\n\r\n```kextshell\r\n$ whoami\r\nlearn[..]\r\n$ sudo whoami\r\n...\r\n```\r\ntrailing prose";
        assertEquals(text, bless(text));
    }

    @Test
    void keepsMatchingWildcardsAndReplacesTheRest() throws TranscriptException {
        String text = "intro\n```kextshell\n$ whoami\nlea[..]\nstale\n$ nope\n...\n$ sudo whoami\nr.* (re)\n? 3\n```\noutro\n";
        String blessed = bless(text);
        assertEquals("intro\n```kextshell\n$ whoami\nlea[..]\n$ nope\n...\n? 127\n$ sudo whoami\nr.* (re)\n```\noutro\n",
                blessed);
        assertTrue(passes(blessed));
    }

    @Test
    void fillsAnEmptyExpectation() throws TranscriptException {
        String blessed = bless("```kextshell\n$ nope\n$ whoami\n```\n");
        assertEquals("```kextshell\n$ nope\nzsh: command not found: nope\n? 127\n$ whoami\nlearner\n```\n", blessed);
    }

    @Test
    void quotesLinesTheGrammarWouldMisread() throws TranscriptException {
        for (String line : List.of("$ ls", "$", "? 1", "> more", "...", "a [..] b", "x (re)", "```", "~~~ x", "bell\u0007")) {
            String quoted = Quoting.quote(line);
            assertTrue(quoted.endsWith(" (re)"), quoted);
            String text = "```kextshell\n$ x\n" + quoted + "\n```\n";
            ExpectedLine e = TranscriptParser.parse("t.md", text).blocks().get(0).steps().get(0).expected().get(0);
            assertEquals(ExpectedLine.Kind.REGEX, e.kind(), quoted);
            assertTrue(e.matches(line), quoted);
            assertTrue(!e.matches(line + "x"), quoted);
        }
        assertEquals("plain [pid 101] (ok)", Quoting.quote("plain [pid 101] (ok)"));
        assertEquals("\\$ ls (re)", Quoting.quote("$ ls"));
    }
}
