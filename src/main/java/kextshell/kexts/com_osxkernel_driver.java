package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * The question's driver (driver.kext, Sources/driver.cpp): an IOService on IOResources that
 * logs each callback it overrides and otherwise keeps IOKit's default behaviour.
 */
public class com_osxkernel_driver extends IOService {
    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_driver::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_driver::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_driver::terminate(IOOptionBits)");
        return super.terminate(options);
    }
}
