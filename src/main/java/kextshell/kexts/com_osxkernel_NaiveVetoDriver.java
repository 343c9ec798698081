package kextshell.kexts;

/**
 * com.osxkernel.NaiveVeto: terminate() returns false whenever clients exist.
 * Port of NaiveVeto.kext/Contents/Sources/NaiveVeto.cpp: the stock driver plus a client count
 * and a veto that looks at nothing else, so it also refuses its provider's termination.
 */
public class com_osxkernel_NaiveVetoDriver extends StockDriver implements ClientCounter {
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
