package kextshell.tools.text;

import static kextshell.tools.text.TextRun.run;
import static kextshell.tools.text.TextRun.write;

import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

class WcCommandTest {
    private static final WcCommand WC = new WcCommand();

    @Test
    void countsLinesWordsAndBytesInEightColumns() {
        run(WC, "one two\nthree\n").is("       2       3      14\n", 0);
        run(WC, "one two\nthree\n", "-l").is("       2\n", 0);
        run(WC, "one two\nthree\n", "-w").is("       3\n", 0);
        run(WC, "one two\nthree\n", "-lc").is("       2      14\n", 0);
        run(WC, "no newline").is("       0       2      10\n", 0);
    }

    @Test
    void bytesAreUtf8AndCharactersAreCharacters() {
        run(WC, "é\n", "-c").is("       3\n", 0);
        run(WC, "é\n", "-m").is("       2\n", 0);
        run(WC, "é\n", "-mc").is("       3\n", 0);
    }

    @Test
    void filesAreNamedAndTotalled() {
        Session s = TextRun.session();
        write(s, "/tmp/a", "1\n2\n");
        write(s, "/tmp/b", "3\n");
        run(s, WC, null, "-l", "/tmp/a", "/tmp/b").is("       2 /tmp/a\n       1 /tmp/b\n       3 total\n", 0);
        run(s, WC, null, "-l", "/tmp/a", "/nope").fails(1, "wc: /nope: open: No such file or directory");
        run(s, WC, null, "/tmp").fails(1, "wc: /tmp: read: Is a directory");
    }

    @Test
    void unknownOptionIsUsage() {
        run(WC, "", "-x").fails(1, "wc: illegal option -- x", "usage: wc [-clmw] [file ...]");
    }
}
