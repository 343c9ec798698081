package kextshell.tools.text;

import static kextshell.tools.text.TextRun.run;
import static kextshell.tools.text.TextRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import java.util.stream.IntStream;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

class HeadTailTest {
    private static final HeadCommand HEAD = new HeadCommand();
    private static final TailCommand TAIL = new TailCommand();
    private static final String TWELVE = IntStream.rangeClosed(1, 12).mapToObj(i -> i + "\n").collect(Collectors.joining());

    @Test
    void headPrintsTenLinesByDefaultAndNWithEitherForm() {
        run(HEAD, TWELVE).is("1\n2\n3\n4\n5\n6\n7\n8\n9\n10\n", 0);
        run(HEAD, TWELVE, "-n", "2").is("1\n2\n", 0);
        run(HEAD, TWELVE, "-n2").is("1\n2\n", 0);
        run(HEAD, TWELVE, "-3").is("1\n2\n3\n", 0);
        run(HEAD, "a\nb", "-n", "5").is("a\nb", 0);
        run(HEAD, "abcdef", "-c", "3").is("abc", 0);
    }

    @Test
    void headRejectsBadCounts() {
        run(HEAD, TWELVE, "-n", "x").fails(1, "head: illegal line count -- x");
        run(HEAD, TWELVE, "-n", "0").fails(1, "head: illegal line count -- 0");
        run(HEAD, TWELVE, "-c", "-1").fails(1, "head: illegal byte count -- -1");
        run(HEAD, TWELVE, "-n", "1", "-c", "1").fails(1, "head: can't combine line and byte counts");
        run(HEAD, TWELVE, "-q").fails(1, "head: illegal option -- q", "usage: head [-n lines | -c bytes] [file ...]");
        run(HEAD, TWELVE, "-n").fails(1, "head: option requires an argument -- n",
                "usage: head [-n lines | -c bytes] [file ...]");
    }

    @Test
    void headNamesSeveralFilesAndWarnsAboutMissingOnes() {
        Session s = TextRun.session();
        write(s, "/tmp/a", "a1\na2\n");
        write(s, "/tmp/b", "b1\n");
        run(s, HEAD, null, "-n", "1", "/tmp/a", "/nope", "/tmp/b").fails(1, "head: /nope: No such file or directory");
        assertEquals("==> /tmp/a <==\na1\n\n==> /tmp/b <==\nb1\n", run(s, HEAD, null, "-n", "1", "/tmp/a", "/tmp/b").out());
    }

    @Test
    void tailPrintsTheLastLinesInEveryForm() {
        run(TAIL, TWELVE).is("3\n4\n5\n6\n7\n8\n9\n10\n11\n12\n", 0);
        run(TAIL, TWELVE, "-n", "2").is("11\n12\n", 0);
        run(TAIL, TWELVE, "-1").is("12\n", 0);
        run(TAIL, TWELVE, "-n", "+11").is("11\n12\n", 0);
        run(TAIL, TWELVE, "+12").is("12\n", 0);
        run(TAIL, TWELVE, "-n", "0").is("", 0);
        run(TAIL, TWELVE, "-n", "99").is(TWELVE, 0);
        run(TAIL, "a\nb", "-n", "1").is("b", 0);
        run(TAIL, "", "-n", "1").is("", 0);
        run(TAIL, "abcdef", "-c", "2").is("ef", 0);
        run(TAIL, "abcdef", "-c", "+5").is("ef", 0);
    }

    @Test
    void tailRejectsBadOffsets() {
        run(TAIL, TWELVE, "-n", "x").fails(1, "tail: illegal offset -- x");
        run(TAIL, TWELVE, "-f").fails(1, "tail: illegal option -- f", "usage: tail [-c # | -n #] [file ...]");
        run(TAIL, null, "/nope").fails(1, "tail: /nope: No such file or directory");
    }

    @Test
    void tailOfAHundredThousandLinesLooksOnlyAtTheEnd() {
        String big = "x\n".repeat(100_000) + "last\n";
        run(TAIL, big, "-1").is("last\n", 0);
        assertEquals("last\n", Counts.lastLines(big, 1));
    }
}
