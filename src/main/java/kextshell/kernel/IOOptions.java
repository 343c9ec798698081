package kextshell.kernel;

/**
 * Option bits passed to terminate() and friends, the private __state bits, and IOMessage codes.
 * Values from iokit/IOKit/IOService.h, iokit/Kernel/IOServicePrivate.h and IOMessage.h.
 */
public final class IOOptions {
    private IOOptions() {
    }

    // IOService.h option bits
    public static final int kIOServiceRequired = 0x1;
    public static final int kIOServiceSynchronous = 0x2;
    public static final int kIOServiceTerminate = 0x4;
    public static final int kIOServiceTerminateNeedWillTerminate = 0x100;
    /** IOServicePrivate.h; not in the kext SDK, unchanged from xnu-3789 to 11417. */
    public static final int kIOServiceRecursing = 0x00100000;

    // __state[0]
    public static final int kIOServiceInactiveState = 0x1;
    public static final int kIOServiceRegisteredState = 0x2;
    public static final int kIOServiceMatchedState = 0x4;
    public static final int kIOServiceFirstPublishState = 0x8;
    public static final int kIOServiceFirstMatchState = 0x10;

    // __state[1]
    public static final int kIOServiceBusyStateMask = 0x3ff;
    public static final int kIOServiceBusyMax = 1023;
    public static final int kIOServiceConfigState = 0x04000000;
    public static final int kIOServiceStartState = 0x02000000;
    public static final int kIOServiceTermPhase2State = 0x01000000;
    public static final int kIOServiceTermPhase3State = 0x00800000;
    public static final int kIOServiceTermPhase1State = 0x00400000;
    public static final int kIOServiceTerm1WaiterState = 0x00200000;
    public static final int kIOServiceRecursingState = 0x00100000;
    public static final int kIOServiceNeedWillTerminate = 0x00080000;
    public static final int kIOServiceWaitDetachState = 0x00040000;
    public static final int kIOServiceFinalized = 0x00010000;

    // IOMessage.h
    public static final int kIOMessageServiceIsTerminated = 0xe0000010;
    public static final int kIOMessageServiceIsRequestingClose = 0xe0000100;
    public static final int kIOMessageServiceIsAttemptingOpen = 0xe0000101;
    public static final int kIOMessageServiceWasClosed = 0xe0000110;
    public static final int kIOMessageServiceBusyStateChange = 0xe0000120;

    public static String messageName(int type) {
        switch (type) {
            case kIOMessageServiceIsTerminated:
                return "kIOMessageServiceIsTerminated";
            case kIOMessageServiceIsRequestingClose:
                return "kIOMessageServiceIsRequestingClose";
            case kIOMessageServiceIsAttemptingOpen:
                return "kIOMessageServiceIsAttemptingOpen";
            case kIOMessageServiceWasClosed:
                return "kIOMessageServiceWasClosed";
            case kIOMessageServiceBusyStateChange:
                return "kIOMessageServiceBusyStateChange";
            default:
                return IOReturn.hex(type);
        }
    }

    /** Options as the TLOG lines print them: %08llx. */
    public static String hex8(int options) {
        return String.format(java.util.Locale.ROOT, "%08x", options);
    }
}
