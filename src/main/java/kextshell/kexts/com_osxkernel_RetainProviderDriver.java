package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.RetainProvider: the client retains the driver.
 * Port of RetainProvider.kext/Contents/Sources/RetainProvider.cpp: exactly the stock driver.
 */
public class com_osxkernel_RetainProviderDriver extends IOService {
    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_RetainProviderDriver::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_RetainProviderDriver::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_RetainProviderDriver::terminate(IOOptionBits)");
        return super.terminate(options);
    }
}
