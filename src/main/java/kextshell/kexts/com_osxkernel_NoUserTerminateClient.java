package kextshell.kexts;

/**
 * com.osxkernel.NoUserTerminate.
 * Port of NoUserTerminate.kext/Contents/Sources/NoUserTerminate.cpp: the stock client. Like Apple's SimpleUserClient, clientClose terminates the
 * client itself instead of calling super (IOUserClient::clientClose returns kIOReturnUnsupported).
 */
public class com_osxkernel_NoUserTerminateClient extends StockUserClient {
}
