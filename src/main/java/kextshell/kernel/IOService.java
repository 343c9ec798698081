package kextshell.kernel;

import static kextshell.kernel.IOOptions.*;

import java.util.ArrayList;
import java.util.List;

/**
 * IOService: the driver base class. Public methods that are virtual in C++ are overridable here
 * with the same names and meanings; a sample kext overrides them exactly as its C++ listing does.
 * The termination machinery itself (terminatePhase1, scheduleTerminatePhase2, terminateWorker)
 * is private to xnu and lives in {@link Termination}.
 */
public class IOService extends IORegistryEntry {
    /** gIOServicePlane's name. */
    public static final String gIOServicePlane = "IOService";
    int state0;
    int state1;
    long timeBusy;
    long accumBusy;
    private IOService owner;
    final List<Task> interestedTasks = new ArrayList<>(0);
    /**
     * The object port behind every io_service_t user space holds (R27): it outlives IOServiceClose
     * and dies in phase 1 (IOUserClient::destroyUserReferences → IOMachPort::releasePortForObject).
     */
    boolean objectPortDead;

    // ---------------------------------------------------------------- queries

    /** The first provider in the service plane; the plane's root entry is not an IOService. */
    public final IOService getProvider() {
        IORegistryEntry p = getParentEntry();
        return p instanceof IOService s ? s : null;
    }

    /** The first client, or null. */
    public final IOService getClient() {
        for (IORegistryEntry c : children) {
            if (c instanceof IOService s) {
                return s;
            }
        }
        return null;
    }

    public final List<IOService> getClients() {
        List<IOService> out = new ArrayList<>(children.size());
        for (IORegistryEntry c : children) {
            if (c instanceof IOService s) {
                out.add(s);
            }
        }
        return out;
    }

    /** The io_service_t's object port was destroyed by phase 1 (R27). */
    public final boolean objectPortDead() {
        return objectPortDead;
    }

    public final boolean isInactive() {
        return (state0 & kIOServiceInactiveState) != 0;
    }

    public final int getState() {
        return state0;
    }

    /** The private __state[1] word: busy count and termination bits. */
    public final int getState1() {
        return state1;
    }

    public final int getBusyState() {
        return state1 & kIOServiceBusyStateMask;
    }

    /** Accumulated busy time in nanoseconds (what ioreg prints as "(N ms)"). */
    public final long getAccumulatedBusyTime() {
        return accumBusy;
    }

    /** IOLog from this class's kext: the unified log shows the kext's executable as the sender. */
    protected final void IOLog(String text) {
        OSKext k = metaClass.getKext();
        kernel.log().ioLog(k == null ? "kernel" : k.getExecutable(), text);
    }

    /** The kext that owns this class, or null for kernel classes. */
    public final OSKext getKext() {
        return metaClass.getKext();
    }

    // ---------------------------------------------------------------- lifecycle virtuals

    public IOService probe(IOService provider, int[] score) {
        return this;
    }

    public boolean start(IOService provider) {
        return true;
    }

    public void stop(IOService provider) {
    }

    /** IOService::terminate: adds kIOServiceTerminate and runs phase 1 on the caller's thread (R1). */
    public boolean terminate(int options) {
        return Termination.terminatePhase1(this, options | kIOServiceTerminate);
    }

    /** terminate() with C++'s default argument, as a driver writes it; goes through the kernel's call gate. */
    public final boolean terminate() {
        return Calls.terminate(this, 0);
    }

    /**
     * IOService::requestTerminate: agree only when {@code provider} is the only provider, and then
     * let the provider terminate us with kIOServiceRecursing; report whether we are now inactive (R4).
     */
    public boolean requestTerminate(IOService provider, int options) {
        boolean ok = isParent(provider, true);
        if (ok) {
            Calls.terminateClient(provider, this, options | kIOServiceRecursing);
            ok = isInactive();
        }
        return ok;
    }

    /** IOService::terminateClient: calls the client's virtual terminate(). */
    public boolean terminateClient(IOService client, int options) {
        boolean ok;
        if (client.isParent(this, true)) {
            ok = Calls.terminate(client, options);
        } else {
            ok = true;
        }
        return ok;
    }

    public boolean willTerminate(IOService provider, int options) {
        return true;
    }

    /**
     * IOService::didTerminate (R7): without a defer, schedule our stop unless we still hold the
     * provider open; then (compat) ask ourselves to close and check again.
     */
    public boolean didTerminate(IOService provider, int options, boolean[] defer) {
        if (!defer[0]) {
            if (!provider.handleIsOpen(this)) {
                scheduleStop(provider);
            } else {
                Calls.message(this, kIOMessageServiceIsRequestingClose, provider, options);
                if (!provider.handleIsOpen(this)) {
                    scheduleStop(provider);
                }
            }
        }
        return true;
    }

