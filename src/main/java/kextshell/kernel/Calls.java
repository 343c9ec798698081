package kextshell.kernel;

/**
 * The kernel's calls into driver code. Each virtual call the kernel makes on a service goes
 * through here, so the journal sees it with its options and phase whether or not the driver
 * overrides the method (IOService.cpp marks the same points with its TLOG lines).
 */
final class Calls {
    private Calls() {
    }

    /** I2: the kernel must never call into an object it already freed. */
    private static void live(OSObject o, String method) {
        if (o.isFreed()) {
            o.kernel.violation("I2 " + method + " called on freed " + o.getMetaClass().getClassName());
        }
    }

    static boolean terminate(IOService s, int options) {
        live(s, "terminate");
        s.kernel.journal().call(EventName.TERMINATE, s, options, null, "");
        boolean ok = s.terminate(options);
        if (!ok) {
            s.kernel.journal().state(EventName.TERMINATE_REFUSED, s, null, "returned false");
        }
        return ok;
    }

    static boolean requestTerminate(IOService client, IOService provider, int options) {
        live(client, "requestTerminate");
        client.kernel.journal().call(EventName.REQUESTTERMINATE, client, options, provider, "");
        boolean ok = client.requestTerminate(provider, options);
        if (!ok) {
            client.kernel.journal().state(EventName.REQUEST_REFUSED, client, provider, "stays active");
        }
        return ok;
    }

    static boolean terminateClient(IOService provider, IOService client, int options) {
        live(provider, "terminateClient");
        provider.kernel.journal().call(EventName.TERMINATECLIENT, provider, options, client, "");
        return provider.terminateClient(client, options);
    }

    static void willTerminate(IOService client, IOService provider, int options) {
        live(client, "willTerminate");
        client.kernel.journal().call(EventName.WILLTERMINATE, client, options, provider, "");
        client.willTerminate(provider, options);
    }

    static void didTerminate(IOService client, IOService provider, int options, boolean[] defer) {
        live(client, "didTerminate");
        client.kernel.journal().call(EventName.DIDTERMINATE, client, options, provider, "");
        client.didTerminate(provider, options, defer);
        if (defer[0]) {
            client.kernel.journal().state(EventName.STOP_DEFERRED, client, provider, "didTerminate set *defer");
        }
    }

    static void finalize(IOService s, int options) {
        live(s, "finalize");
        s.kernel.journal().call(EventName.FINALIZE, s, options, null, "");
        s.finalize(options);
    }

    static void stop(IOService client, IOService provider) {
        live(client, "stop");
        // I1: stop() only reaches a terminating object, or one whose provider is terminating
        // (the orphan of a refused requestTerminate, §8).
        if (!client.isInactive() && !provider.isInactive()) {
            client.kernel.violation("I1 stop() on active " + client + " with active provider " + provider);
        }
        client.kernel.journal().call(EventName.STOP, client, -1, provider, "");
        client.stop(provider);
    }

    static void detach(IOService client, IOService provider) {
        live(client, "detach");
        client.kernel.journal().call(EventName.DETACH, client, -1, provider, "");
        client.detach(provider);
    }

    static int message(IOService client, int type, IOService provider, Object arg) {
        live(client, "message");
        client.kernel.journal().call(EventName.MESSAGE, client, -1, provider, IOOptions.messageName(type));
        return client.message(type, provider, arg);
    }

    static int clientClose(IOUserClient uc) {
        live(uc, "clientClose");
        uc.kernel.journal().call(EventName.CLIENTCLOSE, uc, -1, null, "");
        return uc.clientClose();
    }

    static int clientDied(IOUserClient uc) {
        live(uc, "clientDied");
        uc.kernel.journal().call(EventName.CLIENTDIED, uc, -1, null, "");
        return uc.clientDied();
    }

    static int externalMethod(IOUserClient uc, int selector, long[] scalars) {
        live(uc, "externalMethod");
        uc.kernel.journal().call(EventName.EXTERNALMETHOD, uc, -1, null, "selector " + selector);
        if (uc.kernel.fault(Fault.THROW_IN_CALL)) {
            throw new IllegalStateException("injected fault");
        }
        return uc.externalMethod(selector, scalars);
    }

    static void free(OSObject obj) {
        if (obj instanceof IORegistryEntry e) {
            e.kernel.journal().call(EventName.FREE, e, -1, null, "");
        }
        obj.free();
    }
}
