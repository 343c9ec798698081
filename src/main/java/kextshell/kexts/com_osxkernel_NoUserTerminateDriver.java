package kextshell.kexts;

/**
 * com.osxkernel.NoUserTerminate: stock code; Info.plist sets OSBundleAllowUserTerminate = false.
 * Port of NoUserTerminate.kext/Contents/Sources/NoUserTerminate.cpp: exactly the stock driver.
 */
public class com_osxkernel_NoUserTerminateDriver extends StockDriver {
}
