package kextshell.kexts;

/**
 * com.osxkernel.usb.Stock: stock USB interface driver.
 * Port of UsbStock.kext/Contents/Sources/UsbStock.cpp: the stock client. Like Apple's SimpleUserClient, clientClose terminates the
 * client itself instead of calling super (IOUserClient::clientClose returns kIOReturnUnsupported).
 */
public class com_osxkernel_UsbStockClient extends StockUserClient {
}
