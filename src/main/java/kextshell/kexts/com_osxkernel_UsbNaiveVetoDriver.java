package kextshell.kexts;

/**
 * com.osxkernel.usb.NaiveVeto: NaiveVeto as a USB interface driver.
 * Port of UsbNaiveVeto.kext/Contents/Sources/UsbNaiveVeto.cpp.
 * The interface nub is opened in start() and closed in didTerminate() (hot-unplug) or stop()
 * (kextunload).
 */
public class com_osxkernel_UsbNaiveVetoDriver extends UsbInterfaceDriver implements ClientCounter {
    private int fClientCount;

    @Override
    protected boolean refuseTerminate(int options) {
        return Vetoes.naive(this, fClientCount);
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
