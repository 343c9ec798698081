package kextshell.tools;

import kextshell.app.Kextshell;
import static kextshell.tools.ToolTesting.loadDriver;
import static kextshell.tools.ToolTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import kextshell.kernel.KernelLog;
import kextshell.kernel.Task;
import kextshell.shell.Result;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

class ProcessCommandsTest {
    private static final String OPEN_OK = "IOServiceOpen(com_osxkernel_driver) = 0x0 (kIOReturnSuccess)";

    private static Session withClient() {
        Session s = Kextshell.newSession();
        loadDriver(s);
        run(s, "launch com_osxkernel_driver", 0, "[pid 401] clientd: " + OPEN_OK);
        return s;
    }

    // ------------------------------------------------------------------ launch

    @Test
    void launchOpensAUserClient() {
        Session s = withClient();
        Task t = s.kernel().userSpace().task(401);
        assertTrue(t.alive());
        assertEquals(1, t.connections().size());
        assertEquals("LIVE", t.connections().get(0).stateName());
    }

    @Test
    void launchCountAndName() {
        Session s = Kextshell.newSession();
        loadDriver(s);
        run(s, "launch -n helper --count 3 com_osxkernel_driver", 0,
                "[pid 401] helper: " + OPEN_OK, "[pid 402] helper: " + OPEN_OK, "[pid 403] helper: " + OPEN_OK);
    }

    @Test
    void launchWithoutMatchExitsOne() {
        Session s = Kextshell.newSession();
        run(s, "launch com_nope", 1,
                "[pid 401] clientd: IOServiceGetMatchingService(com_nope) = 0 (no matching service)",
                "[pid 401] clientd: exited (status 1)");
        assertFalse(s.kernel().userSpace().task(401).alive());
    }

    @Test
    void launchOnAServiceWithoutUserClientClass() {
        Session s = Kextshell.newSession();
        run(s, "launch IOResources", 1,
                "[pid 401] clientd: IOServiceOpen(IOResources) = 0xe00002c7 (kIOReturnUnsupported)",
                "[pid 401] clientd: exited (status 1)");
    }

    @Test
    void launchRejectsBadInputWithoutSpawning() {
        Session s = Kextshell.newSession();
        run(s, "launch 'com nope'", 64, "launch: invalid class name: 'com nope' (a C++ identifier: letters, digits and _)");
        run(s, "launch --count 0 X", 64, "launch: --count must be between 1 and 100000: 0");
        run(s, "launch --count -3 X", 64, "launch: --count must be between 1 and 100000: -3");
        run(s, "launch --count 100001 X", 64, "launch: --count must be between 1 and 100000: 100001");
        run(s, "launch --count 99999999999 X", 64,
                "launch: Invalid value for option '--count': '99999999999' is not an int (see 'launch -h')");
        run(s, "launch -n 'a b' X", 64, "launch: invalid process name: 'a b' (1-16 characters of A-Z a-z 0-9 . _ -)");
        run(s, "launch", 64, "launch: Missing required parameter: 'CLASS' (see 'launch -h')");
        run(s, "launch --bogus X", 64, "launch: Unknown option: '--bogus' (see 'launch -h')");
        assertTrue(s.kernel().userSpace().tasks().isEmpty());
    }

    @Test
    void optionsDoNotLeakBetweenLines() {
        Session s = Kextshell.newSession();
        loadDriver(s);
        s.execute("launch -n first --count 2 com_osxkernel_driver");
        run(s, "launch com_osxkernel_driver", 0, "[pid 403] clientd: " + OPEN_OK);
    }

    @Test
    void launchHelp() {
        Result r = Kextshell.newSession().execute("launch -h");
        assertEquals(0, r.exitCode());
        assertTrue(r.output().startsWith("Usage: launch [-h] [--count=N] [-n=NAME] CLASS\n"), r.output());
    }

    // ------------------------------------------------------------------ ps

