package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.DeferredStop: clients defer their stop until their read is aborted.
 * Port of DeferredStop.kext/Contents/Sources/DeferredStop.cpp: exactly the stock driver.
 */
public class com_osxkernel_DeferredStopDriver extends IOService {
    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_DeferredStopDriver::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_DeferredStopDriver::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_DeferredStopDriver::terminate(IOOptionBits)");
        return super.terminate(options);
    }
}
