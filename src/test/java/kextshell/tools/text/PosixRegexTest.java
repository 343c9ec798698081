package kextshell.tools.text;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.google.re2j.Pattern;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PosixRegexTest {
    private static String bre(String p) throws PosixRegex.BadRegex {
        return PosixRegex.toRe2(p, false);
    }

    private static String ere(String p) throws PosixRegex.BadRegex {
        return PosixRegex.toRe2(p, true);
    }

    @Test
    void breOperatorsAreEscapedAndPlainCharactersAreLiteral() throws Exception {
        assertEquals("(ab)*", bre("\\(ab\\)*"));
        assertEquals("a{2,3}", bre("a\\{2,3\\}"));
        assertEquals("a|b", bre("a\\|b"));
        assertEquals("a+b?", bre("a\\+b\\?"));
        assertEquals("\\(a\\)\\{1\\}\\|\\+\\?", bre("(a){1}|+?"));
        assertEquals("a.c", bre("a.c"));
        assertEquals("a\\.c", bre("a\\.c"));
    }

    @Test
    void breStarAndAnchorsAreLiteralWhereThereIsNothingToRepeatOrAnchor() throws Exception {
        assertEquals("\\*a", bre("*a"));
        assertEquals("^\\*", bre("^*"));
        assertEquals("(\\*)", bre("\\(*\\)"));
        assertEquals("a\\^b\\$c", bre("a^b$c"));
        assertEquals("^ab$", bre("^ab$"));
        assertEquals("(^a$)", bre("\\(^a$\\)"));
    }

    @Test
    void ereIsMostlyRe2AlreadyButBackslashesInBracketsAreLiteral() throws Exception {
        assertEquals("(a|b)+c?d{2}", ere("(a|b)+c?d{2}"));
        assertEquals("[\\\\n]", ere("[\\n]"));
        assertEquals("[\\]a]", ere("[]a]"));
        assertEquals("[^\\]a]", ere("[^]a]"));
        assertEquals("[[:upper:]x]", ere("[[:upper:]x]"));
        assertEquals("\\bword\\b", ere("\\<word\\>"));
    }

    @Test
    void stackedStarsCollapse() throws Exception {
        assertEquals("a*", bre("a**"));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "false|a[b|brackets ([ ]) not balanced",
        "false|a\\(b|parentheses not balanced",
        "false|a\\)|parentheses not balanced",
        "true|(a|parentheses not balanced",
        "true|a)|parentheses not balanced",
        "true|()|empty (sub)expression",
        "true|*a|repetition-operator operand invalid",
        "true|a{1|braces not balanced",
        "true|a{x}|invalid repetition count(s)",
        "true|a{3,1}|invalid repetition count(s)",
        "true|a{256}|invalid repetition count(s)",
        "false|a\\{1|braces not balanced",
        "false|ab\\|trailing backslash (\\)",
        "false|[[:nope:]]|invalid character class",
        "false|[[.ab.]]|invalid collating element",
        "true|a++|repetition-operator operand invalid",
    })
    void mistakesGetRegerrorsWording(boolean extended, String pattern, String message) {
        PosixRegex.BadRegex e = assertThrows(PosixRegex.BadRegex.class, () -> PosixRegex.toRe2(pattern, extended));
        assertEquals(message, e.getMessage());
    }

    @Test
    void backReferencesAreRefusedInOneClearLine() {
        PosixRegex.BadRegex e = assertThrows(PosixRegex.BadRegex.class, () -> bre("\\(a\\)\\1"));
        assertTrue(e.getMessage().contains("not supported"), e.getMessage());
    }

    @Test
    void re2ComplaintsMapToRegerror() {
        PosixRegex.BadRegex e = assertThrows(PosixRegex.BadRegex.class,
                () -> PosixRegex.compile(List.of("[z-a]"), true, false, false, false));
        assertEquals("invalid character range", e.getMessage());
    }

    @Test
    void compiledPatternsMatchAsPosixWould() throws Exception {
        Pattern p = PosixRegex.compile(List.of("IOUser\\(Client\\)\\{0,1\\}Creator"), false, false, false, false);
        assertTrue(p.matcher("  \"IOUserClientCreator\" = \"pid 401\"").find());
        assertTrue(p.matcher("IOUserCreator").find());
        assertFalse(p.matcher("IOUserClientClientCreator").find());
        Pattern any = PosixRegex.compile(List.of("a.b", "x"), false, true, true, false);
        assertTrue(any.matcher("A.B").find());
        assertFalse(any.matcher("azb").find(), "-F: the dot is a dot");
        assertTrue(any.matcher("X").find(), "either pattern");
        Pattern whole = PosixRegex.compile(List.of("ab"), false, false, false, true);
        assertTrue(whole.matcher("ab").find());
        assertFalse(whole.matcher("abc").find());
    }

    @Test
    void aPathologicalPatternStaysLinear() throws Exception {
        Pattern p = PosixRegex.compile(List.of("(a*)*b"), true, false, false, false);
        assertFalse(p.matcher("a".repeat(50_000)).find());
    }
}
