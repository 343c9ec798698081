package kextshell.kexts;

/**
 * com.osxkernel.DeferredStopStuck: clients defer their stop and never resume it.
 * Port of DeferredStopStuck.kext/Contents/Sources/DeferredStopStuck.cpp: exactly the stock driver.
 */
public class com_osxkernel_DeferredStopStuckDriver extends StockDriver {
}
