package kextshell.kernel;

/**
 * A kext executable's kmod_info start and stop routines and the globals they share, one instance
 * per load (the executable's __DATA is fresh each time it is linked). OSKext::start calls
 * {@link #start}, OSKext::stop calls {@link #stop}; a non-zero kern_return_t from stop makes
 * OSKext::unload fail with kOSKextReturnStartStopError (0xdc008017), and the kext stays loaded.
 */
public interface KextModule {
    /** KERN_SUCCESS. */
    int KERN_SUCCESS = 0;
    /** KERN_FAILURE, what a stop routine usually returns to refuse (mach/kern_return.h). */
    int KERN_FAILURE = 5;

    /** The module start routine; the model's samples always succeed. */
    default int start(OSKext kext) {
        return KERN_SUCCESS;
    }

    /** The module stop routine, called by OSKext::stop when the kext has no instances left. */
    int stop(OSKext kext);

    /** IOLog from the module's own functions, under the executable's name as the log shows it. */
    static void IOLog(OSKext kext, String text) {
        kext.kernel().log().ioLog(kext.getExecutable(), text);
    }
}
