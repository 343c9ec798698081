package kextshell.kexts;

/**
 * com.osxkernel.usb.NaiveVeto: NaiveVeto as a USB interface driver.
 * Port of UsbNaiveVeto.kext/Contents/Sources/UsbNaiveVeto.cpp: the stock client, plus the driver's client count, which follows start()/stop()
 * so that it also drops for clients torn down by termination, where clientClose() never runs.
 */
public class com_osxkernel_UsbNaiveVetoClient extends CountingUserClient {
}
