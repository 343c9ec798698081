package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.PostponeTerminate: the question's workaround.
 * Port of PostponeTerminate.kext/Contents/Sources/PostponeTerminate.cpp: exactly the stock driver.
 */
public class com_osxkernel_PostponeTerminateDriver extends IOService {
    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_PostponeTerminateDriver::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_PostponeTerminateDriver::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_PostponeTerminateDriver::terminate(IOOptionBits)");
        return super.terminate(options);
    }
}
