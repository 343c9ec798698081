package kextshell.kexts;

import kextshell.kernel.Task;

/**
 * com.osxkernel.ListenerStop's user client: the stock client, plus a subscription of the opening
 * process to the kext's listener, which outlives the client (only the process's exit ends it).
 * Port of ListenerStop.kext/Contents/Sources/ListenerStop.cpp.
 */
public class com_osxkernel_ListenerStopClient extends StockUserClient {
    @Override
    protected boolean initializing(Task owningTask) {
        // ListenerStopSubscribe(proc_selfpid()): IOServiceOpen runs in the opening process.
        return ((ListenerStopModule) getKext().module()).subscribe(owningTask);
    }
}