    /**
     * IOService::finalize (R8): schedule stop on every provider that is not itself in phase 3;
     * an object terminated outside the phase machinery (no TermPhase3) is stopped inline (compat).
     */
    public boolean finalize(int options) {
        for (IORegistryEntry p : List.copyOf(parents)) {
            if (!(p instanceof IOService provider)) {
                continue;
            }
            if ((state1 & kIOServiceTermPhase3State) == 0) {
                Calls.stop(this, provider);
                if (provider.isOpen(this)) {
                    provider.close(this, 0);
                }
                Calls.detach(this, provider);
            } else if ((provider.state1 & kIOServiceTermPhase3State) == 0) {
                scheduleStop(provider);
            }
        }
        return true;
    }

    public int message(int type, IOService provider, Object argument) {
        return IOReturn.kIOReturnUnsupported;
    }

    @Override
    public void free() {
        interestedTasks.clear();
        super.free();
    }

    // ---------------------------------------------------------------- user clients

    /**
     * IOService::newUserClient: instantiate the class named by IOUserClientClass, then initWithTask,
     * attach (fails if we are inactive) and start; any failure releases the new object.
     */
    public int newUserClient(Task owningTask, int type, IOUserClient[] handler) {
        Object cls = getProperty("IOUserClientClass");
        if (!(cls instanceof String className)) {
            return IOReturn.kIOReturnUnsupported;
        }
        OSMetaClass mc = kernel.metaClassNamed(className);
        if (mc == null) {
            return IOReturn.kIOReturnNoMemory;
        }
        OSObject temp = mc.alloc();
        if (!(temp instanceof IOUserClient client)) {
            if (temp != null) {
                temp.release();
            }
            return IOReturn.kIOReturnUnsupported;
        }
        if (!client.initWithTask(owningTask, type)) {
            client.release();
            return IOReturn.kIOReturnBadArgument;
        }
        if (!client.attach(this)) {
            client.release();
            return IOReturn.kIOReturnUnsupported;
        }
        if (!client.start(this)) {
            Calls.detach(client, this);
            client.release();
            return IOReturn.kIOReturnUnsupported;
        }
        handler[0] = client;
        return IOReturn.kIOReturnSuccess;
    }

    // ---------------------------------------------------------------- open / close (R13, R14)

    /**
     * IOService::open (R14): first kIOMessageServiceIsAttemptingOpen to the other interested
     * parties, then it fails on an inactive service, otherwise handleOpen decides.
     */
    public boolean open(IOService forClient, int options) {
        messageOthers(kIOMessageServiceIsAttemptingOpen, forClient);
        if (isInactive()) {
            return false;
        }
        return handleOpen(forClient, options);
    }

    /**
     * IOService::close (R13): only the opener's close does anything. In phase 3 it schedules
     * the opener's stop (the stop its open postponed); otherwise the other interested parties
     * get kIOMessageServiceWasClosed. A didTerminate defer is not released here.
     */
    public void close(IOService forClient, int options) {
        boolean wasClosed = handleIsOpen(forClient);
        boolean last = false;
        if (wasClosed) {
            handleClose(forClient, options);
            last = (state1 & kIOServiceTermPhase3State) != 0;
        }
        if (last) {
            forClient.scheduleStop(this);
        } else if (wasClosed) {
            messageOthers(kIOMessageServiceWasClosed, forClient);
        }
    }

    /** messageClients(type, forClient) as open and close use it: everyone but the one concerned. */
    private void messageOthers(int type, IOService forClient) {
        for (IOService client : getClients()) {
            if (client != forClient) {
                Calls.message(client, type, this, forClient);
            }
        }
        for (Task task : List.copyOf(interestedTasks)) {
            task.deliverMessage(this, type);
        }
    }

    public final boolean isOpen(IOService forClient) {
        return forClient == null ? owner != null : handleIsOpen(forClient);
    }

    /** Default: a single owner; ok = (NULL == __owner), so the owner's second open fails too (R14). */
    public boolean handleOpen(IOService forClient, int options) {
        if (owner == null) {
            owner = forClient;
            return true;
        }
        return false;
    }

    public void handleClose(IOService forClient, int options) {
        if (owner == forClient) {
            owner = null;
        }
    }

    public boolean handleIsOpen(IOService forClient) {
        return forClient != null && owner == forClient;
    }

    // ---------------------------------------------------------------- attach / detach (R10)

