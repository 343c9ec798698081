package kextshell.kexts;

import static kextshell.kernel.IOOptions.kIOServiceSynchronous;

import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUserClient;
import kextshell.kernel.Task;

/**
 * com.osxkernel.PostponeTerminate: the question's workaround.
 * Port of PostponeTerminate.kext/Contents/Sources/PostponeTerminate.cpp: terminate() claims success without calling super; clientClose() releases the
 * driver and runs the real, synchronous termination by calling IOService::terminate directly.
 */
public class com_osxkernel_PostponeTerminateClient extends IOUserClient {
    private IOService myProvider;

    @Override
    public boolean initWithTask(Task owningTask, int type) {
        IOLog("virtual bool com_osxkernel_PostponeTerminateClient::initWithTask(task_t, void *, UInt32)");
        myProvider = null;
        return super.initWithTask(owningTask, type);
    }

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_PostponeTerminateClient::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        provider.retain();
        myProvider = provider;
        return true;
    }

    @Override
    public void stop(IOService provider) {
        // Still called during kextunload: an active client that "refused" termination is stopped
        // and detached all the same.
        IOLog("virtual void com_osxkernel_PostponeTerminateClient::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        // The postponement: claim success, change nothing.
        IOLog("virtual bool com_osxkernel_PostponeTerminateClient::terminate(IOOptionBits)");
        return true;
    }

    @Override
    public int clientClose() {
        IOLog("virtual IOReturn com_osxkernel_PostponeTerminateClient::clientClose()");

        if (myProvider != null) {
            myProvider.release();
            myProvider = null;
        }

        // The real termination, bypassing our own terminate() override (super::terminate).
        return super.terminate(kIOServiceSynchronous) ? IOReturn.kIOReturnSuccess : IOReturn.kIOReturnError;
    }

    @Override
    public int clientDied() {
        IOLog("virtual IOReturn com_osxkernel_PostponeTerminateClient::clientDied()");
        return super.clientDied();
    }

    /** Selector 0 is a ping; any other selector is refused. Never checks whether the driver is there. */
    @Override
    public int externalMethod(int selector, long[] scalarInput) {
        IOLog("virtual IOReturn com_osxkernel_PostponeTerminateClient::externalMethod(uint32_t, IOExternalMethodArguments *, IOExternalMethodDispatch *, OSObject *, void *)");
        switch (selector) {
            case 0: // ping
                return IOReturn.kIOReturnSuccess;
            default:
                return IOReturn.kIOReturnBadArgument;
        }
    }
}
