package kextshell.tools;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.stream.Collectors;
import kextshell.kernel.Kernel;
import kextshell.kernel.KernelLog;
import kextshell.kernel.LogLine;
import kextshell.shell.Result;
import kextshell.shell.Session;

/** Helpers shared by the command tests. */
final class ToolTesting {
    private ToolTesting() {
    }

    /** Loads the demo kext through the kernel API (kextload lives on another branch). */
    static void loadDriver(Session s) {
        Kernel k = s.kernel();
        k.kexts().loadRequest(k.kexts().bundleOnDisk("com.osxkernel.driver"), KernelLog.DEFAULT_FILTER);
    }

    /** Runs a line and checks its complete output and status. */
    static Result run(Session s, String line, int status, String... outputLines) {
        Result r = s.execute(line);
        String expected = outputLines.length == 0 ? "" : String.join("\n", outputLines) + "\n";
        assertEquals(expected, r.output(), line);
        assertEquals(status, r.exitCode(), line + " status");
        return r;
    }

    /** Every IOLog / kext log line written so far. */
    static String kernelLog(Session s) {
        return s.kernel().log().lines().stream().map(LogLine::message).collect(Collectors.joining("\n"));
    }
}
