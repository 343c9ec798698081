package kextshell.shell;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import kextshell.transcript.ReplayCommand;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Robustness issue 3: root checks as on macOS, the 10.15.4+ terminate gate, no way out to the host. */
class PrivilegeTest {
    static final String NOT_ROOT =
            "You must be running as root to unload kexts, terminate services, or remove driver personalities.\n";

    @TempDir
    Path dir;

    private static Session loaded() {
        Session s = Kextshell.newSession(new SessionConfig(0, 80));
        assertEquals(0, s.execute("sudo kextload /Library/Extensions/driver.kext").exitCode());
        return s;
    }

    @Test
    void kextunloadWithoutSudoIsRefusedWith77() {
        Session s = loaded();
        String before = s.execute("ioreg -w 0").output() + s.execute("kextstat").output();
        for (String line : new String[] {"kextunload -b com.osxkernel.driver", "kextunload -c com_osxkernel_driver",
                "kextunload -p -b com.osxkernel.driver", "kextunload -p", "kextunload",
                "kextunload /Library/Extensions/driver.kext"}) {
            assertEquals(err(NOT_ROOT, 77), s.execute(line), line);
        }
        assertEquals(before, s.execute("ioreg -w 0").output() + s.execute("kextstat").output());
    }

    @Test
    void kextloadWithoutSudoIsRefusedWith77() {
        Session s = Kextshell.newSession(new SessionConfig(0, 80));
        // kextd answers, so the tool itself doesn't check; kextd refuses a non-root request.
        assertEquals(err("/Library/Extensions/driver.kext failed to load - (libkern/kext) not privileged;"
                + " check the system/kernel logs for errors or try kextutil(8).\n", 77),
                s.execute("kextload /Library/Extensions/driver.kext"));
        assertEquals(77, s.execute("kextload -b com.osxkernel.driver").exitCode());
        assertEquals(err("You must be running as root to load kexts or send personalities into the kernel.\n",
                77), s.execute("kextutil /Library/Extensions/driver.kext"));
        assertEquals("", s.execute("kextstat -l -b com.osxkernel.driver").output());
        assertEquals(0, s.execute("sudo kextload -b com.osxkernel.driver").exitCode());
    }

    @Test
    void appleKextsAreNotTerminatedByKextunload() {
        Session s = Kextshell.newSession(new SessionConfig(0, 80));
        // An Apple kext with no dependents meets the 10.15.4+ gate in IOCatalogue::terminateDrivers.
        Result r = s.execute("sudo kextunload -b com.apple.driver.usb.AppleUSBXHCIPCI");
        assertEquals(err("(kernel) Can't remove kext com.apple.driver.usb.AppleUSBXHCIPCI; services failed"
                + " to terminate - 0xe00002c7.\nFailed to unload com.apple.driver.usb.AppleUSBXHCIPCI -"
                + " (iokit/common) unsupported function.\n", 3), r);
        assertTrue(s.execute("log show").output()
                .contains("disallowing kextunload terminate for bundleID com.apple.driver.usb.AppleUSBXHCIPCI"));

        // AppleKeyStore has a dependent (Refs 1), so OSKext::canUnloadKextWithIdentifier refuses it
        // first, before any service is looked at; either way nothing is terminated.
        String before = s.execute("ioreg -w 0").output() + s.execute("kextstat").output();
        r = s.execute("sudo kextunload -b com.apple.driver.AppleKeyStore");
        assertEquals(3, r.exitCode());
        assertTrue(r.output().startsWith("(kernel) Can't remove kext com.apple.driver.AppleKeyStore; services failed"
                + " to terminate - "), r.output());
        assertEquals(before, s.execute("ioreg -w 0").output() + s.execute("kextstat").output());

        r = s.execute("sudo kextunload -c AppleKeyStore");
        assertEquals(3, r.exitCode(), r.output());
        assertTrue(s.execute("log show").output()
                .contains("disallowing kextunload terminate for bundleID com.apple.driver.AppleKeyStore"));
        assertEquals(before, s.execute("ioreg -w 0").output() + s.execute("kextstat").output());
    }

