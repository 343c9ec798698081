package kextshell.lab.run;

import static kextshell.lab.run.Bridge.*;

import java.util.Set;
import kextshell.kernel.IORegistryEntry;
import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUserClient;
import kextshell.kernel.OSObject;
import kextshell.kernel.VirtualClock;

/**
 * Calls from the learner's code on kernel objects (§2): each C++ member call maps onto the Java
 * model's public method, so a virtual one dispatches to the learner's override again when the
 * target is a lab object. Null, poisoned and freed targets never get here (the interpreter
 * panics first).
 */
final class KernelApi {
    private KernelApi() {
    }

    /** Member names with a kernel meaning: a call by these names goes through the model. */
    static final Set<String> NAMES = Set.of("retain", "release", "getRetainCount", "getProvider", "getClient",
            "getClientIterator", "getProviderIterator", "isInactive", "getState", "open", "close", "isOpen",
            "terminate", "registerService", "messageClients", "messageClient", "getName", "getWorkLoop",
            "getBusyState", "start", "stop", "requestTerminate", "willTerminate", "didTerminate", "finalize",
            "message", "handleOpen", "handleClose", "handleIsOpen", "terminateClient", "init", "free", "probe",
            "initWithTask", "clientClose", "clientDied", "externalMethod", "getNextObject", "reset", "isValid",
            "addEventSource", "removeEventSource", "setTimeoutMS", "cancelTimeout", "scheduleStop",
            "terminatePhase1", "scheduleFinalize", "terminateWorker");

    static Object invoke(Interp in, Object target, String name, Object[] a) {
        if (target instanceof Values.LabIterator it) {
            return iterator(in, it, name);
        }
        if (target instanceof Values.LabTimer t) {
            return timer(in, t, name, a);
        }
        if (target == Values.WorkLoop.INSTANCE) {
            return (long) IOReturn.kIOReturnSuccess; // add/removeEventSource: the model has one loop
        }
        OSObject o = (OSObject) target;
        switch (name) {
            case "retain":
                in.retain(o);
                return null;
            case "release":
                in.release(o);
                return null;
            case "getRetainCount":
                return (long) (o.getRetainCount() & 0xffff);
            default:
                break;
        }
        IOService s = (IOService) o;
        Object r = service(in, s, name, a);
        if (r != LabObject.NOT_VIRTUAL) {
            return r;
        }
        if (s instanceof IOUserClient uc) {
            return userClient(uc, name, a);
        }
        throw new IllegalStateException("no kernel method " + name);
    }

    private static Object service(Interp in, IOService s, String name, Object[] a) {
        switch (name) {
            case "getProvider":
                return s.getProvider();
            case "getClient":
                return s.getClient();
            case "getClientIterator":
                return in.track(new Values.LabIterator(s.getClients()), name);
            case "getProviderIterator":
                return in.track(new Values.LabIterator(s.getParentEntries().stream()
                        .filter(p -> p instanceof IOService).map(p -> (IOService) p).toList()), name);
            case "isInactive":
                return b(s.isInactive());
            case "getState":
                return (long) s.getState();
            case "getBusyState":
                return (long) s.getBusyState();
            case "getName":
                return s.getName();
            case "getWorkLoop":
                return s.getProvider() == null ? null : Values.WorkLoop.INSTANCE;
            case "registerService":
                s.registerService();
                return null;
            case "messageClients":
                s.messageClients(i(a, 0), null);
                return (long) IOReturn.kIOReturnSuccess;
            case "messageClient": {
                IOService c = svc(a[1]);
                return c == null ? (long) IOReturn.kIOReturnBadArgument : (long) c.message(i(a, 0), s, null);
            }
            case "terminate":
                return b(a.length == 0 || i(a, 0) == 0 ? s.terminate() : s.terminate(i(a, 0)));
            case "open":
                return b(s.open(svc(a[0]), i(a, 1)));
            case "close":
                s.close(svc(a[0]), i(a, 1));
                return null;
            case "isOpen":
                return b(s.isOpen(a.length == 0 ? null : svc(a[0])));
            default:
                return lifecycle(s, name, a);
        }
    }

