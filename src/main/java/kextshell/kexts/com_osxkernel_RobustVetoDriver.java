package kextshell.kexts;

import static kextshell.kernel.IOOptions.kIOServiceRecursing;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.RobustVeto: refuses only a direct terminate while in use; terminates itself after the last client.
 * Port of RobustVeto.kext/Contents/Sources/RobustVeto.cpp.
 */
public class com_osxkernel_RobustVetoDriver extends StockDriver implements ClientCounter {
    private int fClientCount;

    /**
     * Refuse only a direct request (kextunload, kextunload -c, another kext) while the provider is
     * alive and clients exist. Provider termination arrives through requestTerminate with
     * kIOServiceRecursing set and the provider already inactive, and is always honoured.
     */
    @Override
    protected boolean refuseTerminate(int options) {
        IOService provider = getProvider();
        boolean providerAlive = provider != null && !provider.isInactive();
        if ((options & kIOServiceRecursing) == 0 && providerAlive && fClientCount > 0) {
            IOLog(getName() + ": " + fClientCount + " user client(s) connected, refusing to terminate");
            return true;
        }
        return false;
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
