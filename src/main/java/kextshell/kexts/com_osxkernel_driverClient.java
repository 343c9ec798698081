package kextshell.kexts;

import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUserClient;

/**
 * The question's user client (driver.kext, Sources/driverClient.cpp). Like Apple's
 * SimpleUserClient, clientClose terminates the client itself instead of calling super, whose
 * default does nothing (IOUserClient::clientClose returns kIOReturnUnsupported).
 */
public class com_osxkernel_driverClient extends IOUserClient {
    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_driverClient::start(IOService *)");
        return super.start(provider);
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_driverClient::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_driverClient::terminate(IOOptionBits)");
        return super.terminate(options);
    }

    @Override
    public int clientClose() {
        IOLog("virtual IOReturn com_osxkernel_driverClient::clientClose()");
        terminate();
        return IOReturn.kIOReturnSuccess;
    }

    @Override
    public int clientDied() {
        IOLog("virtual IOReturn com_osxkernel_driverClient::clientDied()");
        return super.clientDied();
    }

    /** Selector 0 is a ping; anything else is refused as the dispatch table's bounds check does. */
    @Override
    public int externalMethod(int selector, long[] scalarInput) {
        return selector == 0 ? IOReturn.kIOReturnSuccess : IOReturn.kIOReturnBadArgument;
    }
}