    /** The lifecycle virtuals, called on another object (on this one they go to the override). */
    private static Object lifecycle(IOService s, String name, Object[] a) {
        switch (name) {
            case "start":
                return b(s.start(svc(a[0])));
            case "stop":
                s.stop(svc(a[0]));
                return null;
            case "requestTerminate":
                return b(s.requestTerminate(svc(a[0]), i(a, 1)));
            case "terminateClient":
                return b(s.terminateClient(svc(a[0]), i(a, 1)));
            case "willTerminate":
                return b(s.willTerminate(svc(a[0]), i(a, 1)));
            case "didTerminate": {
                boolean[] defer = boolArray(a[2]);
                boolean r = s.didTerminate(svc(a[0]), i(a, 1), defer);
                writeBack(a[2], defer);
                return b(r);
            }
            case "finalize":
                return b(s.finalize(i(a, 0)));
            case "message":
                return (long) s.message(i(a, 0), a.length > 1 ? svc(a[1]) : null, null);
            case "handleOpen":
                return b(s.handleOpen(svc(a[0]), i(a, 1)));
            case "handleClose":
                s.handleClose(svc(a[0]), i(a, 1));
                return null;
            case "handleIsOpen":
                return b(s.handleIsOpen(svc(a[0])));
            case "init":
                return b(s.init(dict(a.length > 0 ? a[0] : null)));
            case "probe":
                return s.probe(svc(a[0]), new int[1]);
            case "free":
                s.free();
                return null;
            default:
                return LabObject.NOT_VIRTUAL;
        }
    }

    private static Object userClient(IOUserClient uc, String name, Object[] a) {
        switch (name) {
            case "initWithTask":
                return b(uc.initWithTask(uc.getOwningTask(), i(a, 2)));
            case "clientClose":
                return (long) uc.clientClose();
            case "clientDied":
                return (long) uc.clientDied();
            case "externalMethod":
                return (long) uc.externalMethod(i(a, 0), new long[0]);
            default:
                throw new IllegalStateException("no kernel method " + name);
        }
    }

    private static Object iterator(Interp in, Values.LabIterator it, String name) {
        switch (name) {
            case "getNextObject":
                while (it.index < it.items.size()) {
                    OSObject o = it.items.get(it.index++);
                    if (!o.isFreed()) {
                        return o;
                    }
                }
                return null;
            case "reset":
                it.index = 0;
                return null;
            case "isValid":
                return 1L;
            case "retain":
                it.retains++;
                return null;
            case "release":
                it.retains--;
                return null;
            case "getRetainCount":
                return (long) it.retains;
            default:
                throw new IllegalStateException("no iterator method " + name);
        }
    }

    private static Object timer(Interp in, Values.LabTimer t, String name, Object[] a) {
        switch (name) {
            case "setTimeoutMS": {
                if (t.armed != null) {
                    t.armed.cancel();
                }
                long ms = Interp.toLong(a[0]) & 0xffffffffL;
                t.armed = ((IORegistryEntry) t.owner).kernel().after(ms * VirtualClock.NS_PER_MS,
                        ((IORegistryEntry) t.owner).getName() + " timer", () -> in.fireTimer(t));
                return (long) IOReturn.kIOReturnSuccess;
            }
            case "cancelTimeout":
                if (t.armed != null) {
                    t.armed.cancel();
                    t.armed = null;
                }
                return null;
            case "retain":
                t.retains++;
                return null;
            case "release":
                if (--t.retains == 0) {
                    t.freed = true;
                    if (t.armed != null) {
                        t.armed.cancel();
                        t.armed = null;
                    }
                }
                return null;
            case "getRetainCount":
                return (long) t.retains;
            default:
                throw new IllegalStateException("no timer method " + name);
        }
    }
}
