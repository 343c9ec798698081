package kextshell.tools.text;

import static kextshell.tools.text.TextRun.run;

import org.junit.jupiter.api.Test;

class SortUniqTest {
    private static final SortCommand SORT = new SortCommand();
    private static final UniqCommand UNIQ = new UniqCommand();

    @Test
    void sortsByCodePointNumericallyReversedAndUnique() {
        run(SORT, "b\nB\na\nb\n").is("B\na\nb\nb\n", 0);
        run(SORT, "10\n9\n-1\nx\n", "-n").is("-1\nx\n9\n10\n", 0);
        run(SORT, "10\n9\n100\n", "-nr").is("100\n10\n9\n", 0);
        run(SORT, "b\na\nb\n", "-u").is("a\nb\n", 0);
        run(SORT, "b\nA\na\n", "-f").is("A\na\nb\n", 0);
        run(SORT, "b\na", "-r").is("b\na\n", 0);
    }

    @Test
    void sortsByFields() {
        run(SORT, "x 3\ny 1\nz 2\n", "-k", "2").is("y 1\nz 2\nx 3\n", 0);
        run(SORT, "a:10\nb:9\n", "-t:", "-k2", "-n").is("b:9\na:10\n", 0);
        run(SORT, "1 b z\n2 a z\n", "-k", "2,2").is("2 a z\n1 b z\n", 0);
        run(SORT, "a 10\nb 9\n", "-k", "2n").is("b 9\na 10\n", 0);
        run(SORT, "x  b\ny a\n", "-k", "2b").is("y a\nx  b\n", 0);
        run(SORT, "x  b\ny a\n", "-k", "2").is("x  b\ny a\n", 0);
    }

    @Test
    void sortErrorsExitTwo() {
        run(SORT, "", "-k", "0").fails(2, "sort: -k 0: Invalid argument");
        run(SORT, "", "-t", "ab").fails(2, "sort: ab: Invalid argument");
        run(SORT, null, "/nope").fails(2, "sort: No such file or directory");
        run(SORT, "", "-z").fails(2, "sort: invalid option -- z", SortCommand.USAGE.get(0));
    }

    @Test
    void uniqCollapsesAdjacentLines() {
        run(UNIQ, "a\na\nb\na\n").is("a\nb\na\n", 0);
        run(UNIQ, "a\na\nb\n", "-c").is("   2 a\n   1 b\n", 0);
        run(UNIQ, "a\na\nb\n", "-d").is("a\n", 0);
        run(UNIQ, "a\na\nb\n", "-u").is("b\n", 0);
        run(UNIQ, "a\nA\n", "-i").is("a\n", 0);
        run(UNIQ, "a\na").is("a\n", 0);
        run(UNIQ, "").is("", 0);
    }

    @Test
    void uniqErrors() {
        run(UNIQ, null, "/nope").fails(1, "uniq: /nope: No such file or directory");
        run(UNIQ, null, "a", "b").fails(1, UniqCommand.USAGE.get(0));
        run(UNIQ, null, "-f", "1").fails(1, "uniq: illegal option -- f", UniqCommand.USAGE.get(0));
    }
}
