package kextshell.tools;

import kextshell.app.Kextshell;
import kextshell.tools.args.GetoptLong;
import kextshell.tools.kext.KextstatCommand;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kextshell.shell.Result;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

class KextToolsTest {
    private final Session session = Kextshell.newSession();

    private Result run(String line) {
        return session.execute(line);
    }

    private void expect(String line, String output, int status) {
        Result r = run(line);
        assertEquals(output, r.output(), line);
        assertEquals(status, r.exitCode(), line);
    }

    @Test
    void kextunloadNeedsRootBeforeNoArgs() {
        expect("kextunload", "You must be running as root to unload kexts, terminate services, or remove driver "
                + "personalities.\n", 77);
        expect("sudo kextunload", "No kernel extensions specified.\nusage: kextunload [-h] [-v [0-6]]\n"
                + "        [-p] [-c class_name] ... [-b bundle_id] ... [kext] ...\n", 64);
    }

    @Test
    void kextunloadUnknownId() {
        expect("sudo kextunload -b com.nope", "(kernel) Kext com.nope not found for unload request.\n"
                + "Failed to unload com.nope - (libkern/kext) not found.\n", 3);
    }

    @Test
    void kextunloadHelpWithoutRoot() {
        Result r = run("kextunload -help");
        assertEquals(0, r.exitCode());
        assertTrue(r.output().endsWith("--: end of options\n"));
    }

    @Test
    void kextunloadSuccessIsSilentAndVerboseLevels() {
        expect("sudo kextload /Library/Extensions/driver.kext", "", 0);
        expect("sudo kextunload /Library/Extensions/driver.kext", "", 0);
        expect("sudo kextload /Library/Extensions/driver.kext", "", 0);
        expect("sudo kextunload -v -b com.osxkernel.driver",
                "com.osxkernel.driver unloaded and personalities removed.\n", 0);
        expect("sudo kextload /Library/Extensions/driver.kext", "", 0);
        Result r = run("sudo kextunload -v 5 -b com.osxkernel.driver");
        assertTrue(r.output().startsWith("Kext user-space log filter changed from 0xff2 to 0xfff.\n"
                + "Kext kernel-space log filter changed from 0xff2 to 0xfff.\n"
                + "Requesting unload of com.osxkernel.driver (with termnation of IOServices).\n"
                + "(kernel) User-space log flags changed from 0x0 to 0xfff.\n"
                + "(kernel) Received 'Unload' request from user space.\n"), r.output());
        assertTrue(r.output().endsWith("Successfully unloaded com.osxkernel.driver.\n"
                + "com.osxkernel.driver unloaded and personalities removed.\n"));
    }

    @Test
    void kextunloadVerboseFiveShowsKernelErrorLine() {
        expect("sudo kextunload -v 5 -b com.nope", "Kext user-space log filter changed from 0xff2 to 0xfff.\n"
                + "Kext kernel-space log filter changed from 0xff2 to 0xfff.\n"
                + "Requesting unload of com.nope (with termnation of IOServices).\n"
                + "(kernel) User-space log flags changed from 0x0 to 0xfff.\n"
                + "(kernel) Received 'Unload' request from user space.\n"
                + "(kernel) Kext com.nope not found for unload request.\n"
                + "Kernel error handling kext request - (libkern/kext) not found.\n"
                + "Failed to unload com.nope - (libkern/kext) not found.\n", 3);
    }

    @Test
    void kextunloadOptionErrors() {
        expect("kextunload -x", "kextunload: unrecognized option `-x'\n", 64);
        expect("sudo kextunload -b", "kextunload: option requires an argument -- b\n", 64);
        expect("sudo kextunload -class", "kextunload: option `-class' requires an argument\n", 64);
        expect("sudo kextunload -v2 -b com.nope", "kextunload: unrecognized option `-2'\n", 64);
        expect("sudo kextunload -quiet -b com.nope", "", 1);
        expect("sudo kextunload Nope.kext", "Can't create Nope.kext.\n", 1);
    }

    @Test
    void kextunloadPersonalitiesOnlyAndClass() {
        expect("sudo kextunload -c AppleKeyStore", "Failed to terminate class AppleKeyStore - (iokit/common) "
                + "unsupported function.\nCheck the system/kernel logs for error messages from the I/O Kit.\n", 3);
        expect("sudo kextunload -v -c NoSuchClass", "All instances of class NoSuchClass terminated.\n", 0);
    }

    @Test
    void kextloadPaths() {
        expect("kextload /Library/Extensions/driver.kext", "/Library/Extensions/driver.kext failed to load - "
                + "(libkern/kext) not privileged; check the system/kernel logs for errors or try kextutil(8).\n", 77);
        expect("sudo kextload -v /Library/Extensions/driver.kext",
                "Requesting load of /Library/Extensions/driver.kext.\n"
                        + "/Library/Extensions/driver.kext loaded successfully (or already loaded).\n", 0);
        expect("sudo kextload -b com.nope", "com.nope failed to load - (libkern/kext) not found; "
                + "check the system/kernel logs for errors or try kextutil(8).\n", 71);
        Result r = run("kextload");
        assertEquals(64, r.exitCode());
        assertTrue(r.output().startsWith("No kernel extensions specified; name kernel extension bundles\n"
                + "    following options, or use -bundle-id (-b).\nusage: kextload"));
        expect("kextload -D -b com.osxkernel.driver", "Notice: -no-loaded-check (-D) ignored.\n"
                + "com.osxkernel.driver failed to load - (libkern/kext) not privileged; "
                + "check the system/kernel logs for errors or try kextutil(8).\n", 77);
        assertTrue(run("kextload -x").output().startsWith("kextload: unrecognized option `-x'\n"
                + "Use kextutil(8) for development loading of kexts.\nusage: kextload"));
    }

