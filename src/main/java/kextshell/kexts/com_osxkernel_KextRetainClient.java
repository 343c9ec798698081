package kextshell.kexts;

/**
 * com.osxkernel.KextRetain: OSKextRetainKextWithLoadTag while clients exist.
 * Port of KextRetain.kext/Contents/Sources/KextRetain.cpp: the stock client, plus the driver's client count, which follows start()/stop()
 * so that it also drops for clients torn down by termination, where clientClose() never runs.
 */
public class com_osxkernel_KextRetainClient extends CountingUserClient {
}
