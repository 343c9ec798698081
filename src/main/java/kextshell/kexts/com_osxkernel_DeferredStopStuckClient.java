package kextshell.kexts;

import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUserClient;
import kextshell.kernel.Task;
import kextshell.kernel.VirtualClock;

/**
 * com.osxkernel.DeferredStopStuck.
 * Port of DeferredStopStuck.kext/Contents/Sources/DeferredStopStuck.cpp. Each client keeps one read in flight from start() on; in didTerminate it sets
 * *defer. The IOTimerEventSource is modelled by a kernel timer: {@code fReadTimer} is armed only
 * when the abort is issued (setTimeoutMS), and cancelled in stop() (cancelTimeout).
 */
public class com_osxkernel_DeferredStopStuckClient extends IOUserClient {
    private VirtualClock.Timer fReadTimer;   // fires when the pending read completes
    private boolean fReadPending;            // a read is in flight
    private IOService fDeferredProvider;     // non-null while our stop() is deferred
    private int fDeferredOptions;

    @Override
    public boolean initWithTask(Task owningTask, int type) {
        IOLog("virtual bool com_osxkernel_DeferredStopStuckClient::initWithTask(task_t, void *, UInt32)");
        fReadTimer = null;
        fReadPending = false;
        fDeferredProvider = null;
        fDeferredOptions = 0;
        return super.initWithTask(owningTask, type);
    }

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_DeferredStopStuckClient::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }

        // Post the read. It stays in flight until it is answered (never).
        fReadPending = true;
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_DeferredStopStuckClient::stop(IOService *)");
        if (fReadTimer != null) {
            fReadTimer.cancel();
            fReadTimer = null;
        }
        fReadPending = false;
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_DeferredStopStuckClient::terminate(IOOptionBits)");
        return super.terminate(options);
    }

    @Override
    public boolean didTerminate(IOService provider, int options, boolean[] defer) {
        // Called for each client of a terminating provider (IOService::actionDidTerminate). Not
        // called when we ourselves are terminated directly (clientClose).
        IOLog("virtual bool com_osxkernel_DeferredStopStuckClient::didTerminate(IOService *, IOOptionBits, bool *)");

        if (fReadPending) {
            fDeferredProvider = provider;
            fDeferredOptions = options;
            defer[0] = true;
            IOLog(getName() + ": read in flight, deferring stop until it completes");
            // BUG: no abort. The read completes only if the device answers, and it never does;
            // DeferredStop arms fReadTimer here instead.
        }

        // With *defer == true the default implementation schedules nothing.
        return super.didTerminate(provider, options, defer);
    }

    /** The read's completion (never reached in this kext: nothing arms fReadTimer). */
    void readCompleted(VirtualClock.Timer sender) {
        IOLog("void com_osxkernel_DeferredStopStuckClient::readCompleted(IOTimerEventSource *)");
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
        IOLog("virtual IOReturn com_osxkernel_DeferredStopStuckClient::clientClose()");
        // Nobody is left to receive the read's data; drop it on the spot.
        fReadPending = false;
        terminate();
        return IOReturn.kIOReturnSuccess;
    }

    @Override
    public int clientDied() {
        IOLog("virtual IOReturn com_osxkernel_DeferredStopStuckClient::clientDied()");
        return super.clientDied();
    }

    /** Selector 0 is a ping; any other selector is refused. Never checks whether the driver is there. */
    @Override
    public int externalMethod(int selector, long[] scalarInput) {
        IOLog("virtual IOReturn com_osxkernel_DeferredStopStuckClient::externalMethod(uint32_t, IOExternalMethodArguments *, IOExternalMethodDispatch *, OSObject *, void *)");
        switch (selector) {
            case 0: // ping
                return IOReturn.kIOReturnSuccess;
            default:
                return IOReturn.kIOReturnBadArgument;
        }
    }
}
