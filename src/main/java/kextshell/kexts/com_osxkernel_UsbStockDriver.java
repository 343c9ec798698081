package kextshell.kexts;

/**
 * com.osxkernel.usb.Stock: stock USB interface driver.
 * Port of UsbStock.kext/Contents/Sources/UsbStock.cpp.
 * The interface nub is opened in start() and closed in didTerminate() (hot-unplug) or stop()
 * (kextunload).
 */
public class com_osxkernel_UsbStockDriver extends UsbInterfaceDriver {
}
