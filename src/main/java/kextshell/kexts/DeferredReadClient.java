package kextshell.kexts;

import kextshell.kernel.IOService;
import kextshell.kernel.Task;
import kextshell.kernel.VirtualClock;

/**
 * The user client of DeferredStop.cpp and DeferredStopStuck.cpp: the stock client plus one read
 * kept in flight from start() on. When its provider terminates, didTerminate sets {@code *defer}
 * so IOService::didTerminate schedules no stop; when the read completes, the base didTerminate is
 * called again with defer false and the stop goes ahead. The IOTimerEventSource is a kernel
 * timer: armed only when the read is aborted (setTimeoutMS), cancelled in stop() (cancelTimeout).
 */
public abstract class DeferredReadClient extends StockUserClient {
    /** How long the (simulated) hardware takes to acknowledge an abort. */
    static final long kDeferredStopAbortLatencyMS = 2000;

    private VirtualClock.Timer fReadTimer;   // fires when the pending read completes
    private boolean fReadPending;            // a read is in flight
    private IOService fDeferredProvider;     // non-null while our stop() is deferred
    private int fDeferredOptions;

    /** DeferredStop aborts the read so it completes soon; DeferredStopStuck does not, and waits forever. */
    protected abstract boolean abortsRead();

    @Override
    public boolean initWithTask(Task owningTask, int type) {
        fReadTimer = null;
        fReadPending = false;
        fDeferredProvider = null;
        fDeferredOptions = 0;
        return super.initWithTask(owningTask, type);
    }

    @Override
    public boolean start(IOService provider) {
        if (!super.start(provider)) {
            return false;
        }
        fReadPending = true; // post the read
        return true;
    }

    @Override
    protected void stopping(IOService provider) {
        if (fReadTimer != null) {
            fReadTimer.cancel();
            fReadTimer = null;
        }
        fReadPending = false;
    }

    @Override
    public boolean didTerminate(IOService provider, int options, boolean[] defer) {
        // Called for each client of a terminating provider (IOService::actionDidTerminate). Not
        // called when we ourselves are terminated directly (clientClose).
        IOLog("virtual bool " + className() + "::didTerminate(IOService *, IOOptionBits, bool *)");
        if (fReadPending) {
            fDeferredProvider = provider;
            fDeferredOptions = options;
            defer[0] = true;
            if (abortsRead()) {
                IOLog(getName() + ": read in flight, aborting it and deferring stop");
                // the abort: fReadTimer->setTimeoutMS(kDeferredStopAbortLatencyMS)
                fReadTimer = kernel().after(kDeferredStopAbortLatencyMS * VirtualClock.NS_PER_MS,
                        getName() + " read completion", () -> readCompleted(fReadTimer));
            } else {
                // No abort: the read completes only if the device answers, and it never does.
                IOLog(getName() + ": read in flight, deferring stop until it completes");
            }
        }
        // With *defer == true the default implementation schedules nothing.
        return super.didTerminate(provider, options, defer);
    }

    /** The read's completion (its abort being acknowledged; never reached in DeferredStopStuck). */
    void readCompleted(VirtualClock.Timer sender) {
        IOLog("void " + className() + "::readCompleted(IOTimerEventSource *)");
        fReadPending = false;
        if (fDeferredProvider != null) {
            // Resume the termination we held back: the base didTerminate with defer == false
            // calls scheduleStop(provider), and terminateWorker does the rest.
            IOService provider = fDeferredProvider;
            boolean[] defer = {false};
            fDeferredProvider = null;
            super.didTerminate(provider, fDeferredOptions, defer); // IOService::didTerminate
        }
    }

    @Override
    public int clientClose() {
        // Nobody is left to receive the read's data; drop it on the spot.
        fReadPending = false;
        return super.clientClose();
    }
}
