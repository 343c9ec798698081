package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.usb.Stock: stock USB interface driver.
 * Port of UsbStock.kext/Contents/Sources/UsbStock.cpp.
 * The interface nub is opened in start() and closed in didTerminate() (hot-unplug) or stop()
 * (kextunload).
 */
public class com_osxkernel_UsbStockDriver extends IOService {
    private IOService fInterface;

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_UsbStockDriver::start(IOService *)");
        fInterface = provider.getMetaClass().conformsTo("IOUSBHostInterface") ? provider : null; // OSDynamicCast
        if (fInterface == null || !super.start(provider)) {
            return false;
        }

        // Exclusive access to the interface (default IOService::handleOpen: one owner).
        if (!fInterface.open(this, 0)) {
            fInterface = null;
            return false;
        }

        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_UsbStockDriver::stop(IOService *)");
        if (fInterface != null) {
            if (fInterface.isOpen(this)) {
                fInterface.close(this, 0);
            }
            fInterface = null;
        }
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        // kextunload: options == kIOServiceRequired|kIOServiceSynchronous.
        // Hot-unplug: called via requestTerminate/terminateClient with kIOServiceRecursing set and
        // the nub already inactive.
        IOLog("virtual bool com_osxkernel_UsbStockDriver::terminate(IOOptionBits)");
        return super.terminate(options);
    }

    @Override
    public boolean didTerminate(IOService provider, int options, boolean[] defer) {
        // Only on hot-unplug: phase 2 of the NUB's termination calls this for each of its
        // clients (IOService::actionDidTerminate).
        IOLog("virtual bool com_osxkernel_UsbStockDriver::didTerminate(IOService *, IOOptionBits, bool *)");
        if (fInterface != null && fInterface.isOpen(this)) {
            fInterface.close(this, 0); // the nub is in phase 3: close() itself schedules our stop
        }
        return super.didTerminate(provider, options, defer);
    }
}
