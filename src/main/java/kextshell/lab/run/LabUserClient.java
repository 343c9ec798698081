package kextshell.lab.run;

import static kextshell.lab.run.Bridge.*;

import java.util.Map;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUserClient;
import kextshell.kernel.Task;

/**
 * The adapter for a learner class derived from IOUserClient: as {@link LabService}, plus the
 * user-client virtuals (initWithTask, clientClose, clientDied, externalMethod). The IOService
 * part repeats LabService's on purpose: each adapter must call {@code super.x} of its own Java
 * base, which no shared helper can do.
 */
final class LabUserClient extends IOUserClient implements LabObject {
    private final LabInstance lab;

    LabUserClient(LabInstance lab) {
        this.lab = lab;
    }

    @Override
    public LabInstance lab() {
        return lab;
    }

    @Override
    public boolean init(Map<String, Object> dictionary) {
        lab.kext.allocated(this);
        return lab.defines("init") ? lab.learnerInit(this, new Values.Dict(dictionary)) : super.init(dictionary);
    }

    @Override
    public void free() {
        if (lab.defines("free")) {
            lab.inFree = true;
            lab.enter(this, "free");
        } else {
            super.free();
        }
    }

    @Override
    public IOService probe(IOService provider, int[] score) {
        return lab.defines("probe") ? svc(lab.enter(this, "probe", provider, new Values.IntArrayRef(score)))
                : super.probe(provider, score);
    }

    @Override
    public boolean start(IOService provider) {
        return lab.bool(this, "start", () -> super.start(provider), provider);
    }

    @Override
    public void stop(IOService provider) {
        lab.run(this, "stop", () -> super.stop(provider), provider);
    }

    @Override
    public boolean terminate(int options) {
        return lab.bool(this, "terminate", () -> super.terminate(options), (long) options);
    }

    @Override
    public boolean requestTerminate(IOService provider, int options) {
        return lab.bool(this, "requestTerminate", () -> super.requestTerminate(provider, options),
                provider, (long) options);
    }

    @Override
    public boolean terminateClient(IOService client, int options) {
        return lab.bool(this, "terminateClient", () -> super.terminateClient(client, options),
                client, (long) options);
    }

    @Override
    public boolean willTerminate(IOService provider, int options) {
        return lab.bool(this, "willTerminate", () -> super.willTerminate(provider, options),
                provider, (long) options);
    }

    @Override
    public boolean didTerminate(IOService provider, int options, boolean[] defer) {
        return lab.bool(this, "didTerminate", () -> super.didTerminate(provider, options, defer),
                provider, (long) options, new Values.BoolArrayRef(defer));
    }

    @Override
    public boolean finalize(int options) {
        return lab.bool(this, "finalize", () -> super.finalize(options), (long) options);
    }

    @Override
    public int message(int type, IOService provider, Object argument) {
        return lab.ioReturn(this, "message", () -> super.message(type, provider, argument),
                (long) type, provider, null);
    }

    @Override
    public boolean open(IOService forClient, int options) {
        return lab.bool(this, "open", () -> super.open(forClient, options), forClient, (long) options, null);
    }

    @Override
    public void close(IOService forClient, int options) {
        lab.run(this, "close", () -> super.close(forClient, options), forClient, (long) options);
    }

    @Override
    public boolean handleOpen(IOService forClient, int options) {
        return lab.bool(this, "handleOpen", () -> super.handleOpen(forClient, options),
                forClient, (long) options, null);
    }

    @Override
    public void handleClose(IOService forClient, int options) {
        lab.run(this, "handleClose", () -> super.handleClose(forClient, options), forClient, (long) options);
    }

    @Override
    public boolean handleIsOpen(IOService forClient) {
        return lab.bool(this, "handleIsOpen", () -> super.handleIsOpen(forClient), forClient);
    }

    @Override
    public Object superCall(String name, Object[] a) {
        switch (name) {
            case "init":
                lab.superInitRan = true;
                return b(super.init(dict(a.length > 0 ? a[0] : null)));
            case "free":
                super.free();
                return null;
            case "probe":
                return super.probe(svc(a[0]), new int[1]);
            case "start":
                return b(super.start(svc(a[0])));
            case "stop":
                super.stop(svc(a[0]));
                return null;
            case "terminate":
                return b(super.terminate(i(a, 0)));
            case "requestTerminate":
                return b(super.requestTerminate(svc(a[0]), i(a, 1)));
            case "terminateClient":
                return b(super.terminateClient(svc(a[0]), i(a, 1)));
            case "willTerminate":
                return b(super.willTerminate(svc(a[0]), i(a, 1)));
            case "didTerminate": {
                boolean[] defer = boolArray(a[2]);
                boolean r = super.didTerminate(svc(a[0]), i(a, 1), defer);
                writeBack(a[2], defer);
                return b(r);
            }
            case "finalize":
                return b(super.finalize(i(a, 0)));
            case "message":
                return (long) super.message(i(a, 0), svc(a.length > 1 ? a[1] : null), null);
            case "open":
                return b(super.open(svc(a[0]), i(a, 1)));
            case "close":
                super.close(svc(a[0]), i(a, 1));
                return null;
            case "handleOpen":
                return b(super.handleOpen(svc(a[0]), i(a, 1)));
            case "handleClose":
                super.handleClose(svc(a[0]), i(a, 1));
                return null;
            case "handleIsOpen":
                return b(super.handleIsOpen(svc(a[0])));
            default:
                return userClientSuper(name, a);
        }
    }

    // ---------------------------------------------------------------- IOUserClient virtuals

    @Override
    public boolean initWithTask(Task owningTask, int type) {
        if (lab.kext.program.find(lab.className, "initWithTask", 3) != null) {
            return truthy(lab.enter(this, "initWithTask", owningTask, null, (long) type));
        }
        if (lab.kext.program.find(lab.className, "initWithTask", 4) != null) {
            return truthy(lab.enter(this, "initWithTask", owningTask, null, (long) type, null));
        }
        return super.initWithTask(owningTask, type);
    }

    @Override
    public int clientClose() {
        return lab.ioReturn(this, "clientClose", () -> super.clientClose());
    }

    @Override
    public int clientDied() {
        return lab.ioReturn(this, "clientDied", () -> super.clientDied());
    }

    @Override
    public int externalMethod(int selector, long[] scalarInput) {
        if (!lab.defines("externalMethod")) {
            return super.externalMethod(selector, scalarInput);
        }
        Values.ExternalArgs args = new Values.ExternalArgs(selector, scalarInput == null ? new long[0] : scalarInput,
                new long[16]);
        return (int) Interp.toLong(lab.enter(this, "externalMethod", (long) selector, args, null, null, null));
    }

    /** The user-client part of {@link #superCall}. */
    private Object userClientSuper(String name, Object[] a) {
        switch (name) {
            case "initWithTask":
                return b(super.initWithTask(a[0] instanceof Task t ? t : getOwningTask(), i(a, 2)));
            case "clientClose":
                return (long) super.clientClose();
            case "clientDied":
                return (long) super.clientDied();
            case "externalMethod":
                return (long) super.externalMethod(i(a, 0), a.length > 1 && a[1] instanceof Values.ExternalArgs x
                        ? x.scalarInput() : new long[0]);
            default:
                return NOT_VIRTUAL;
        }
    }
}