    /** IOService::attach: refuses an inactive provider, and a busy client makes its provider busy. */
    public boolean attach(IOService provider) {
        if (provider == null || provider.isInactive()) {
            return false;
        }
        boolean ok = attachToParent(provider);
        if (ok && getBusyState() != 0 && getProvider() == provider) {
            provider.adjustBusy(1);
        }
        return ok;
    }

    /** Attaches below a plain registry entry (the platform device below Root). */
    final boolean attachToRoot(IORegistryEntry root) {
        return attachToParent(root);
    }

    /**
     * IOService::detach: after the last provider goes in phase 3 our busy count clears; the
     * provider loses a busy child, and a phase-3 provider whose last client left is finalized.
     */
    public void detach(IOService provider) {
        // Hold both ends until the method is done, as terminateWorker's freeList does in xnu.
        retain();
        provider.retain();
        int busy = getBusyState();
        boolean adjParent = busy != 0 && provider == getProvider();
        detachFromParent(provider);
        if (isInactive()) {
            kernel.catalogue().removeInstance(this);
        }
        if (busy != 0 && (state1 & kIOServiceTermPhase3State) != 0 && getProvider() == null) {
            adjustBusy(-busy);
        }
        IOService newProvider = getProvider();
        if (newProvider != null && adjParent) {
            newProvider.adjustBusy(1);
        }
        if ((state1 & kIOServiceStartState) != 0) {
            Termination.scheduleTerminatePhase2(provider, 0);
        }
        if (adjParent) {
            provider.adjustBusy(-1);
        }
        if ((provider.state1 & kIOServiceTermPhase3State) != 0 && provider.getClient() == null) {
            provider.scheduleFinalize(false);
        }
        provider.release();
        release();
    }

    // ---------------------------------------------------------------- registration and busy state

    /** IOService::registerService: publishes the service and runs matching on it. */
    public void registerService() {
        kernel.catalogue().registerService(this);
    }

    /**
     * IOService::_adjustBusy: the count moves on this entry and, on each 0↔1 transition, on the
     * first provider in turn; busy time accumulates while non-zero; when the service root goes
     * quiet, OSKext::considerUnloads runs (R24).
     */
    final void adjustBusy(int delta) {
        IOService next = this;
        while (next != null) {
            int count = next.state1 & kIOServiceBusyStateMask;
            boolean wasQuiet = count == 0;
            if ((delta < 0 && wasQuiet) || (delta > 0 && count == kIOServiceBusyMax)) {
                kernel.violation("I7 bad busy count on " + next + " (" + count + "," + delta + ")");
                return;
            }
            count += delta;
            next.state1 = (next.state1 & ~kIOServiceBusyStateMask) | count;
            boolean nowQuiet = count == 0;
            if (!(wasQuiet || nowQuiet)) {
                return;
            }
            long now = kernel.clock().now();
            if (wasQuiet) {
                next.timeBusy = now;
            } else {
                next.accumBusy += now - next.timeBusy;
                next.timeBusy = 0;
            }
            if (nowQuiet && next == kernel.serviceRoot()) {
                kernel.kexts().considerUnloads(false);
            }
            delta = nowQuiet ? -1 : 1;
            next = next.getProvider();
        }
    }

    // ---------------------------------------------------------------- termination plumbing

    /** IOService::scheduleStop: queue (this, provider) on the stop list. */
    final void scheduleStop(IOService provider) {
        kernel.termination().scheduleStop(this, provider);
    }

    /** IOService::scheduleFinalize: a user client with calls in flight waits for them (R8). */
    final void scheduleFinalize(boolean now) {
        if (now || finalizeUserReferences()) {
            kernel.termination().scheduleFinalize(this);
        }
    }

    /** IOUserClient::finalizeUserReferences; plain services are always ready. */
    boolean finalizeUserReferences() {
        return true;
    }

    /**
     * IOService::setTerminateDefer: StartState holds off the provider's phase 2 while an
     * IOServiceOpen is in progress; clearing it reschedules the provider (R5).
     */
    public final void setTerminateDefer(IOService provider, boolean defer) {
        if (defer) {
            state1 |= kIOServiceStartState;
        } else {
            state1 &= ~kIOServiceStartState;
        }
        if (provider != null && !defer) {
            Termination.scheduleTerminatePhase2(provider, 0);
        }
    }

    /** IOService::messageClients: each in-kernel client's message(), then general-interest notifiers. */
    public final void messageClients(int type, Object argument) {
        for (IOService client : getClients()) {
            Calls.message(client, type, this, argument);
        }
        for (Task task : List.copyOf(interestedTasks)) {
            task.deliverMessage(this, type);
        }
    }

}
