package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.KextRetain: OSKextRetainKextWithLoadTag while clients exist.
 * Port of KextRetain.kext/Contents/Sources/KextRetain.cpp.
 */
public class com_osxkernel_KextRetainDriver extends IOService implements ClientCounter {
    private int fClientCount;

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_KextRetainDriver::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        fClientCount = 0;
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_KextRetainDriver::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        // No veto here: while the kext retain is held, kextunload never gets as far as calling us.
        IOLog("virtual bool com_osxkernel_KextRetainDriver::terminate(IOOptionBits)");
        return super.terminate(options);
    }

    @Override
    public void clientStarted() {
        // OSIncrementAtomic returns the value BEFORE the increment.
        if (fClientCount++ == 0) {
            kernel().kexts().retainKextWithLoadTag(getKext().getLoadTag()); // OSKextGetCurrentLoadTag()
        }
    }

    @Override
    public void clientStopped() {
        if (fClientCount-- == 1) {
            kernel().kexts().releaseKextWithLoadTag(getKext().getLoadTag());
        }
    }
}
