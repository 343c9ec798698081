package kextshell.kernel;

import java.util.Map;

/**
 * Return codes the model produces, with the text libsystem's mach_error_string() gives them
 * (xnu libsyscall/mach/err_libkern.sub, err_iokit.sub, err_mach_ipc.sub, error_codes.c).
 */
public final class IOReturn {
    private IOReturn() {
    }

    public static final int kIOReturnSuccess = 0;
    public static final int KERN_FAILURE = 0x5;
    public static final int MACH_SEND_INVALID_DEST = 0x10000003;
    public static final int kOSReturnError = 0xdc000001;
    public static final int kOSKextReturnInternalError = 0xdc008001;
    public static final int kOSKextReturnNotPrivileged = 0xdc008004;
    public static final int kOSKextReturnInvalidArgument = 0xdc008005;
    public static final int kOSKextReturnNotFound = 0xdc008006;
    public static final int kOSKextReturnDisabled = 0xdc00800a;
    public static final int kOSKextReturnNotAKext = 0xdc00800b;
    public static final int kOSKextReturnValidation = 0xdc00800c;
    public static final int kOSKextReturnAuthentication = 0xdc00800d;
    public static final int kOSKextReturnDependencies = 0xdc00800e;
    public static final int kOSKextReturnLoadedVersionDiffers = 0xdc008014;
    public static final int kOSKextReturnDependencyLoadError = 0xdc008015;
    public static final int kOSKextReturnLinkError = 0xdc008016;
    public static final int kOSKextReturnStopping = 0xdc00801a;
    public static final int kOSKextReturnSystemPolicy = 0xdc00801b;
    public static final int kOSKextReturnNotLoadable = 0xdc008013;
    public static final int kOSKextReturnStartStopError = 0xdc008017;
    public static final int kOSKextReturnInUse = 0xdc008018;
    public static final int kOSKextReturnTimeout = 0xdc008019;
    public static final int kIOReturnError = 0xe00002bc;
    public static final int kIOReturnNoMemory = 0xe00002bd;
    public static final int kIOReturnNoResources = 0xe00002be;
    public static final int kIOReturnNoDevice = 0xe00002c0;
    public static final int kIOReturnNotPrivileged = 0xe00002c1;
    public static final int kIOReturnBadArgument = 0xe00002c2;
    public static final int kIOReturnExclusiveAccess = 0xe00002c5;
    public static final int kIOReturnUnsupported = 0xe00002c7;
    public static final int kIOReturnNotOpen = 0xe00002cd;
    public static final int kIOReturnStillOpen = 0xe00002d2;
    public static final int kIOReturnBusy = 0xe00002d5;
    public static final int kIOReturnOffline = 0xe00002d7;
    public static final int kIOReturnNotReady = 0xe00002d8;
    public static final int kIOReturnNotAttached = 0xe00002d9;
    public static final int kIOReturnNotPermitted = 0xe00002e2;
    public static final int kIOReturnAborted = 0xe00002eb;

    private record Info(String symbol, String text) {
    }

