package kextshell.kernel;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The user-space side of IOKit (IOKitUser IOKitLib.c) and the kernel entry points it reaches
 * (IOUserClient.cpp): processes, IOServiceGetMatchingService, IOServiceOpen, IOConnectCall*,
 * IOServiceClose, interest notifications, and what a process exit does to its connections.
 */
public final class UserSpace {
    public static final int FIRST_PID = 401;

    private final Kernel kernel;
    private final Map<Integer, Task> tasks = new LinkedHashMap<>();
    private final List<String> notices = new ArrayList<>();
    private int nextPid = FIRST_PID;

    UserSpace(Kernel kernel) {
        this.kernel = kernel;
    }

    public Task spawn(String name) {
        int pid = kernel.fault(Fault.NONDETERMINISTIC_PIDS) ? 1000 + (System.identityHashCode(new Object()) & 0xfff) : nextPid++;
        Task t = new Task(kernel, pid, name);
        tasks.put(t.pid(), t);
        return t;
    }

    public Task task(int pid) {
        return tasks.get(pid);
    }

    /**
     * Exited processes kept for {@code ps -a} and checks. Beyond this many the oldest are reaped
     * at a command boundary, so a long session's process table (and the dead connections and
     * user clients the tasks still reference) stays bounded; live processes are never reaped.
     */
    public static final int EXITED_KEEP = 10_000;
    private int exitedHeld;

    /** True for a pid this kernel handed out whose exited task has since been reaped. */
    public boolean wasReaped(int pid) {
        return pid >= FIRST_PID && pid < nextPid && !tasks.containsKey(pid)
                && !kernel.fault(Fault.NONDETERMINISTIC_PIDS);
    }

    /** Drops the oldest exited tasks once more than twice {@link #EXITED_KEEP} are held. */
    void reap() {
        if (exitedHeld <= 2 * EXITED_KEEP) {
            return;
        }
        int toDrop = exitedHeld - EXITED_KEEP;
        var it = tasks.values().iterator();
        while (toDrop > 0 && it.hasNext()) {
            if (!it.next().alive()) {
                it.remove();
                toDrop--;
                exitedHeld--;
            }
        }
    }

    public Collection<Task> tasks() {
        return tasks.values();
    }

    /** IOServiceGetMatchingService(IOServiceMatching(className)): the first registered match, or null. */
    public IOService getMatchingService(String className) {
        for (IOService s : kernel.catalogue().registeredServices()) {
            if (!s.isInactive() && s.getMetaClass().conformsTo(className)) {
                return s;
            }
        }
        return null;
    }

    /** IOServiceOpen → is_io_service_open_extended (§3.1). */
    public int serviceOpen(Task task, IOService service, int type, Connection[] connect) {
        if (service == null) {
            return IOReturn.MACH_SEND_INVALID_DEST;
        }
        IOUserClient[] handler = new IOUserClient[1];
        int res = service.newUserClient(task, type, handler);
        if (res == IOReturn.kIOReturnSuccess) {
            IOUserClient client = handler[0];
            client.sharedInstance = client.getProperty("IOUserClientSharedInstance") != null;
            client.closed = false;
            client.registerOwner(task);
            task.ownerLinked();
            client.setProperty("IOUserClientCreator", "pid " + task.pid() + ", " + task.name());
            client.setTerminateDefer(service, false);
            client.adoptPortReference();
            connect[0] = task.addConnection(client, service);
            kernel.journal().state(EventName.OPENED, client, service, "pid " + task.pid());
            if (kernel.fault(Fault.STOP_ACTIVE_CLIENT)) {
                Calls.stop(client, service);
            }
            if (kernel.fault(Fault.DROP_WITHOUT_DETACH)) {
                client.parents.remove(service);
                service.children.remove(client);
            }
        }
        kernel.settle();
        return res;
    }

    /** IOConnectCallScalarMethod → is_io_connect_method → externalMethod (R19). */
    public int connectCall(Task task, Connection c, int selector) {
        if (c.released()) {
            return IOReturn.MACH_SEND_INVALID_DEST;
        }
        IOUserClient client = c.client();
        switch (client.port) {
            case DEAD:
                return IOReturn.MACH_SEND_INVALID_DEST;
            case MAPPINGS:
                return IOReturn.kIOReturnBadArgument;
            default:
                break;
        }
        client.retain();
        client.ipcInFlight++;
        int r = Calls.externalMethod(client, selector, new long[0]);
        client.ipcExit();
        client.release();
        kernel.settle();
        return r;
    }

