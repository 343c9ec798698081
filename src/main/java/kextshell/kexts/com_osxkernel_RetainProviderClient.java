package kextshell.kexts;

import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUserClient;
import kextshell.kernel.Task;

/**
 * com.osxkernel.RetainProvider: the client retains the driver.
 * Port of RetainProvider.kext/Contents/Sources/RetainProvider.cpp: retains the driver in start() and releases it only in clientClose(), which
 * never runs for a client whose port the driver's termination destroyed.
 */
public class com_osxkernel_RetainProviderClient extends IOUserClient {
    private IOService fRetainedProvider;

    @Override
    public boolean initWithTask(Task owningTask, int type) {
        IOLog("virtual bool com_osxkernel_RetainProviderClient::initWithTask(task_t, void *, UInt32)");
        fRetainedProvider = null;
        return super.initWithTask(owningTask, type);
    }

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_RetainProviderClient::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }

        // The idea under test: hold the driver for as long as we are connected.
        provider.retain();
        fRetainedProvider = provider;
        return true;
    }

    @Override
    public void stop(IOService provider) {
        // Reached during kextunload even though we still hold fRetainedProvider. We do NOT release
        // here; that is the point of the sample.
        IOLog("virtual void com_osxkernel_RetainProviderClient::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_RetainProviderClient::terminate(IOOptionBits)");
        return super.terminate(options);
    }

    @Override
    public int clientClose() {
        // Only reachable through IOServiceClose() or clientDied().
        IOLog("virtual IOReturn com_osxkernel_RetainProviderClient::clientClose()");

        if (fRetainedProvider != null) {
            fRetainedProvider.release();
            fRetainedProvider = null;
        }

        terminate();
        return IOReturn.kIOReturnSuccess;
    }

    @Override
    public int clientDied() {
        IOLog("virtual IOReturn com_osxkernel_RetainProviderClient::clientDied()");
        return super.clientDied();
    }

    /** Selector 0 is a ping; any other selector is refused. Never checks whether the driver is there. */
    @Override
    public int externalMethod(int selector, long[] scalarInput) {
        IOLog("virtual IOReturn com_osxkernel_RetainProviderClient::externalMethod(uint32_t, IOExternalMethodArguments *, IOExternalMethodDispatch *, OSObject *, void *)");
        switch (selector) {
            case 0: // ping
                return IOReturn.kIOReturnSuccess;
            default:
                return IOReturn.kIOReturnBadArgument;
        }
    }
}
