package kextshell.kexts;

import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUserClient;
import kextshell.kernel.Task;

/**
 * com.osxkernel.usb.NaiveVeto: NaiveVeto as a USB interface driver.
 * Port of UsbNaiveVeto.kext/Contents/Sources/UsbNaiveVeto.cpp: the stock client, plus the driver's client count, which follows start()/stop()
 * so that it also drops for clients torn down by termination, where clientClose() never runs.
 */
public class com_osxkernel_UsbNaiveVetoClient extends IOUserClient {
    private com_osxkernel_UsbNaiveVetoDriver fDriver;

    @Override
    public boolean initWithTask(Task owningTask, int type) {
        IOLog("virtual bool com_osxkernel_UsbNaiveVetoClient::initWithTask(task_t, void *, UInt32)");
        fDriver = null;
        return super.initWithTask(owningTask, type);
    }

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_UsbNaiveVetoClient::start(IOService *)");
        fDriver = provider instanceof com_osxkernel_UsbNaiveVetoDriver d ? d : null; // OSDynamicCast
        if (fDriver == null || !super.start(provider)) {
            return false;
        }
        fDriver.clientStarted();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_UsbNaiveVetoClient::stop(IOService *)");
        if (fDriver != null) {
            fDriver.clientStopped();
            fDriver = null;
        }
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_UsbNaiveVetoClient::terminate(IOOptionBits)");
        return super.terminate(options);
    }

    @Override
    public int clientClose() {
        IOLog("virtual IOReturn com_osxkernel_UsbNaiveVetoClient::clientClose()");
        // Our stop() (and with it the count decrement) follows asynchronously, from terminateWorker.
        terminate();
        return IOReturn.kIOReturnSuccess;
    }

    @Override
    public int clientDied() {
        IOLog("virtual IOReturn com_osxkernel_UsbNaiveVetoClient::clientDied()");
        return super.clientDied();
    }

    /** Selector 0 is a ping; any other selector is refused. Never checks whether the driver is there. */
    @Override
    public int externalMethod(int selector, long[] scalarInput) {
        IOLog("virtual IOReturn com_osxkernel_UsbNaiveVetoClient::externalMethod(uint32_t, IOExternalMethodArguments *, IOExternalMethodDispatch *, OSObject *, void *)");
        switch (selector) {
            case 0: // ping
                return IOReturn.kIOReturnSuccess;
            default:
                return IOReturn.kIOReturnBadArgument;
        }
    }
}
