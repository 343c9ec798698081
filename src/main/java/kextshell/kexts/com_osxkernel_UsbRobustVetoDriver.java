package kextshell.kexts;

import static kextshell.kernel.IOOptions.kIOServiceRecursing;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.usb.RobustVeto: RobustVeto's test as a USB interface driver, without self-termination.
 * Port of UsbRobustVeto.kext/Contents/Sources/UsbRobustVeto.cpp.
 * The interface nub is opened in start() and closed in didTerminate() (hot-unplug) or stop()
 * (kextunload).
 */
public class com_osxkernel_UsbRobustVetoDriver extends IOService implements ClientCounter {
    private IOService fInterface;
    private int fClientCount;

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_UsbRobustVetoDriver::start(IOService *)");
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
        IOLog("virtual void com_osxkernel_UsbRobustVetoDriver::stop(IOService *)");
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
        IOLog("virtual bool com_osxkernel_UsbRobustVetoDriver::terminate(IOOptionBits)");

        IOService provider = getProvider();
        boolean providerAlive = provider != null && !provider.isInactive();

        if ((options & kIOServiceRecursing) == 0 && providerAlive && fClientCount > 0) {
            // kextunload (or kextunload -c) while in use.
            IOLog(getName() + ": " + fClientCount + " user client(s) connected, refusing to terminate");
            return false;
        }

        // Hot-unplug (always honoured), or a kextunload with nobody connected.
        return super.terminate(options);
    }

    @Override
    public boolean didTerminate(IOService provider, int options, boolean[] defer) {
        // Only on hot-unplug: phase 2 of the NUB's termination calls this for each of its
        // clients (IOService::actionDidTerminate).
        IOLog("virtual bool com_osxkernel_UsbRobustVetoDriver::didTerminate(IOService *, IOOptionBits, bool *)");
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
