package kextshell.lab;

import kextshell.app.Kextshell;

import kextshell.compare.Strategy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.kernel.KernelLog;
import kextshell.kernel.KextRequestResult;
import kextshell.shell.Console;
import kextshell.shell.Invocation;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

/** The lab workflow over an in-memory home: new, build, grade, and what kextload would load. */
class LabCommandTest {
    private final MemoryLabFiles home = new MemoryLabFiles();
    private final Session session = Kextshell.newSession();
    private Console console;

    private int lab(String... args) {
        console = new Console();
        return new LabCommand(inv -> home).run(new Invocation(session, console, false), List.of(args));
    }

    @Test
    void newWritesThePlistAndTheRenamedStockListing() {
        assertEquals(0, lab("new", "Lab"));
        String plist = home.read("Lab.kext/Contents/Info.plist");
        assertTrue(plist.contains("<string>com.example.Lab</string>"));
        assertTrue(plist.contains("<key>IOUserClientClass</key>\n\t\t\t<string>LabClient</string>"));
        assertTrue(plist.contains("<string>IOResources</string>"));
        String cpp = home.read("Lab.kext/Contents/Sources/Lab.cpp");
        assertTrue(cpp.contains("class Lab : public IOService"), cpp);
        assertTrue(cpp.contains("OSDefineMetaClassAndStructors(LabClient, IOUserClient)"), cpp);
        assertTrue(!cpp.contains("com_osxkernel"), cpp);
        assertEquals(73, lab("new", "Lab"), "an existing kext is never overwritten");
    }

    @Test
    void everySampleCanSeedANewKextThatBuilds() {
        for (kextshell.compare.Strategy s : kextshell.compare.Strategy.all()) {
            if (Samples.OUTSIDE_THE_SUBSET.contains(s.name())) {
                continue;
            }
            String name = "K" + s.name();
            assertEquals(0, lab("new", name, "--from", s.name()), s.name());
            assertEquals(0, lab("build", name), s.name() + "\n" + console.text());
        }
    }

    @Test
    void aUsbKextMatchesTheDevice() {
        assertEquals(0, lab("new", "Dev", "--usb"));
        String plist = home.read("Dev.kext/Contents/Info.plist");
        assertTrue(plist.contains("<string>IOUSBHostInterface</string>") && plist.contains("<integer>1452</integer>"));
    }

    @Test
    void aFailedBuildPrintsClangsDiagnosticsAndRemovesTheExecutable() {
        lab("new", "Lab");
        assertEquals(0, lab("build", "Lab"));
        assertNotNull(home.read(LabBuild.executable("Lab")));
        String path = "Lab.kext/Contents/Sources/Lab.cpp";
        home.write(path, home.read(path).replace("    registerService();", "    registerService()"));
        assertEquals(65, lab("build", "~/Lab.kext"));
        String text = console.text();
        assertTrue(text.contains("Lab.cpp:") && text.contains(": error: expected ';' after expression"), text);
        assertTrue(text.contains("1 error generated.") && text.endsWith("** BUILD FAILED **\n"), text);
        assertEquals(null, home.read(LabBuild.executable("Lab")), "nothing is loaded from a failed build");
        assertEquals(66, lab("grade", "Lab"));
    }

    @Test
    void gradingTheStockDriverFailsAndARobustDesignPasses() {
        lab("new", "Stock");
        lab("build", "Stock");
        assertEquals(1, lab("grade", "Stock"));
        assertTrue(console.text().contains("FAIL  kextunload refused while any client is connected"), console.text());
        lab("new", "Good", "--from", "RobustVeto");
        lab("build", "Good");
        assertEquals(0, lab("grade", "Good"), console.text());
        assertTrue(console.text().endsWith("5 of 5 requirements met.\n"), console.text());
    }

    @Test
    void whatWasBuiltLoadsIntoTheShellsKernel() {
        lab("new", "Lab");
        lab("build", "Lab");
        LabBuild.Loaded l = LabBuild.load(home, "Lab", Session.HOME + "/Lab.kext");
        assertNotNull(l.bundle(), l.error());
        KextRequestResult r = session.kernel().kexts().loadRequest(l.bundle(), KernelLog.DEFAULT_FILTER);
        assertEquals(0, r.result());
        assertTrue(session.kernel().log().lines().stream().anyMatch(x -> x.message()
                .equals("(Lab) virtual bool Lab::start(IOService *)")), "IOLog lines name the lab kext");
    }

    @Test
    void aMethodDeclaredCalledAndNeverDefinedFailsAtLoadNotAtBuild() {
        lab("new", "Lab");
        String path = "Lab.kext/Contents/Sources/Lab.cpp";
        home.write(path, home.read(path).replace("    bool terminate(IOOptionBits options = 0) override;\n};",
                "    bool terminate(IOOptionBits options = 0) override;\n    void helper(IOService *p);\n};")
                .replace("    registerService();", "    registerService();\n    helper(provider);"));
        assertEquals(0, lab("build", "Lab"), console.text());
        LabBuild.Loaded l = LabBuild.load(home, "Lab", Session.HOME + "/Lab.kext");
        assertEquals(null, l.bundle());
        assertEquals("Can't load kext com.example.Lab - link failed.", l.error());
        assertEquals(List.of("kxld[com.example.Lab]: The following symbols are unresolved for this kext:",
                "kxld[com.example.Lab]: \tLab::helper(IOService*)"), l.kernelLines());
    }

    @Test
    void anErrorInTheLearnersHeaderSaysWhereItWasIncluded() {
        home.write("H.kext/Contents/Sources/H.cpp", "#include <IOKit/IOService.h>\n#include \"H.h\"\n");
        home.write("H.kext/Contents/Sources/H.h", "int x = y;\n");
        assertEquals(65, lab("build", "H"));
        assertTrue(console.text().startsWith("""
                In file included from H.cpp:2:
                H.h:1:9: error: use of undeclared identifier 'y'
                """), console.text());
    }

    @Test
    void kextloadPathsNameTheLabKext() {
        assertEquals("Lab", LabBuild.nameOf("~/Lab.kext", Session.HOME));
        assertEquals("Lab", LabBuild.nameOf(Session.HOME + "/Lab.kext/", Session.HOME));
        assertEquals(null, LabBuild.nameOf("/Library/Extensions/driver.kext", Session.HOME));
        assertEquals(null, LabBuild.nameOf("~/sub/Lab.kext", Session.HOME));
    }

    @Test
    void badInputIsAUsageError() {
        assertEquals(64, lab());
        assertEquals(64, lab("frobnicate"));
        assertEquals(64, lab("new", "1bad"));
        assertEquals(64, lab("new", "X", "--from", "NoSuchStrategy"));
        assertEquals(66, lab("build", "Missing"));
    }
}
