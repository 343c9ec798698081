package kextshell.kexts;

/**
 * com.osxkernel.DeferredStop.
 * Port of DeferredStop.kext/Contents/Sources/DeferredStop.cpp. Each client keeps one read in flight from start() on; in didTerminate it sets
 * *defer. The IOTimerEventSource is modelled by a kernel timer: {@code fReadTimer} is armed only
 * when the abort is issued (setTimeoutMS), and cancelled in stop() (cancelTimeout).
 */
public class com_osxkernel_DeferredStopClient extends DeferredReadClient {
    @Override
    protected boolean abortsRead() {
        return true;
    }
}
