package kextshell.kexts;

import kextshell.kernel.IOService;
import kextshell.kernel.Task;

/**
 * The stock client plus the driver's client count (NaiveVeto, RobustVeto, KextRetain and their
 * USB forms). The count follows start()/stop() rather than clientClose(), because a client torn
 * down with its provider gets stop() but never clientClose() (IOUserClient::destroyUserReferences).
 */
public abstract class CountingUserClient extends StockUserClient {
    private ClientCounter fDriver;

    @Override
    public boolean initWithTask(Task owningTask, int type) {
        fDriver = null;
        return super.initWithTask(owningTask, type);
    }

    @Override
    public boolean start(IOService provider) {
        fDriver = provider instanceof ClientCounter d ? d : null; // OSDynamicCast
        if (fDriver == null || !super.start(provider)) {
            return false;
        }
        fDriver.clientStarted();
        return true;
    }

    @Override
    protected void stopping(IOService provider) {
        if (fDriver != null) {
            fDriver.clientStopped();
            fDriver = null;
        }
    }
}
