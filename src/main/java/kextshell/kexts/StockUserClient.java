package kextshell.kexts;

import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUserClient;
import kextshell.kernel.Task;

/**
 * The stock user client of driver.cpp, shared by every sample kext whose C++ listing repeats it
 * (each bundle's listing stands alone; the Java side keeps one copy). Each callback logs its
 * __PRETTY_FUNCTION__ with the concrete class's name, as the listings do. Like Apple's
 * SimpleUserClient, clientClose terminates the client itself instead of calling super, whose
 * default does nothing (IOUserClient::clientClose returns kIOReturnUnsupported).
 */
public abstract class StockUserClient extends IOUserClient {
    /** The C++ class name, for the log lines: the metaclass this object was allocated from. */
    protected final String className() {
        return getMetaClass().getClassName();
    }

    @Override
    public boolean initWithTask(Task owningTask, int type) {
        IOLog("virtual bool " + className() + "::initWithTask(task_t, void *, UInt32)");
        if (!initializing(owningTask)) {
            return false;
        }
        return super.initWithTask(owningTask, type);
    }

    /** A listing's own work in initWithTask(), between its log line and super::initWithTask. */
    protected boolean initializing(Task owningTask) {
        return true;
    }

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool " + className() + "::start(IOService *)");
        return super.start(provider);
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void " + className() + "::stop(IOService *)");
        stopping(provider);
        super.stop(provider);
    }

    /** The listing's own work in stop(), between its log line and super::stop. */
    protected void stopping(IOService provider) {
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool " + className() + "::terminate(IOOptionBits)");
        return super.terminate(options);
    }

    @Override
    public int clientClose() {
        IOLog("virtual IOReturn " + className() + "::clientClose()");
        // Our stop() follows asynchronously, from terminateWorker (no options: asynchronous).
        terminate();
        return IOReturn.kIOReturnSuccess;
    }

    @Override
    public int clientDied() {
        IOLog("virtual IOReturn " + className() + "::clientDied()");
        return super.clientDied();
    }

    /** Selector 0 is a ping; any other selector is refused. Never checks whether the driver is there. */
    @Override
    public int externalMethod(int selector, long[] scalarInput) {
        IOLog("virtual IOReturn " + className()
                + "::externalMethod(uint32_t, IOExternalMethodArguments *, IOExternalMethodDispatch *, OSObject *, void *)");
        return selector == 0 ? IOReturn.kIOReturnSuccess : IOReturn.kIOReturnBadArgument;
    }
}