    @Test
    void kextstatRowFormat() {
        run("sudo kextload /Library/Extensions/driver.kext");
        Result r = run("kextstat -b com.osxkernel.driver");
        String[] lines = r.output().split("\n");
        assertEquals("Index Refs Address            Size       Wired      Name (Version) UUID <Linked Against>",
                lines[0]);
        assertTrue(lines[1].matches(" {2}\\d{3}    0 0xffffff7f[0-9a-f]{8} 0x[0-9a-f]+ +0x[0-9a-f]+ +"
                + "com\\.osxkernel\\.driver \\(1\\.0\\.0\\) [0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}"
                + " <5 3>"), lines[1]);
        assertEquals(2, lines.length);
    }

    @Test
    void kextstatHelpersAndQuirks() {
        assertEquals("0", KextstatCommand.altHex(0));
        assertEquals("0x1c000", KextstatCommand.altHex(0x1c000));
        assertTrue(run("kextstat -k -l").output().lines().noneMatch(l -> l.contains("com.apple.kpi.")));
        assertTrue(run("kextstat -s").output().contains("com.apple.kpi.bsd"));
        Result extra = run("kextstat foo");
        assertEquals(64, extra.exitCode());
        assertEquals(2, extra.output().split("usage: kextstat", -1).length - 1);
        Result unknown = run("kextstat -z -l -b com.apple.kec.Libm");
        assertEquals(0, unknown.exitCode());
        assertTrue(unknown.output().startsWith("kextstat: unrecognized option `-z'\n    9"));
    }

    @Test
    void kextstatArchColumnShowsQuestionMarksForKpiInterfaces() {
        String[] lines = run("kextstat -a -b com.apple.kpi.bsd -b com.apple.kec.Libm").output().split("\n");
        assertEquals("Index Refs Address            Size       Wired      Architecture       Name (Version) UUID "
                + "<Linked Against>", lines[0]);
        assertTrue(lines[1].contains(" 0xc340     0xc340           ????/????    com.apple.kpi.bsd (19.6.0) "), lines[1]);
        assertTrue(lines[2].contains(" x86_64             com.apple.kec.Libm (1) "), lines[2]);
    }

    @Test
    void kextutil() {
        expect("kextutil /Library/Extensions/driver.kext", "You must be running as root to load kexts or send "
                + "personalities into the kernel.\n", 77);
        String staging = "Skipping staging and system policy checks because not running as root, expect staging errors.\n";
        expect("kextutil -n /Library/Extensions/driver.kext", staging, 0);
        expect("kextutil -n -z /Library/Extensions/driver.kext", "", 0);
        expect("kextutil -n -v /Library/Extensions/driver.kext", "Defaulting to kernel file "
                + "'/System/Library/Kernels/kernel'\n" + staging + "/Library/Extensions/driver.kext appears to be "
                + "loadable (including linkage for on-disk libraries).\n", 0);
        expect("kextutil -n -v -k /System/Library/Kernels/kernel -z /Library/Extensions/driver.kext",
                "/Library/Extensions/driver.kext appears to be loadable (including linkage for on-disk libraries).\n", 0);
        expect("sudo kextutil /Library/Extensions/driver.kext", "", 0);
        assertTrue(run("kextstat -l -b com.osxkernel.driver").output().contains("com.osxkernel.driver (1.0.0)"));
        expect("kextutil -n /tmp/Nope.kext", "Can't stat /tmp/Nope.kext - No such file or directory.\n", 66);
        Result help = run("kextutil -h");
        assertEquals(0, help.exitCode());
        assertTrue(help.output().startsWith("usage: kextutil [options] [--] [kext] ...\n\nkext: a kext bundle"));
    }

    @Test
    void getoptPermutesAndAbbreviates() {
        java.util.List<String> errs = new java.util.ArrayList<>();
        GetoptLong g = new GetoptLong("kextstat", java.util.List.of("a.kext", "-so", "-b", "x", "b.kext"), "b:hkla",
                java.util.List.of(new GetoptLong.LongOpt("sort", GetoptLong.Arg.NONE, 's'),
                        new GetoptLong.LongOpt("bundle-id", GetoptLong.Arg.REQUIRED, 'b')), errs::add);
        assertEquals('s', g.next());
        assertEquals('b', g.next());
        assertEquals("x", g.optarg);
        assertEquals(GetoptLong.END, g.next());
        assertEquals(java.util.List.of("a.kext", "b.kext"), g.operands());
        assertTrue(errs.isEmpty());
    }
}
