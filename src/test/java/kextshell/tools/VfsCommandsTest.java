package kextshell.tools;

import kextshell.app.Kextshell;
import kextshell.tools.files.LsCommand;

import static kextshell.tools.ToolTesting.loadDriver;
import static kextshell.tools.ToolTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kextshell.shell.Result;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

class VfsCommandsTest {
    @Test
    void promptFollowsTheCurrentDirectory() {
        Session s = Kextshell.newSession();
        assertEquals("/Users/learner", s.cwd());
        assertEquals("learner@kextlab ~ % ", s.prompt());
        s.execute("cd /Library/Extensions");
        assertEquals("learner@kextlab Extensions % ", s.prompt());
        s.execute("cd /");
        assertEquals("learner@kextlab / % ", s.prompt());
        s.execute("sudo -s");
        assertEquals("root@kextlab / # ", s.prompt());
        s.execute("cd");
        assertEquals("root@kextlab ~ # ", s.prompt());
    }

    @Test
    void cdAndPwd() {
        Session s = Kextshell.newSession();
        run(s, "pwd", 0, "/Users/learner");
        run(s, "cd /Library/Extensions/driver.kext/Contents", 0);
        run(s, "pwd", 0, "/Library/Extensions/driver.kext/Contents");
        run(s, "cd ../..", 0);
        run(s, "pwd", 0, "/Library/Extensions");
        run(s, "cd ../../../../..", 0);
        run(s, "pwd", 0, "/");
        run(s, "cd -", 0, "/Library/Extensions");
        run(s, "cd ~", 0);
        run(s, "pwd", 0, "/Users/learner");
        run(s, "cd -", 0, "/Library/Extensions");
        run(s, "cd -", 0, "~");
    }

    @Test
    void cdErrors() {
        Session s = Kextshell.newSession();
        run(s, "cd /nope", 1, "cd: no such file or directory: /nope");
        run(s, "cd /Library/Extensions/driver.kext/Contents/Info.plist", 1,
                "cd: not a directory: /Library/Extensions/driver.kext/Contents/Info.plist");
        run(s, "cd a b", 1, "cd: string not in pwd: a");
        run(s, "cd a b c", 1, "cd: too many arguments");
        run(s, "pwd x", 1, "pwd: too many arguments");
        assertEquals("/Users/learner", s.cwd());
    }

    @Test
    void lsColumnsLikeATerminal() {
        Session s = Kextshell.newSession();
        run(s, "ls /Library/Extensions", 0,
                "DeferredStop.kext       NaiveVeto.kext          UsbNaiveVeto.kext",
                "DeferredStopStuck.kext  NoUserTerminate.kext    UsbRobustVeto.kext",
                "KextRetain.kext         PostponeTerminate.kext  UsbStock.kext",
                "ListenerStop.kext       RetainProvider.kext     driver.kext",
                "Mystery.kext            RobustVeto.kext");
        run(s, "ls", 0, "README.txt");
        run(s, "ls -1 /", 0, "Applications", "Library", "System", "Users", "Volumes", "bin", "dev", "private", "sbin", "tmp", "usr", "var");
    }

    @Test
    void lsLongShowsKextSummaries() {
        Session s = Kextshell.newSession();
        Result r = run(s, "ls -l /Library/Extensions/driver.kext/..", 0, s.execute("ls -l /Library/Extensions")
                .output().strip().split("\n"));
        assertTrue(r.output().startsWith("total 0\ndrwxr-xr-x  3 root  wheel  96 Nov 16 09:00 DeferredStop.kext\n"
                + "    User clients defer their stop() in didTerminate until their pending read is\n"), r.output());
        assertTrue(r.output().endsWith("drwxr-xr-x  3 root  wheel  96 Nov 16 09:00 driver.kext\n"
                + "    Stock demo driver from the kextunload question: logs its callbacks and does\n"
                + "    nothing to resist unloading.\n"), r.output());
        for (String line : r.output().split("\n")) {
            assertTrue(line.length() <= 80, line);
        }
    }

    @Test
    void lsLongOfFilesAndHome() {
        Session s = Kextshell.newSession();
        run(s, "ls -l /Library/Extensions/driver.kext/Contents/Info.plist", 0,
                "-rw-r--r--  1 root  wheel  1747 Nov 16 09:00 /Library/Extensions/driver.kext/Contents/Info.plist");
        Result r = s.execute("ls -la ~");
        assertTrue(r.output().startsWith("total 8\ndrwxr-xr-x  3 learner  staff   96 Nov 16 09:00 .\n"), r.output());
    }

