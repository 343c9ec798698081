package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.DeferredStopStuck: clients defer their stop and never resume it.
 * Port of DeferredStopStuck.kext/Contents/Sources/DeferredStopStuck.cpp: exactly the stock driver.
 */
public class com_osxkernel_DeferredStopStuckDriver extends IOService {
    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_DeferredStopStuckDriver::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_DeferredStopStuckDriver::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_DeferredStopStuckDriver::terminate(IOOptionBits)");
        return super.terminate(options);
    }
}
