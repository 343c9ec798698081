package kextshell.kexts;

/**
 * com.osxkernel.KextRetain: OSKextRetainKextWithLoadTag while clients exist.
 * Port of KextRetain.kext/Contents/Sources/KextRetain.cpp.
 */
public class com_osxkernel_KextRetainDriver extends StockDriver implements ClientCounter {
    // No veto here: while the kext retain is held, kextunload never gets as far as calling us.
    private int fClientCount;

    @Override
    public void clientStarted() {
        // OSIncrementAtomic returns the value BEFORE the increment.
        if (fClientCount++ == 0) {
            kernel().kexts().retainKextWithLoadTag(getKext().getLoadTag()); // OSKextGetCurrentLoadTag()
        }
    }

    @Override
    public void clientStopped() {
        if (fClientCount-- == 1) {
            kernel().kexts().releaseKextWithLoadTag(getKext().getLoadTag());
        }
    }
}
