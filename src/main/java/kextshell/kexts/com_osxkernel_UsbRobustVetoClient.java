package kextshell.kexts;

/**
 * com.osxkernel.usb.RobustVeto: RobustVeto's test as a USB interface driver, without self-termination.
 * Port of UsbRobustVeto.kext/Contents/Sources/UsbRobustVeto.cpp: the stock client, plus the driver's client count, which follows start()/stop()
 * so that it also drops for clients torn down by termination, where clientClose() never runs.
 */
public class com_osxkernel_UsbRobustVetoClient extends CountingUserClient {
}
