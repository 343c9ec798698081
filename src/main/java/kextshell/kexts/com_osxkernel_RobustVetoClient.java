package kextshell.kexts;

/**
 * com.osxkernel.RobustVeto: refuses only a direct terminate while in use; terminates itself after the last client.
 * Port of RobustVeto.kext/Contents/Sources/RobustVeto.cpp: the stock client, plus the driver's client count, which follows start()/stop()
 * so that it also drops for clients torn down by termination, where clientClose() never runs.
 */
public class com_osxkernel_RobustVetoClient extends CountingUserClient {
}
