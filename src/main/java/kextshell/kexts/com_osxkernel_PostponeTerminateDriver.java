package kextshell.kexts;

/**
 * com.osxkernel.PostponeTerminate: the question's workaround.
 * Port of PostponeTerminate.kext/Contents/Sources/PostponeTerminate.cpp: exactly the stock driver.
 */
public class com_osxkernel_PostponeTerminateDriver extends StockDriver {
}