    private static final Map<Integer, Info> TABLE = Map.ofEntries(
            e(kIOReturnSuccess, "kIOReturnSuccess", "(os/kern) successful"),
            e(KERN_FAILURE, "KERN_FAILURE", "(os/kern) failure"),
            e(MACH_SEND_INVALID_DEST, "MACH_SEND_INVALID_DEST", "(ipc/send) invalid destination port"),
            e(kOSReturnError, "kOSReturnError", "(libkern/common) general/unspecified error"),
            e(kOSKextReturnInternalError, "kOSKextReturnInternalError", "(libkern/kext) internal error"),
            e(kOSKextReturnNotPrivileged, "kOSKextReturnNotPrivileged", "(libkern/kext) not privileged"),
            e(kOSKextReturnInvalidArgument, "kOSKextReturnInvalidArgument", "(libkern/kext) invalid argument"),
            e(kOSKextReturnNotFound, "kOSKextReturnNotFound", "(libkern/kext) not found"),
            e(kOSKextReturnDisabled, "kOSKextReturnDisabled", "(libkern/kext) function disabled"),
            e(kOSKextReturnNotAKext, "kOSKextReturnNotAKext", "(libkern/kext) malformed kext (bundle layout/missing plist)"),
            e(kOSKextReturnValidation, "kOSKextReturnValidation", "(libkern/kext) validation failure (plist/executable)"),
            e(kOSKextReturnAuthentication, "kOSKextReturnAuthentication",
                    "(libkern/kext) authentication failure (file ownership/permissions)"),
            e(kOSKextReturnLoadedVersionDiffers, "kOSKextReturnLoadedVersionDiffers",
                    "(libkern/kext) different version/uuid already loaded"),
            e(kOSKextReturnDependencyLoadError, "kOSKextReturnDependencyLoadError", "(libkern/kext) dependency load failed"),
            e(kOSKextReturnLinkError, "kOSKextReturnLinkError", "(libkern/kext) link error"),
            e(kOSKextReturnStopping, "kOSKextReturnStopping", "(libkern/kext) kext is stopping and cannot issue requests"),
            e(kOSKextReturnSystemPolicy, "kOSKextReturnSystemPolicy", "(libkern/kext) system policy prevents loading"),
            e(kOSKextReturnDependencies, "kOSKextReturnDependencies", "(libkern/kext) dependency resolution failure"),
            e(kOSKextReturnNotLoadable, "kOSKextReturnNotLoadable", "(libkern/kext) not loadable (reason unspecified)"),
            e(kOSKextReturnStartStopError, "kOSKextReturnStartStopError",
                    "(libkern/kext) kext (kmod) start/stop routine failed"),
            e(kOSKextReturnInUse, "kOSKextReturnInUse", "(libkern/kext) kext is in use or retained (cannot unload)"),
            e(kOSKextReturnTimeout, "kOSKextReturnTimeout", "(libkern/kext) kext request timed out"),
            e(kIOReturnError, "kIOReturnError", "(iokit/common) general error"),
            e(kIOReturnNoMemory, "kIOReturnNoMemory", "(iokit/common) can't allocate memory"),
            e(kIOReturnNoResources, "kIOReturnNoResources", "(iokit/common) resource shortage"),
            e(kIOReturnNoDevice, "kIOReturnNoDevice", "(iokit/common) no such device"),
            e(kIOReturnNotPrivileged, "kIOReturnNotPrivileged", "(iokit/common) privilege violation"),
            e(kIOReturnBadArgument, "kIOReturnBadArgument", "(iokit/common) invalid argument"),
            e(kIOReturnExclusiveAccess, "kIOReturnExclusiveAccess",
                    "(iokit/common) exclusive access and device already open"),
            e(kIOReturnUnsupported, "kIOReturnUnsupported", "(iokit/common) unsupported function"),
            e(kIOReturnNotOpen, "kIOReturnNotOpen", "(iokit/common) device not open"),
            e(kIOReturnStillOpen, "kIOReturnStillOpen", "(iokit/common) device(s) still open"),
            e(kIOReturnBusy, "kIOReturnBusy", "(iokit/common) Device Busy"),
            e(kIOReturnOffline, "kIOReturnOffline", "(iokit/common) device offline"),
            e(kIOReturnNotReady, "kIOReturnNotReady", "(iokit/common) not ready"),
            e(kIOReturnNotAttached, "kIOReturnNotAttached", "(iokit/common) device not attached"),
            e(kIOReturnNotPermitted, "kIOReturnNotPermitted", "(iokit/common) not permitted"),
            e(kIOReturnAborted, "kIOReturnAborted", "(iokit/common) operation aborted"));

    private static Map.Entry<Integer, Info> e(int code, String symbol, String text) {
        return Map.entry(code, new Info(symbol, text));
    }

    /** The symbolic name, e.g. kIOReturnUnsupported, or the hex value when unknown. */
    public static String name(int code) {
        Info info = TABLE.get(code);
        return info != null ? info.symbol() : hex(code);
    }

    /**
     * mach_error_string(): known codes give their table text; the fallbacks follow
     * libsyscall/mach/mach_error_string.c for an unknown code, subsystem or system.
     */
    public static String machErrorString(int code) {
        Info info = TABLE.get(code);
        if (info != null) {
            return info.text();
        }
        int system = (code >>> 26) & 0x3f;
        int sub = (code >>> 14) & 0xfff;
        if (system == 0x37) {
            return sub == 0 || sub == 2 ? "unknown error code" : "(libkern/?) unknown subsystem error";
        }
        if (system == 0x38) {
            return sub == 0 ? "unknown error code" : "(iokit/?) unknown subsystem error";
        }
        if (system == 0 || system == 4) {
            return "unknown error code";
        }
        return "(?/?) unknown error system";
    }

    public static String hex(int code) {
        return "0x" + Integer.toHexString(code);
    }
}
