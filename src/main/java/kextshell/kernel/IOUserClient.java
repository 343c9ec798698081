package kextshell.kernel;

import java.util.ArrayList;
import java.util.List;

/**
 * IOUserClient: the kernel side of one user-space connection. Its connect port holds a reference
 * while any task has a send right; the task that opened it is linked as an owner.
 */
public class IOUserClient extends IOService {
    private Task owningTask;
    boolean closed;
    boolean sharedInstance;
    int ipcInFlight;
    private boolean finalizePending;
    private boolean hasMappings;
    PortState port = PortState.LIVE;
    private boolean portHoldsReference;
    final List<Task> owners = new ArrayList<>(1);

    /** IOUserClient::initWithTask; reserve() sets StartState until the open completes (R5). */
    public boolean initWithTask(Task task, int type) {
        if (!init(null)) {
            return false;
        }
        this.owningTask = task;
        setTerminateDefer(null, true);
        return true;
    }

    public final Task getOwningTask() {
        return owningTask;
    }

    public final boolean isClosed() {
        return closed;
    }

    public final PortState portState() {
        return port;
    }

    public final int ipcInFlight() {
        return ipcInFlight;
    }

    /** A client that has memory mappings keeps its port alive, re-pointed at them. */
    protected final void setHasMappings(boolean mappings) {
        this.hasMappings = mappings;
    }

    /** Default IOUserClient::clientClose: unsupported, and no teardown at all (R18). */
    public int clientClose() {
        return IOReturn.kIOReturnUnsupported;
    }

    /** Default IOUserClient::clientDied: close if not already closed (or shared) (R17). */
    public int clientDied() {
        if (sharedInstance || !closed) {
            closed = true;
            return Calls.clientClose(this);
        }
        return IOReturn.kIOReturnNotReady;
    }

    /** With no dispatch table and no getTargetAndMethodForIndex, every selector is unsupported. */
    public int externalMethod(int selector, long[] scalarInput) {
        return IOReturn.kIOReturnUnsupported;
    }

    // ---------------------------------------------------------------- kernel side of the port

    /** iokit_make_connect_port: the port takes over the reference newUserClient returned. */
    final void adoptPortReference() {
        portHoldsReference = true;
    }

    /**
     * IOUserClient::destroyUserReferences, called for every phase-1 victim (R15): the owners are
     * unlinked and the port is destroyed, or re-pointed at the mappings. No clientClose or
     * clientDied can reach this client afterwards.
     */
    final void destroyUserReferences() {
        if (port != PortState.LIVE) {
            return;
        }
        noMoreSenders();
        port = hasMappings ? PortState.MAPPINGS : PortState.DEAD;
        kernel.journal().state(EventName.port(port), this, null,
                "destroyUserReferences");
        dropPortReference();
    }

    /** IOUserClient::noMoreSenders: unlink every owner task. */
    final void noMoreSenders() {
        for (Task t : owners) {
            t.ownerUnlinked(this);
        }
        owners.clear();
    }

    /** The last send right went away (iokit_no_senders → iokit_client_died) (R17). */
    final void lastSendRightGone() {
        if (port != PortState.LIVE) {
            return;
        }
        noMoreSenders();
        port = PortState.DEAD;
        retain();
        dropPortReference();
        Calls.clientDied(this);
        release();
    }

    private void dropPortReference() {
        if (portHoldsReference) {
            portHoldsReference = false;
            release();
        }
    }

    /** IOUserClient::finalizeUserReferences: calls in flight postpone the finalize (R8). */
    @Override
    final boolean finalizeUserReferences() {
        if (ipcInFlight > 0) {
            finalizePending = true;
            kernel.journal().state(EventName.FINALIZE_DEFERRED, this, null, ipcInFlight + " call(s) in flight");
            return false;
        }
        return true;
    }

    /** ipcExit: the last call returning re-queues a postponed finalize. */
    final void ipcExit() {
        ipcInFlight--;
        if (ipcInFlight == 0 && finalizePending) {
            finalizePending = false;
            scheduleFinalize(true);
        }
    }

    final void registerOwner(Task task) {
        owners.add(task);
    }
}
