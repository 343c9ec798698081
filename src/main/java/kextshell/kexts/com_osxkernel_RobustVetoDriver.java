package kextshell.kexts;

import static kextshell.kernel.IOOptions.kIOServiceRecursing;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.RobustVeto: refuses only a direct terminate while in use; terminates itself after the last client.
 * Port of RobustVeto.kext/Contents/Sources/RobustVeto.cpp.
 */
public class com_osxkernel_RobustVetoDriver extends IOService implements ClientCounter {
    private int fClientCount;

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_RobustVetoDriver::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        fClientCount = 0;
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_RobustVetoDriver::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_RobustVetoDriver::terminate(IOOptionBits)");

        IOService provider = getProvider();
        boolean providerAlive = provider != null && !provider.isInactive();

        if ((options & kIOServiceRecursing) == 0 && providerAlive && fClientCount > 0) {
            // A direct request (kextunload, kextunload -c, or another kext) while we are in use.
            IOLog(getName() + ": " + fClientCount + " user client(s) connected, refusing to terminate");
            return false;
        }

        // Provider termination (always honoured), our own self-termination, or a kextunload
        // with nobody connected.
        return super.terminate(options);
    }

    @Override
    public void clientStarted() {
        fClientCount++; // OSIncrementAtomic
    }

    @Override
    public void clientStopped() {
        // OSDecrementAtomic returns the value BEFORE the decrement.
        if (fClientCount-- != 1) {
            return;
        }

        // The last client is gone. If we are already being terminated (the client stops because
        // WE are going away), there is nothing to do.
        if (isInactive()) {
            return;
        }

        IOLog(getName() + ": last user client gone, terminating");

        // Asynchronous on purpose: we are on the terminate thread, inside terminateWorker; the
        // request is queued and picked up by the loop already running.
        terminate();
    }
}
