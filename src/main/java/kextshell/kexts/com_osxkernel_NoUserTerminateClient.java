package kextshell.kexts;

import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUserClient;
import kextshell.kernel.Task;

/**
 * com.osxkernel.NoUserTerminate.
 * Port of NoUserTerminate.kext/Contents/Sources/NoUserTerminate.cpp: the stock client. Like Apple's SimpleUserClient, clientClose terminates the
 * client itself instead of calling super (IOUserClient::clientClose returns kIOReturnUnsupported).
 */
public class com_osxkernel_NoUserTerminateClient extends IOUserClient {
    @Override
    public boolean initWithTask(Task owningTask, int type) {
        IOLog("virtual bool com_osxkernel_NoUserTerminateClient::initWithTask(task_t, void *, UInt32)");
        return super.initWithTask(owningTask, type);
    }

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_NoUserTerminateClient::start(IOService *)");
        return super.start(provider);
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_NoUserTerminateClient::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_NoUserTerminateClient::terminate(IOOptionBits)");
        return super.terminate(options);
    }

    @Override
    public int clientClose() {
        IOLog("virtual IOReturn com_osxkernel_NoUserTerminateClient::clientClose()");
        terminate();
        return IOReturn.kIOReturnSuccess;
    }

    @Override
    public int clientDied() {
        IOLog("virtual IOReturn com_osxkernel_NoUserTerminateClient::clientDied()");
        return super.clientDied();
    }

    /** Selector 0 is a ping; any other selector is refused. Never checks whether the driver is there. */
    @Override
    public int externalMethod(int selector, long[] scalarInput) {
        IOLog("virtual IOReturn com_osxkernel_NoUserTerminateClient::externalMethod(uint32_t, IOExternalMethodArguments *, IOExternalMethodDispatch *, OSObject *, void *)");
        switch (selector) {
            case 0: // ping
                return IOReturn.kIOReturnSuccess;
            default:
                return IOReturn.kIOReturnBadArgument;
        }
    }
}
