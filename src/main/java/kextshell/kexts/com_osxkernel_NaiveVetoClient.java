package kextshell.kexts;

/**
 * com.osxkernel.NaiveVeto: terminate() returns false whenever clients exist.
 * Port of NaiveVeto.kext/Contents/Sources/NaiveVeto.cpp: the stock client, plus the driver's client count, which follows start()/stop()
 * so that it also drops for clients torn down by termination, where clientClose() never runs.
 */
public class com_osxkernel_NaiveVetoClient extends CountingUserClient {
}