    @Test
    void psShowsLiveProcessesAndAllWithA() {
        Session s = withClient();
        s.execute("launch com_nope");
        run(s, "ps", 0,
                "  PID NAME    STATE     CONNECTIONS",
                "  401 clientd running   0x1003->com_osxkernel_driverClient[0x100000252] LIVE");
        run(s, "ps -a", 0,
                "  PID NAME    STATE     CONNECTIONS",
                "  401 clientd running   0x1003->com_osxkernel_driverClient[0x100000252] LIVE",
                "  402 clientd exit 1    -");
        run(s, "ps -q", 64, "ps: Unknown option: '-q' (see 'ps -h')");
    }

    @Test
    void psWithNoProcessesPrintsTheHeader() {
        run(Kextshell.newSession(), "ps", 0, "  PID NAME STATE     CONNECTIONS");
    }

    // ------------------------------------------------------------------ call / close

    @Test
    void callThenCloseThenCall() {
        Session s = withClient();
        run(s, "call 401", 0, "[pid 401] clientd: IOConnectCallScalarMethod(selector 0) = 0x0 (kIOReturnSuccess)");
        run(s, "call 401 0x7", 1,
                "[pid 401] clientd: IOConnectCallScalarMethod(selector 7) = 0xe00002c2 (kIOReturnBadArgument)");
        run(s, "close 401", 0, "[pid 401] clientd: IOServiceClose(0x1003) = 0x0 (kIOReturnSuccess)");
        assertTrue(ToolTesting.kernelLog(s).contains("com_osxkernel_driverClient::clientClose()"));
        run(s, "call 401", 1,
                "[pid 401] clientd: IOConnectCallScalarMethod(selector 0) = 0x10000003 (MACH_SEND_INVALID_DEST)");
        run(s, "close 401", 1, "close: process 401 (clientd) has no open connection");
    }

    @Test
    void callErrors() {
        Session s = withClient();
        run(s, "call 999", 1, "call: no such process: 999");
        run(s, "call abc", 64, "call: invalid pid: abc");
        run(s, "call 401 -1", 64, "call: invalid selector: -1 (0-4294967295 or 0x0-0xffffffff)");
        run(s, "call 401 0x100000000", 64, "call: invalid selector: 0x100000000 (0-4294967295 or 0x0-0xffffffff)");
        run(s, "call", 64, "call: Missing required parameter: 'PID' (see 'call -h')");
        Task bare = s.kernel().userSpace().spawn("bare");
        run(s, "call " + bare.pid(), 1, "call: process 402 (bare) has no IOKit connection");
        run(s, "close 999", 1, "close: no such process: 999");
        run(s, "close x", 64, "close: invalid pid: x");
    }

    @Test
    void callAfterTerminationIsInvalidDest() {
        Session s = withClient();
        s.kernel().kexts().unloadRequest("com.osxkernel.driver", true, true, KernelLog.DEFAULT_FILTER);
        run(s, "call 401", 1,
                "[pid 401] clientd: IOConnectCallScalarMethod(selector 0) = 0x10000003 (MACH_SEND_INVALID_DEST)");
        run(s, "close 401", 1, "[pid 401] clientd: IOServiceClose(0x1003) = 0x10000003 (MACH_SEND_INVALID_DEST)");
    }

    // ------------------------------------------------------------------ kill

    @Test
    void sigtermClosesThenExits() {
        Session s = withClient();
        run(s, "kill 401", 0,
                "[pid 401] clientd: caught SIGTERM, closing its connections",
                "[pid 401] clientd: IOServiceClose(0x1003) = 0x0 (kIOReturnSuccess)",
                "[pid 401] clientd: exited (status 0)");
        String log = ToolTesting.kernelLog(s);
        assertTrue(log.contains("clientClose()"), log);
        assertFalse(log.contains("clientDied()"), log);
        run(s, "ps -a", 0,
                "  PID NAME    STATE     CONNECTIONS",
                "  401 clientd exit 0    0x1003->com_osxkernel_driverClient[0x100000252] CLOSED");
    }