    @Test
    void catLsCdNeverReachTheHost() {
        Session s = Kextshell.newSession(new SessionConfig(0, 80));
        assertEquals(err("cat: /etc/passwd: No such file or directory\n", 1), s.execute("cat /etc/passwd"));
        assertEquals(err("cat: ../../../../etc/passwd: No such file or directory\n", 1),
                s.execute("cat ../../../../etc/passwd"));
        assertEquals(1, s.execute("cat /etc/hosts").exitCode());
        assertEquals(1, s.execute("cat " + Path.of("pom.xml").toAbsolutePath()).exitCode());
        assertEquals(err("ls: /proc: No such file or directory\n", 1), s.execute("ls /proc"));
        assertEquals(1, s.execute("ls /etc").exitCode());
        assertEquals(1, s.execute("ls " + Path.of("").toAbsolutePath()).exitCode());
        assertEquals(err("cd: no such file or directory: /etc\n", 1), s.execute("cd /etc"));
        assertEquals(1, s.execute("cd ../../../../etc").exitCode());
        // /tmp is the session's own, empty and in memory, not the host's
        assertEquals(0, s.execute("cd ../../../../tmp").exitCode());
        assertEquals("", s.execute("ls").output());
        s.execute("cd");
        assertEquals(0, s.execute("cd ../../../..").exitCode());
        assertEquals("/\n", s.execute("pwd").output()); // .. at / stays at /
        assertEquals(1, s.execute("cat etc/passwd").exitCode());
    }

    private String replay(Path... files) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        String[] args = new String[files.length + 1];
        args[0] = "--check";
        for (int i = 0; i < files.length; i++) {
            args[i + 1] = files[i].toString();
        }
        int status = ReplayCommand.run(args, new ByteArrayInputStream(new byte[0]),
                new PrintStream(bytes, true, StandardCharsets.UTF_8), Kextshell.sessions());
        return status + "\n" + bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void replayReadsOnlyTheFilesItIsGivenAndWritesNothing() throws IOException {
        Path secret = dir.resolve("secret.md");
        Files.writeString(secret, "```kextshell\n$ whoami\nsomebody-else\n```\n");
        Path lesson = dir.resolve("lesson.md");
        Files.writeString(lesson, "# Includes are not a thing\n\n"
                + "<!-- include " + secret + " -->\n\n"
                + "```kextshell\n"
                + "$ cat " + secret + "\n"
                + "cat: " + secret + ": No such file or directory\n? 1\n"
                + "$ record " + dir.resolve("out.md") + "\n"
                + "record: not available while replaying a transcript\n? 1\n"
                + "$ whoami\nlearner\n"
                + "```\n");
        assertEquals("0\n1 passed, 0 failed\n", replay(lesson));
        try (Stream<Path> files = Files.list(dir)) {
            assertEquals(2, files.count()); // out.md was not written
        }
        // The secret file is a failing transcript when named, which shows the first run never read it.
        assertTrue(replay(secret).startsWith("1\n"));
    }

    @Test
    void transcriptsAreNeverInterpolated() throws IOException {
        // CVE-2022-42889 (Text4Shell): ${script:...} and ${java:...} lookups must stay literal text.
        Path file = dir.resolve("lookups.md");
        Files.writeString(file, "# ${java:version} and ${env:HOME}\n\n"
                + "Prose with ${script:javascript:java.lang.System.exit(3)} is just prose.\n\n"
                + "```kextshell\n"
                + "$ '${java:version}'\n"
                + "zsh: command not found: ${java:version}\n? 127\n"
                + "$ kextinfo '${script:javascript:java.lang.System.exit(3)}'\n"
                + "kextinfo: no kext bundle for '${script:javascript:java.lang.System.exit(3)}'"
                + " (a bundle identifier or a .kext path)\n? 1\n"
                + "$ ls '${sys:user.home}'\n"
                + "ls: ${sys:user.home}: No such file or directory\n? 1\n"
                + "```\n");
        String out = replay(file);
        assertEquals("0\n1 passed, 0 failed\n", out);
        assertFalse(out.contains(System.getProperty("java.version")));
        // And a wrong expectation fails: the lookup was not expanded into something that matches.
        Files.writeString(file, "```kextshell\n$ '${java:version}'\nzsh: command not found: "
                + System.getProperty("java.version") + "\n? 127\n```\n");
        assertTrue(replay(file).startsWith("1\n"));
    }

    /** What a command printed on stderr, with its status. */
    private static Result err(String stderr, int status) {
        return new Result(java.util.List.of(new Result.Chunk(true, stderr)), status);
    }
}
