package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.usb.NaiveVeto: NaiveVeto as a USB interface driver.
 * Port of UsbNaiveVeto.kext/Contents/Sources/UsbNaiveVeto.cpp.
 * The interface nub is opened in start() and closed in didTerminate() (hot-unplug) or stop()
 * (kextunload).
 */
public class com_osxkernel_UsbNaiveVetoDriver extends IOService implements ClientCounter {
    private IOService fInterface;
    private int fClientCount;

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_UsbNaiveVetoDriver::start(IOService *)");
        fInterface = provider.getMetaClass().conformsTo("IOUSBHostInterface") ? provider : null; // OSDynamicCast
        if (fInterface == null || !super.start(provider)) {
            return false;
        }

        // Exclusive access to the interface (default IOService::handleOpen: one owner).
        if (!fInterface.open(this, 0)) {
            fInterface = null;
            return false;
        }

        fClientCount = 0;
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_UsbNaiveVetoDriver::stop(IOService *)");
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
        IOLog("virtual bool com_osxkernel_UsbNaiveVetoDriver::terminate(IOOptionBits)");

        if (fClientCount > 0) {
            // Refuses kextunload AND the nub's own termination alike.
            IOLog(getName() + ": " + fClientCount + " user client(s) connected, refusing to terminate");
            return false;
        }
        return super.terminate(options);
    }

    @Override
    public boolean didTerminate(IOService provider, int options, boolean[] defer) {
        // Reached on hot-unplug even after our terminate() said no: phase 2 of the nub calls
        // didTerminate on every client, inactive or not.
        IOLog("virtual bool com_osxkernel_UsbNaiveVetoDriver::didTerminate(IOService *, IOOptionBits, bool *)");
        if (fInterface != null && fInterface.isOpen(this)) {
            fInterface.close(this, 0); // the nub is in phase 3: close() itself schedules our stop
        }
        return super.didTerminate(provider, options, defer);
    }

    @Override
    public void clientStarted() {
        fClientCount++; // OSIncrementAtomic
    }

    @Override
    public void clientStopped() {
        fClientCount--; // OSDecrementAtomic
    }
}
