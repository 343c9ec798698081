package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.NoUserTerminate: stock code; Info.plist sets OSBundleAllowUserTerminate = false.
 * Port of NoUserTerminate.kext/Contents/Sources/NoUserTerminate.cpp: exactly the stock driver.
 */
public class com_osxkernel_NoUserTerminateDriver extends IOService {
    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_NoUserTerminateDriver::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_NoUserTerminateDriver::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_NoUserTerminateDriver::terminate(IOOptionBits)");
        return super.terminate(options);
    }
}
