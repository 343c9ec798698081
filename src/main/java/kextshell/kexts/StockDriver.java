package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * The stock driver of driver.cpp, shared by the sample kexts whose C++ listing repeats it unchanged
 * (each bundle's listing stands alone; the Java side keeps one copy). It matches IOResources,
 * publishes itself with registerService() so user space can find and open it, and logs each
 * callback it overrides with the concrete class's __PRETTY_FUNCTION__, as the question's developer
 * did; everything else is IOService's default behaviour.
 */
public abstract class StockDriver extends IOService {
    /** The C++ class name, for the log lines: the metaclass this object was allocated from. */
    protected final String className() {
        return getMetaClass().getClassName();
    }

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool " + className() + "::start(IOService *)");
        if (!super.start(provider) || !starting(provider)) {
            return false;
        }
        registerService();
        return true;
    }

    /** A listing's own work in start(), after super::start and before registerService(). */
    protected boolean starting(IOService provider) {
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void " + className() + "::stop(IOService *)");
        stopping(provider);
        super.stop(provider);
    }

    /** A listing's own work in stop(), between its log line and super::stop. */
    protected void stopping(IOService provider) {
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool " + className() + "::terminate(IOOptionBits)");
        if (refuseTerminate(options)) {
            // The veto: no call to super, so the service stays active, and
            // IOCatalogue::terminateDrivers turns this false into kIOReturnUnsupported.
            return false;
        }
        return super.terminate(options);
    }

    /** A listing's veto test, run after the log line and before super::terminate; the stock driver has none. */
    protected boolean refuseTerminate(int options) {
        return false;
    }
}
