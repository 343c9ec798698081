package kextshell.kexts;

/**
 * com.osxkernel.usb.RobustVeto: RobustVeto's test as a USB interface driver, without self-termination.
 * Port of UsbRobustVeto.kext/Contents/Sources/UsbRobustVeto.cpp.
 * The interface nub is opened in start() and closed in didTerminate() (hot-unplug) or stop()
 * (kextunload).
 */
public class com_osxkernel_UsbRobustVetoDriver extends UsbInterfaceDriver implements ClientCounter {
    private int fClientCount;

    @Override
    protected boolean refuseTerminate(int options) {
        return Vetoes.robust(this, options, fClientCount);
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
