package kextshell.kexts;

/**
 * com.osxkernel.RobustVeto: refuses only a direct terminate while in use; terminates itself after the last client.
 * Port of RobustVeto.kext/Contents/Sources/RobustVeto.cpp.
 */
public class com_osxkernel_RobustVetoDriver extends StockDriver implements ClientCounter {
    private int fClientCount;

    @Override
    protected boolean refuseTerminate(int options) {
        return Vetoes.robust(this, options, fClientCount);
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
