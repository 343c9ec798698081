package kextshell.tools;

import static kextshell.tools.ToolTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kextshell.app.Kextshell;
import kextshell.shell.FileSystem;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

/** mkdir, touch, cp, mv and rm: success and error paths, in file_cmds-287's words. */
class FileCommandsTest {
    private final Session s = Kextshell.newSession();
    private final FileSystem files = s.files();

    private String read(String path) throws FileSystem.FileError {
        return files.read(path);
    }

    @Test
    void mkdirMakesFoldersInTheHomeAndTmp() {
        run(s, "mkdir notes /tmp/work", 0);
        assertTrue(files.isDirectory("/Users/learner/notes"));
        assertTrue(files.isDirectory("/tmp/work"));
        run(s, "mkdir -v more", 0, "mkdir: created directory 'more'");
        run(s, "ls", 0, "README.txt      more            notes");
    }

    @Test
    void mkdirErrorsNameTheOperandOrItsParent() {
        run(s, "mkdir notes", 0);
        run(s, "mkdir notes", 1, "mkdir: notes: File exists");
        run(s, "mkdir a/b/c", 1, "mkdir: a/b: No such file or directory");
        run(s, "mkdir README.txt/x", 1, "mkdir: README.txt: Not a directory");
        run(s, "mkdir /x", 1, "mkdir: /x: Read-only file system");
        run(s, "mkdir /Library/x", 1, "mkdir: /Library/x: Permission denied");
        run(s, "mkdir /Library", 1, "mkdir: /Library: File exists");
        run(s, "mkdir", 64, "usage: mkdir [-pv] directory ...");
        run(s, "mkdir -z x", 64, "mkdir: illegal option -- z", "usage: mkdir [-pv] directory ...");
        assertFalse(files.exists("/x"));
        assertFalse(files.exists("/Library/x"));
    }

    @Test
    void mkdirPMakesEveryMissingFolderAndAcceptsExistingOnes() {
        run(s, "mkdir -p a/b/c", 0);
        assertTrue(files.isDirectory("/Users/learner/a/b/c"));
        run(s, "mkdir -p a/b/c", 0);
        run(s, "mkdir -p README.txt", 1, "mkdir: README.txt: Not a directory");
        run(s, "mkdir -p README.txt/x", 1, "mkdir: README.txt/x: Not a directory");
        run(s, "mkdir -p /Library/Extensions/x/y", 1, "mkdir: /Library/Extensions/x/y: Permission denied");
        assertFalse(files.exists("/Library/Extensions/x"));
    }

    @Test
    void touchCreatesEmptyFilesAndLeavesExistingOnes() throws Exception {
        run(s, "touch a.txt /tmp/b", 0);
        assertEquals("", read("/Users/learner/a.txt"));
        assertEquals("", read("/tmp/b"));
        String readme = read("/Users/learner/README.txt");
        run(s, "touch README.txt", 0);
        assertEquals(readme, read("/Users/learner/README.txt"));
        run(s, "touch -c nope", 0);
        assertFalse(files.exists("/Users/learner/nope"));
    }

    @Test
    void touchErrors() {
        run(s, "touch /x", 1, "touch: /x: Read-only file system");
        run(s, "touch /Library/Extensions/driver.kext/Contents/Info.plist", 1,
                "touch: /Library/Extensions/driver.kext/Contents/Info.plist: Permission denied");
        run(s, "touch nope/x", 1, "touch: nope/x: No such file or directory");
        run(s, "touch README.txt/x", 1, "touch: README.txt/x: Not a directory");
        run(s, "touch", 1, "usage:", "touch [-acm] file ...");
        run(s, "touch -t 202001010000 x", 1, "touch: illegal option -- t", "usage:", "touch [-acm] file ...");
        assertFalse(files.exists("/x"));
    }

    @Test
    void cpCopiesFilesAndFoldersWithR() throws Exception {
        run(s, "cp README.txt /tmp/readme", 0);
        assertEquals(read("/Users/learner/README.txt"), read("/tmp/readme"));
        run(s, "mkdir d", 0);
        run(s, "cp -v README.txt /tmp/readme d", 0, "README.txt -> d/README.txt", "/tmp/readme -> d/readme");
        run(s, "cp -R /Library/Extensions/driver.kext/Contents/Resources res", 0);
        assertTrue(files.exists("/Users/learner/res/Summary.txt"));
        run(s, "cp -R res d", 0);
        assertTrue(files.exists("/Users/learner/d/res/Summary.txt"));
        run(s, "cp -n /tmp/readme README.txt", 0);
        run(s, "touch empty", 0);
        run(s, "cp -fn README.txt empty", 0);
        assertEquals("", read("/Users/learner/empty"), "-n after -f: not overwritten");
        run(s, "cp -nf README.txt empty", 0);
        assertEquals(read("/Users/learner/README.txt"), read("/Users/learner/empty"));
    }