    /**
     * IOServiceClose: io_service_close, then IOObjectRelease of the connect name (R16). The first
     * close runs clientClose inside the close IPC; dropping the last send right then delivers
     * no-senders → clientDied.
     */
    public int serviceClose(Task task, Connection c) {
        if (c.released()) {
            return IOReturn.MACH_SEND_INVALID_DEST;
        }
        int r = ioServiceClose(c);
        if (kernel.fault(Fault.DOUBLE_RELEASE)) {
            c.client().release();
        }
        if (c.client().port == PortState.LIVE) {
            c.release();
            c.client().lastSendRightGone();
        } else {
            c.release();
        }
        kernel.settle();
        return r;
    }

    /**
     * is_io_service_close alone (IOUserClient.cpp): the first close, or any close of a shared
     * instance, runs clientClose; later ones only log. Always succeeds on a live port.
     */
    public int ioServiceClose(Connection c) {
        if (c.released()) {
            return IOReturn.MACH_SEND_INVALID_DEST;
        }
        IOUserClient client = c.client();
        switch (client.port) {
            case DEAD:
                return IOReturn.MACH_SEND_INVALID_DEST;
            case MAPPINGS:
                return IOReturn.kIOReturnSuccess;
            default:
                break;
        }
        client.retain();
        // The MIG request holds a connect reference (iokit_lookup_connect_port →
        // iokit_add_connect_reference, __ipc) until its reply (iokit_remove_connect_reference),
        // as IOConnectCall* does: a finalize requested inside clientClose waits for it (R8).
        client.ipcInFlight++;
        if (client.sharedInstance || !client.closed) {
            client.closed = true;
            Calls.clientClose(client);
        } else {
            kernel.log().ioLog("kernel", "ignored is_io_service_close(0x"
                    + Long.toHexString(client.getRegistryEntryID()) + "," + client.getName() + ")");
        }
        client.ipcExit();
        client.release();
        kernel.settle();
        return IOReturn.kIOReturnSuccess;
    }

    /**
     * Process exit, clean or killed: the task's send rights go away, each LIVE port gets
     * no-senders and its client clientDied (R17). Ports already destroyed by termination
     * deliver nothing.
     */
    public void exit(Task task) {
        if (!task.alive()) {
            return;
        }
        task.exited();
        exitedHeld++;
        for (Connection c : task.connections()) {
            if (!c.released()) {
                c.release();
                c.client().lastSendRightGone();
            }
        }
        kernel.journal().kext(EventName.TASK_EXIT, "pid " + task.pid(), task.name());
        kernel.settle();
    }

    /** The value OSObject::serialize writes for the IOCommand a general-interest registration stores. */
    public static final String GENERAL_INTEREST_VALUE = "IOCommand is not serializable";

    /**
     * IOServiceAddInterestNotification(kIOGeneralInterest) on an io_service_t the task holds (R27):
     * a dead object port fails in Mach (0x10000003); on a live one the registration succeeds and
     * registerInterestForNotifier adds "IOGeneralInterest" to the service (R31). Never NotAttached.
     */
    public int addInterest(Task task, IOService service) {
        if (service == null || service.objectPortDead()) {
            return IOReturn.MACH_SEND_INVALID_DEST;
        }
        if (service.isInactive()) {
            // Only a handle kept alive by holdDestroy gets here: interest on an inactive service.
            return IOReturn.kIOReturnUnsupported;
        }
        if (!service.interestedTasks.contains(task)) {
            service.interestedTasks.add(task);
        }
        service.setProperty("IOGeneralInterest", GENERAL_INTEREST_VALUE);
        kernel.journal().state(EventName.INTEREST, service, null, "pid " + task.pid());
        return IOReturn.kIOReturnSuccess;
    }

    /** kIOTerminatedNotification fires here in phase 1; no emulated process subscribes to it yet. */
    void terminatedNotification(IOService victim) {
    }

    void notice(String line) {
        notices.add(line);
    }

    /** Messages delivered to processes since the last call, for the shell to print. */
    public List<String> drainNotices() {
        List<String> out = new ArrayList<>(notices);
        notices.clear();
        return out;
    }
}