    @Test
    void sigkillSkipsCleanupAndTheKernelSeesClientDied() {
        Session s = withClient();
        run(s, "kill -9 401", 0, "[pid 401] clientd: exited (signal 9)");
        String log = ToolTesting.kernelLog(s);
        assertTrue(log.contains("clientDied()"), log);
        run(s, "ps", 0, "  PID NAME STATE     CONNECTIONS");
        run(s, "kill 401", 1, "kill: kill 401 failed: no such process");
    }

    @Test
    void killSignalSpellings() {
        Session s = Kextshell.newSession();
        loadDriver(s);
        s.execute("launch --count 4 com_osxkernel_driver");
        run(s, "kill -KILL 401", 0, "[pid 401] clientd: exited (signal 9)");
        run(s, "kill -s SIGKILL 402", 0, "[pid 402] clientd: exited (signal 9)");
        run(s, "kill -n 3 403", 0, "[pid 403] clientd: exited (signal 3)");
        run(s, "kill -WINCH 404", 0);
        run(s, "kill -TERM 404 999", 1,
                "[pid 404] clientd: caught SIGTERM, closing its connections",
                "[pid 404] clientd: IOServiceClose(0x1003) = 0x0 (kIOReturnSuccess)",
                "[pid 404] clientd: exited (status 0)",
                "kill: kill 999 failed: no such process");
    }

    @Test
    void killErrors() {
        Session s = withClient();
        run(s, "kill 999", 1, "kill: kill 999 failed: no such process");
        run(s, "kill", 1, "kill: not enough arguments");
        run(s, "kill -9", 1, "kill: not enough arguments");
        run(s, "kill -s", 1, "kill: -s requires an argument");
        run(s, "kill -FOO 401", 1, "kill: unknown signal: SIGFOO", "kill: type kill -l for a list of signals");
        run(s, "kill abc", 1, "kill: illegal pid: abc");
        run(s, "kill -STOP 401", 1, "kill: kextshell does not model stopped processes (SIGSTOP)");
        assertTrue(s.kernel().userSpace().task(401).alive());
        assertTrue(s.execute("kill -l").output().startsWith("HUP INT QUIT ILL"));
    }

    // ------------------------------------------------------------------ notify

    @Test
    void notifyDeliversServiceIsTerminated() {
        Session s = withClient();
        run(s, "notify 401", 0, "[pid 401] clientd: IOServiceAddInterestNotification(com_osxkernel_driver, "
                + "kIOGeneralInterest) = 0x0 (kIOReturnSuccess)");
        s.kernel().kexts().unloadRequest("com.osxkernel.driver", true, true, KernelLog.DEFAULT_FILTER);
        // The Session prints messages received during a command after its output.
        Result r = s.execute("ps");
        assertTrue(r.output().endsWith("[pid 401] clientd: message kIOMessageServiceIsTerminated (0xe0000010) "
                + "from com_osxkernel_driver\n"), r.output());
        assertEquals(1, s.kernel().userSpace().task(401).receivedMessages().size());
    }

    @Test
    void notifyErrors() {
        Session s = withClient();
        run(s, "notify 999", 1, "notify: no such process: 999");
        run(s, "notify", 64, "notify: Missing required parameter: 'PID' (see 'notify -h')");
        Task bare = s.kernel().userSpace().spawn("bare");
        run(s, "notify " + bare.pid(), 1, "notify: process 402 (bare) has not opened a service");
        s.kernel().kexts().unloadRequest("com.osxkernel.driver", true, true, KernelLog.DEFAULT_FILTER);
        // R27: phase 1 destroyed the service's object port; never kIOReturnNotAttached.
        run(s, "notify 401", 1, "[pid 401] clientd: IOServiceAddInterestNotification(com_osxkernel_driver, "
                + "kIOGeneralInterest) = 0x10000003 (MACH_SEND_INVALID_DEST)");
    }

    @Test
    void notifyAfterCloseSucceedsBecauseTheServiceHandleSurvives() {
        Session s = withClient();
        s.execute("close 401");
        run(s, "notify 401", 0, "[pid 401] clientd: IOServiceAddInterestNotification(com_osxkernel_driver, "
                + "kIOGeneralInterest) = 0x0 (kIOReturnSuccess)");
    }
}