    @Test
    void cpErrors() {
        run(s, "cp nope x", 1, "cp: nope: No such file or directory");
        run(s, "cp README.txt /Library/Extensions", 1, "cp: /Library/Extensions/README.txt: Permission denied");
        run(s, "cp README.txt /x", 1, "cp: /x: Read-only file system");
        run(s, "cp /Library x", 1, "cp: /Library is a directory (not copied).");
        run(s, "cp README.txt README.txt", 1, "cp: README.txt and README.txt are identical (not copied).");
        run(s, "mkdir d", 0);
        run(s, "mkdir d/README.txt", 0);
        run(s, "cp README.txt d", 1, "cp: cannot overwrite directory d/README.txt with non-directory README.txt");
        run(s, "cp README.txt nope/", 1, "cp: directory nope does not exist");
        run(s, "cp README.txt /tmp/x /tmp/y", 64, CpUsage.LINE1, CpUsage.LINE2);
        run(s, "cp README.txt", 64, CpUsage.LINE1, CpUsage.LINE2);
        run(s, "cp -i a b", 64, "cp: illegal option -- i", CpUsage.LINE1, CpUsage.LINE2);
        assertFalse(files.exists("/Users/learner/x"));
    }

    private static final class CpUsage {
        static final String LINE1 = "usage: cp [-R] [-f | -n] [-pv] source_file target_file";
        static final String LINE2 = "       cp [-R] [-f | -n] [-pv] source_file ... target_directory";
    }

    @Test
    void mvRenamesAndMovesIntoFolders() throws Exception {
        String readme = read("/Users/learner/README.txt");
        run(s, "mv README.txt notes.txt", 0);
        assertFalse(files.exists("/Users/learner/README.txt"));
        assertEquals(readme, read("/Users/learner/notes.txt"));
        run(s, "mkdir -p d/e", 0);
        run(s, "touch d/e/f", 0);
        run(s, "mv -v notes.txt d /tmp", 0, "notes.txt -> /tmp/notes.txt", "d -> /tmp/d");
        assertTrue(files.exists("/tmp/d/e/f"));
        assertFalse(files.exists("/Users/learner/d"));
        run(s, "ls", 0);
    }

    @Test
    void mvErrors() {
        run(s, "mv nope x", 1, "mv: rename nope to x: No such file or directory");
        run(s, "mv nope README.txt", 1, "mv: nope: No such file or directory");
        run(s, "mv README.txt /x", 1, "mv: rename README.txt to /x: Read-only file system");
        run(s, "mv README.txt /Library/Extensions", 1,
                "mv: rename README.txt to /Library/Extensions/README.txt: Permission denied");
        run(s, "mv /Library/Extensions/driver.kext .", 1,
                "mv: rename /Library/Extensions/driver.kext to ./driver.kext: Permission denied");
        run(s, "mkdir -p d/e", 0);
        run(s, "mv d d/e", 1, "mv: rename d to d/e/d: Invalid argument");
        run(s, "mv README.txt d/e/..", 0);
        run(s, "mv d/README.txt d", 2, "mv: d/README.txt and d/README.txt are identical");
        run(s, "mv x", 64, "usage: mv [-f | -n] [-v] source target", "       mv [-f | -n] [-v] source ... directory");
        assertTrue(files.exists("/Library/Extensions/driver.kext"));
    }

    @Test
    void rmRemovesFilesAndWithRFolders() {
        run(s, "mkdir -p d/e", 0);
        run(s, "touch d/e/f d/g", 0);
        run(s, "rm d/g", 0);
        run(s, "rm d", 1, "rm: d: is a directory");
        run(s, "rm -d d", 1, "rm: d: Directory not empty");
        run(s, "rm -rv d", 0, "d/e/f", "d/e", "d");
        assertFalse(files.exists("/Users/learner/d"));
        run(s, "rm README.txt", 0);
        run(s, "ls", 0);
    }

    @Test
    void rmErrors() {
        run(s, "rm nope", 1, "rm: nope: No such file or directory");
        run(s, "rm -f nope", 0);
        run(s, "rm -f", 0);
        run(s, "rm", 64, "usage: rm [-f] [-dRrv] file ...");
        run(s, "rm .", 1, "rm: \".\" and \"..\" may not be removed");
        run(s, "rm -r /Library/Extensions/driver.kext/Contents/Resources", 1,
                "rm: /Library/Extensions/driver.kext/Contents/Resources/Summary.txt: Permission denied",
                "rm: /Library/Extensions/driver.kext/Contents/Resources: Permission denied");
        run(s, "rm /Library/Extensions/driver.kext/Contents/Info.plist", 1,
                "rm: /Library/Extensions/driver.kext/Contents/Info.plist: Permission denied");
        run(s, "rm -rf /tmp", 1, "rm: /tmp: Read-only file system");
        run(s, "rm -i x", 64, "rm: illegal option -- i", "usage: rm [-f] [-dRrv] file ...");
        assertTrue(files.exists("/Library/Extensions/driver.kext/Contents/Resources/Summary.txt"));
    }

    @Test
    void lsCatAndCdSeeTheLearnersFiles() {
        run(s, "mkdir -p /tmp/w", 0);
        run(s, "cp README.txt /tmp/w/r", 0);
        run(s, "cd /tmp/w", 0);
        run(s, "ls -l", 0, "total 8", "-rw-r--r--  1 learner  wheel  444 Nov 16 09:00 r");
        run(s, "cat /tmp/w/nope", 1, "cat: /tmp/w/nope: No such file or directory");
        run(s, "kextinfo /tmp/w", 1, "kextinfo: no kext bundle for '/tmp/w' (a bundle identifier or a .kext path)");
    }
}
