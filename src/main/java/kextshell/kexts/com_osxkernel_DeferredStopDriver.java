package kextshell.kexts;

/**
 * com.osxkernel.DeferredStop: clients defer their stop until their read is aborted.
 * Port of DeferredStop.kext/Contents/Sources/DeferredStop.cpp: exactly the stock driver.
 */
public class com_osxkernel_DeferredStopDriver extends StockDriver {
}