    @Test
    void lsErrorsAndMultipleOperands() {
        Session s = Kextshell.newSession();
        run(s, "ls /nope", 1, "ls: /nope: No such file or directory");
        run(s, "ls -q", 1, "ls: illegal option -- q", LsCommand.USAGE);
        run(s, "ls /Library/Extensions/driver.kext/Contents/Info.plist/", 1,
                "ls: /Library/Extensions/driver.kext/Contents/Info.plist/: Not a directory");
        run(s, "ls / /nope /Library", 1,
                "ls: /nope: No such file or directory", "/:", "Applications    Users           dev             tmp",
                "Library         Volumes         private         usr",
                "System          bin             sbin            var", "", "/Library:", "Extensions");
        run(s, "ls -d /Library", 0, "/Library");
        run(s, "ls ''", 1, "ls: fts_open: No such file or directory");
        run(s, "cat ''", 1, "cat: : No such file or directory");
        run(s, "cd ''", 0);
        run(s, "pwd", 0, "/Users/learner");
    }

    @Test
    void dotDotCannotEscapeTheRoot() {
        Session s = Kextshell.newSession();
        run(s, "ls -1 /../../..", 0, "Applications", "Library", "System", "Users", "Volumes", "bin", "dev", "private", "sbin", "tmp", "usr", "var");
        run(s, "cat ../../../etc/passwd", 1, "cat: ../../../etc/passwd: No such file or directory");
        run(s, "cat /../../pom.xml", 1, "cat: /../../pom.xml: No such file or directory");
        run(s, "cat /INDEX", 1, "cat: /INDEX: No such file or directory");
    }

    @Test
    void catFiles() {
        Session s = Kextshell.newSession();
        Result r = run(s, "cat /Library/Extensions/driver.kext/Contents/Resources/Summary.txt", 0,
                "Stock demo driver from the kextunload question: logs its callbacks and does nothing to resist "
                        + "unloading.");
        assertEquals(0, r.exitCode());
        s.execute("cd /Library/Extensions/driver.kext/Contents");
        assertTrue(s.execute("cat Info.plist").output().contains("<string>com.osxkernel.driver</string>"));
        assertTrue(s.execute("cat Sources/driver.cpp").output().contains("com_osxkernel_driver"));
    }

    @Test
    void catErrors() {
        Session s = Kextshell.newSession();
        run(s, "cat /nope", 1, "cat: /nope: No such file or directory");
        run(s, "cat /Library", 1, "cat: /Library: Is a directory");
        run(s, "cat -n x", 1, "cat: x: No such file or directory");
        run(s, "cat -x x", 1, "cat: illegal option -- x", "usage: cat [-benstuv] [file ...]");
        // No file: standard input, which is the terminal here, so nothing.
        run(s, "cat", 0);
        run(s, "cat /nope ~/README.txt", 1, ("cat: /nope: No such file or directory\n"
                + s.execute("cat README.txt").output()).strip().split("\n"));
    }

    @Test
    void kextinfoByIdAndPath() {
        Session s = Kextshell.newSession();
        String[] expected = {
            "Bundle ID: com.osxkernel.driver",
            "Path:      /Library/Extensions/driver.kext",
            "Version:   1.0.0",
            "Classes:   com_osxkernel_driver on IOResources, user client",
            "           com_osxkernel_driverClient",
            "Summary:   Stock demo driver from the kextunload question: logs its callbacks",
            "           and does nothing to resist unloading.",
            "Loaded:    no"};
        run(s, "kextinfo com.osxkernel.driver", 0, expected);
        s.execute("cd /Library/Extensions");
        run(s, "kextinfo driver.kext", 0, expected);
        loadDriver(s);
        String loaded = s.execute("kextinfo com.osxkernel.driver").output();
        assertTrue(loaded.matches("(?s).*\nLoaded:    yes \\(load tag \\d+\\)\n"), loaded);
    }

    @Test
    void kextinfoErrors() {
        Session s = Kextshell.newSession();
        run(s, "kextinfo com.nope", 1, "kextinfo: no kext bundle for 'com.nope' (a bundle identifier or a .kext path)");
        run(s, "kextinfo /Library", 1, "kextinfo: no kext bundle for '/Library' (a bundle identifier or a .kext path)");
        run(s, "kextinfo", 64, "kextinfo: Missing required parameter: 'BUNDLE-ID|PATH' (see 'kextinfo -h')");
    }
}
