package kextshell.tools.text;

import static kextshell.tools.text.TextRun.run;
import static kextshell.tools.text.TextRun.write;

import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

class GrepCommandTest {
    private static final GrepCommand GREP = new GrepCommand();
    private static final String TEXT = "alpha\nBeta\ngamma\ndelta\nepsilon\nzeta\n";

    @Test
    void selectsMatchingLinesFromStdinAndExitsZero() {
        run(GREP, TEXT, "ta").is("Beta\ndelta\nzeta\n", 0);
    }

    @Test
    void noMatchExitsOneSilently() {
        run(GREP, TEXT, "omega").is("", 1);
    }

    @Test
    void countInvertIgnoreCaseAndNumbers() {
        run(GREP, TEXT, "-c", "ta").is("3\n", 0);
        run(GREP, TEXT, "-vc", "a").is("1\n", 0);
        run(GREP, TEXT, "-vc", "[a-z]").is("0\n", 1);
        run(GREP, TEXT, "-i", "beta").is("Beta\n", 0);
        run(GREP, TEXT, "-n", "eta").is("2:Beta\n6:zeta\n", 0);
        run(GREP, TEXT, "-x", "zeta").is("zeta\n", 0);
    }

    @Test
    void optionsMayFollowThePatternAsWithGetoptLong() {
        run(GREP, TEXT, "beta", "-i").is("Beta\n", 0);
    }

    @Test
    void extendedFixedAndSeveralPatterns() {
        run(GREP, TEXT, "-E", "^(al|ga)").is("alpha\ngamma\n", 0);
        run(GREP, TEXT, "^\\(al\\|ga\\)").is("alpha\ngamma\n", 0);
        run(GREP, "a.b\naxb\n", "-F", "a.b").is("a.b\n", 0);
        run(GREP, TEXT, "-e", "zeta", "-e", "alpha").is("alpha\nzeta\n", 0);
    }

    @Test
    void onlyMatching() {
        run(GREP, "k1 k22\nnone\n", "-oE", "k[0-9]+").is("k1\nk22\n", 0);
    }

    @Test
    void contextPrintsSeparatorsBetweenGroups() {
        String text = "1\n2\nX\n4\n5\n6\n7\nX\n9\n";
        run(GREP, text, "-A", "1", "X").is("X\n4\n--\nX\n9\n", 0);
        run(GREP, text, "-B1", "X").is("2\nX\n--\n7\nX\n", 0);
        run(GREP, text, "-n", "-C", "1", "X").is("2-2\n3:X\n4-4\n--\n7-7\n8:X\n9-9\n", 0);
    }

    @Test
    void quietAndFilesWithMatches() {
        run(GREP, TEXT, "-q", "alpha").is("", 0);
        run(GREP, TEXT, "-l", "alpha").is("(standard input)\n", 0);
    }

    @Test
    void severalFilesArePrefixedAndMissingOnesMakeStatusTwo() {
        Session s = TextRun.session();
        write(s, "/tmp/a", "one\ntwo\n");
        write(s, "/tmp/b", "three\ntwo\n");
        run(s, GREP, null, "two", "/tmp/a", "/tmp/b").is("/tmp/a:two\n/tmp/b:two\n", 0);
        run(s, GREP, null, "-h", "two", "/tmp/a", "/tmp/b").is("two\ntwo\n", 0);
        run(s, GREP, null, "-H", "one", "/tmp/a").is("/tmp/a:one\n", 0);
        run(s, GREP, null, "-c", "t", "/tmp/a", "/tmp/b").is("/tmp/a:1\n/tmp/b:2\n", 0);
        run(s, GREP, null, "-l", "three", "/tmp/a", "/tmp/b").is("/tmp/b\n", 0);
        TextRun r = run(s, GREP, null, "two", "/tmp/a", "bad.txt");
        r.fails(2, "grep: bad.txt: No such file or directory");
        run(s, GREP, null, "-s", "nothing", "bad.txt").fails(2);
        run(s, GREP, null, "-q", "two", "/tmp/a", "bad.txt").is("", 0);
        run(s, GREP, null, "two", "/tmp").fails(2, "grep: /tmp: Is a directory");
    }

    @Test
    void readsTheSystemImage() {
        run(GREP, null, "-c", "CFBundleIdentifier", "/Library/Extensions/driver.kext/Contents/Info.plist").is("2\n", 0);
    }

    @Test
    void badPatternsAndArgumentsExitTwo() {
        run(GREP, TEXT, "a[b").fails(2, "grep: brackets ([ ]) not balanced");
        run(GREP, TEXT, "-E", "(a").fails(2, "grep: parentheses not balanced");
        run(GREP, TEXT, "-A", "x", "a").fails(2, "grep: Invalid argument");
        run(GREP, TEXT).fails(2, GrepCommand.USAGE.toArray(String[]::new));
        run(GREP, TEXT, "-j", "a").fails(2, "grep: invalid option -- j", GrepCommand.USAGE.get(0), GrepCommand.USAGE.get(1));
        run(GREP, TEXT, "-e").fails(2, "grep: option requires an argument -- e", GrepCommand.USAGE.get(0),
                GrepCommand.USAGE.get(1));
    }

    @Test
    void aLastLineWithoutNewlineStillPrintsAsALine() {
        run(GREP, "a\nab", "b").is("ab\n", 0);
    }

    @Test
    void terminalStdinIsEmpty() {
        run(GREP, null, "x").is("", 1);
    }
}
