package kextshell.tools;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

/** Tab completion after a tool's options offers the values the kernel knows. */
class ToolCompletionTest {
    private final Session s = Kextshell.newSession();

    @Test
    void bundleIdsAfterDashB() {
        assertTrue(s.candidates(List.of("sudo", "kextunload", "-b"), "com.osx").contains("com.osxkernel.driver"));
        assertTrue(s.candidates(List.of("kextstat", "-b"), "").contains("com.apple.kpi.iokit"));
    }

    @Test
    void kextPathsForLoadingAndClassesForIoreg() {
        assertTrue(s.candidates(List.of("sudo", "kextload"), "/Lib").contains("/Library/Extensions/driver.kext"));
        assertTrue(s.candidates(List.of("ioreg", "-c"), "com_").contains("com_osxkernel_RobustVetoDriver"));
        assertTrue(s.candidates(List.of("launch"), "com_").contains("com_osxkernel_driver"));
    }

    @Test
    void pidsOfLiveDaemons() {
        assertFalse(s.candidates(List.of("call"), "").contains("401"));
        s.execute("sudo kextload /Library/Extensions/driver.kext");
        s.execute("launch com_osxkernel_driver");
        assertTrue(s.candidates(List.of("call"), "").contains("401"));
        s.execute("kill -9 401");
        assertFalse(s.candidates(List.of("kill"), "").contains("401"), "exited daemons are not offered");
    }

    @Test
    void optionsWhenTheWordStartsWithADash() {
        assertTrue(s.candidates(List.of("kextunload"), "-").contains("-personalities-only"));
        assertTrue(s.candidates(List.of("ioreg"), "-").contains("-r"));
    }
}
