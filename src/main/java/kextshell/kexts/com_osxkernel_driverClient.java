package kextshell.kexts;

/**
 * The question's user client (driver.kext).
 * Port of driver.kext/Contents/Sources/driver.cpp: the stock client. Like Apple's SimpleUserClient, clientClose terminates the
 * client itself instead of calling super (IOUserClient::clientClose returns kIOReturnUnsupported).
 */
public class com_osxkernel_driverClient extends StockUserClient {
}
