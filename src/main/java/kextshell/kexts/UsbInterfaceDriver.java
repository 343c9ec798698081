package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * The stock USB interface driver of UsbStock.cpp, shared by the three USB sample kexts: it opens
 * its IOUSBHostInterface nub in start() and closes it in didTerminate() (hot-unplug) or stop()
 * (kextunload). IOService::actionStop would close it anyway; closing in didTerminate lets the
 * default didTerminate schedule our stop at once instead of asking us to close first (§4).
 */
public abstract class UsbInterfaceDriver extends StockDriver {
    private IOService fInterface;

    @Override
    protected boolean starting(IOService provider) {
        fInterface = provider.getMetaClass().conformsTo("IOUSBHostInterface") ? provider : null; // OSDynamicCast
        // Exclusive access to the interface (default IOService::handleOpen: one owner).
        if (fInterface == null || !fInterface.open(this, 0)) {
            fInterface = null;
            return false;
        }
        return true;
    }

    @Override
    protected void stopping(IOService provider) {
        closeInterface();
        fInterface = null;
    }

    @Override
    public boolean didTerminate(IOService provider, int options, boolean[] defer) {
        // Only on hot-unplug: phase 2 of the NUB's termination calls this for each of its clients
        // (IOService::actionDidTerminate), even one whose terminate() refused.
        IOLog("virtual bool " + className() + "::didTerminate(IOService *, IOOptionBits, bool *)");
        closeInterface(); // the nub is in phase 3: close() itself schedules our stop
        return super.didTerminate(provider, options, defer);
    }

    private void closeInterface() {
        if (fInterface != null && fInterface.isOpen(this)) {
            fInterface.close(this, 0);
        }
    }
}
