package kextshell.tools.text;

import static kextshell.tools.text.TextRun.run;
import static kextshell.tools.text.TextRun.write;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kextshell.shell.FileSystem;
import kextshell.shell.Session;
import kextshell.shell.ShellCommand;
import kextshell.tools.files.CatCommand;
import org.junit.jupiter.api.Test;

class TeeCatTest {
    private static final TeeCommand TEE = new TeeCommand();
    private static final CatCommand CAT = new CatCommand();

    @Test
    void teeCopiesToStdoutAndFiles() throws FileSystem.FileError {
        Session s = TextRun.session();
        run(s, TEE, "one\n", "/tmp/a", "~/b.txt").is("one\n", 0);
        assertEquals("one\n", s.files().read("/tmp/a"));
        assertEquals("one\n", s.files().read("/Users/learner/b.txt"));
        run(s, TEE, "two\n", "-a", "/tmp/a").is("two\n", 0);
        assertEquals("one\ntwo\n", s.files().read("/tmp/a"));
        run(s, TEE, "three\n", "/tmp/a").is("three\n", 0);
        assertEquals("three\n", s.files().read("/tmp/a"));
    }

    @Test
    void teeReportsFilesItCannotWriteAndStillCopies() {
        Session s = TextRun.session();
        TextRun r = run(s, TEE, "x\n", "/x", "/Library/x", "/tmp/ok");
        r.fails(1, "tee: /x: Read-only file system", "tee: /Library/x: Permission denied");
        assertEquals("x\n", r.out());
        assertFalse(s.files().exists("/x"));
        assertTrue(s.files().exists("/tmp/ok"));
        run(s, TEE, "x", "-z").fails(1, "tee: illegal option -- z", "usage: tee [-ai] [file ...]");
    }

    @Test
    void onlyTeeChangesState() {
        for (ShellCommand c : new ShellCommand[] {new GrepCommand(), new HeadCommand(), new TailCommand(),
                new WcCommand(), new SortCommand(), new UniqCommand(), new CutCommand(), new TrCommand(),
                new EchoCommand(), new PrintfCommand(), new TrueCommand(), new FalseCommand(), new ClearCommand(), CAT}) {
            assertFalse(c.changesState(), c.name());
        }
        assertTrue(TEE.changesState());
    }

    @Test
    void catReadsStdinWithNoFileOrADash() {
        Session s = TextRun.session();
        write(s, "/tmp/a", "A\n");
        run(s, CAT, "piped\n").is("piped\n", 0);
        run(s, CAT, "piped\n", "/tmp/a", "-", "/tmp/a").is("A\npiped\nA\n", 0);
        run(s, CAT, null).is("", 0);
        run(s, CAT, null, "/nope").fails(1, "cat: /nope: No such file or directory");
        run(s, CAT, null, "").fails(1, "cat: : No such file or directory");
    }

    @Test
    void catOptionsFollowCookCat() {
        String text = "a\tb\n\n\n\u0001c\u007f\n";
        run(CAT, text, "-n").is("     1\ta\tb\n     2\t\n     3\t\n     4\t\u0001c\u007f\n", 0);
        run(CAT, text, "-b").is("     1\ta\tb\n\n\n     2\t\u0001c\u007f\n", 0);
        run(CAT, text, "-s").is("a\tb\n\n\u0001c\u007f\n", 0);
        run(CAT, text, "-et").is("a^Ib$\n$\n$\n^Ac^?$\n", 0);
        run(CAT, text, "-v").is("a\tb\n\n\n^Ac^?\n", 0);
        run(CAT, text, "-u", "-").is(text, 0);
        run(CAT, text, "-sn").is("     1\ta\tb\n     2\t\n     3\t\u0001c\u007f\n", 0);
    }

    @Test
    void trueFalseAndClear() {
        run(new TrueCommand(), null, "anything").is("", 0);
        run(new FalseCommand(), null).is("", 1);
        run(new ClearCommand(), null).is("", 0);
    }
}
