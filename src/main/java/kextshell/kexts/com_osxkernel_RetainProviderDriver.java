package kextshell.kexts;

/**
 * com.osxkernel.RetainProvider: the client retains the driver.
 * Port of RetainProvider.kext/Contents/Sources/RetainProvider.cpp: exactly the stock driver.
 */
public class com_osxkernel_RetainProviderDriver extends StockDriver {
}
