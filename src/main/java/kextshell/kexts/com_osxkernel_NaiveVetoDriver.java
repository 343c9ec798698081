package kextshell.kexts;

import kextshell.kernel.IOService;

/**
 * com.osxkernel.NaiveVeto: terminate() returns false whenever clients exist.
 * Port of NaiveVeto.kext/Contents/Sources/NaiveVeto.cpp.
 */
public class com_osxkernel_NaiveVetoDriver extends IOService implements ClientCounter {
    private int fClientCount;

    @Override
    public boolean start(IOService provider) {
        IOLog("virtual bool com_osxkernel_NaiveVetoDriver::start(IOService *)");
        if (!super.start(provider)) {
            return false;
        }
        fClientCount = 0;
        registerService();
        return true;
    }

    @Override
    public void stop(IOService provider) {
        IOLog("virtual void com_osxkernel_NaiveVetoDriver::stop(IOService *)");
        super.stop(provider);
    }

    @Override
    public boolean terminate(int options) {
        IOLog("virtual bool com_osxkernel_NaiveVetoDriver::terminate(IOOptionBits)");

        if (fClientCount > 0) {
            // The veto. No call to super: the service stays active, and
            // IOCatalogue::terminateDrivers turns our false into kIOReturnUnsupported.
            IOLog(getName() + ": " + fClientCount + " user client(s) connected, refusing to terminate");
            return false;
        }
        return super.terminate(options);
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
