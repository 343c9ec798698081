package kextshell.kernel;

import static kextshell.kernel.IOOptions.*;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.LinkedList;
import java.util.List;
import java.util.Set;

/**
 * xnu's private termination machinery (IOService.cpp): terminatePhase1 on the caller's thread,
 * scheduleTerminatePhase2 with its synchronous wait, and terminateWorker's phase 2 and phase 3,
 * with the global phase-2, finalize and stop lists. The model has one real thread; "the terminate
 * thread" is a role: the synchronous caller takes it, otherwise queued work runs when the current
 * kernel entry returns ({@link Kernel#settle()}), as the worker thread would run it.
 */
final class Termination {
    /** clock_interval_to_deadline(15, kSecondScale) in scheduleTerminatePhase2. */
    static final long SYNC_DEADLINE_NS = 15 * VirtualClock.NS_PER_SEC;

    /** A stop-list entry; like gIOStopList's OSArray it holds a reference on both ends. */
    private static final class Stop {
        final IOService client;
        final IOService provider;
        boolean deferralJournaled;

        Stop(IOService client, IOService provider) {
            this.client = client;
            this.provider = provider;
        }

        IOService client() {
            return client;
        }

        IOService provider() {
            return provider;
        }
    }

    private final Kernel kernel;
    private final ArrayDeque<IOService> phase2List = new ArrayDeque<>();
    private final ArrayDeque<IOService> finalizeList = new ArrayDeque<>();
    private final LinkedList<Stop> stopList = new LinkedList<>();
    private long terminateWork;
    private boolean onTerminateThread;

    Termination(Kernel kernel) {
        this.kernel = kernel;
    }

    boolean hasWork() {
        return terminateWork != 0;
    }

    int pendingStops() {
        return stopList.size();
    }

    // ------------------------------------------------------------------ phase 1

    /** IOService::terminatePhase1 (R2, R3). */
    static boolean terminatePhase1(IOService self, int options) {
        Kernel k = self.kernel;
        if ((options & kIOServiceRecursing) != 0) {
            // Compat path: the client agrees to go; the provider's walk will pick it up.
            if (!self.isInactive()) {
                self.state0 |= kIOServiceInactiveState;
                self.state1 |= kIOServiceRecursingState | kIOServiceTermPhase1State;
                k.journal().state(EventName.INACTIVE, self, null, "recursing");
            }
            return true;
        }
        String oldPhase = k.journal().enterPhase(Journal.PHASE1);
        boolean startPhase2 = false;
        ArrayDeque<IOService> makeInactive = new ArrayDeque<>();
        ArrayDeque<IOService> waitingInactive = new ArrayDeque<>();
        IOService victim = self;
        while (victim != null) {
            boolean marked = (victim.state1 & (kIOServiceRecursingState | kIOServiceTermPhase1State))
                    == (kIOServiceRecursingState | kIOServiceTermPhase1State);
            boolean didInactive = !victim.isInactive() || marked;
            if (didInactive) {
                victim.state0 |= kIOServiceInactiveState;
                victim.state0 &= ~(kIOServiceRegisteredState | kIOServiceMatchedState
                        | kIOServiceFirstPublishState | kIOServiceFirstMatchState);
                victim.state1 &= ~kIOServiceRecursingState;
                victim.state1 |= kIOServiceTermPhase1State;
                if (victim == self && (options & kIOServiceTerminateNeedWillTerminate) != 0) {
                    victim.state1 |= kIOServiceNeedWillTerminate;
                }
                victim.adjustBusy(1);
                waitingInactive.addFirst(victim);
                if (!marked) {
                    k.journal().state(EventName.INACTIVE, victim, null, "");
                }
            }
            if (victim == self) {
                startPhase2 = didInactive;
            }
            if (didInactive) {
                k.userSpace().terminatedNotification(victim);
                // No emulated process registers a kIOTerminatedNotification, so nothing sets
                // holdDestroy: every victim's object port dies here (R3, R27).
                victim.objectPortDead = true;
                if (victim instanceof IOUserClient uc) {
                    uc.destroyUserReferences();
                }
                for (IOService client : victim.getClients()) {
                    if (Calls.requestTerminate(client, victim, options)) {
                        makeInactive.addLast(client);
                    }
                }
            }
            victim = makeInactive.pollFirst();
        }
        // Leaves first, because waitingInactive was filled at the head.
        for (IOService v : waitingInactive) {
            v.state1 &= ~kIOServiceTermPhase1State;
        }
        k.journal().enterPhase(oldPhase);
        if (startPhase2 && k.fault(Fault.LEAK_BUSY)) {
            k.serviceRoot().adjustBusy(1);
        }
        if (startPhase2) {
            scheduleTerminatePhase2(self, options);
        }
        return true;
    }

    // ------------------------------------------------------------------ scheduling

    /** IOService::scheduleTerminatePhase2 (R11): synchronous callers drain the lists and wait. */
    static void scheduleTerminatePhase2(IOService self, int options) {
        if (!self.isInactive() || (self.state1 & kIOServiceTermPhase1State) != 0) {
            return;
        }
        self.kernel.termination().schedulePhase2(self, options);
    }

    private void schedulePhase2(IOService self, int options) {
        self.retain();
        if ((options & kIOServiceSynchronous) != 0 && !onTerminateThread) {
            onTerminateThread = true;
            self.retain();
            phase2List.addLast(self);
            terminateWork++;
            long deadline = -1;
            boolean wait;
            boolean timedOut = false;
            do {
                while (terminateWork != 0) {
                    terminateWorker(options);
                }
                wait = self.getBusyState() != 0;
                if (wait) {
                    if (deadline < 0) {
                        deadline = kernel.clock().now() + SYNC_DEADLINE_NS;
                    }
                    // Let others do work while we wait: the model's others are its timers.
                    onTerminateThread = false;
                    timedOut = !sleepForWork(self, deadline);
                    if (timedOut) {
                        self.kernel.log().ioLog("kernel", self.getName() + "[0x"
                                + Long.toHexString(self.getRegistryEntryID())
                                + "]::terminate(kIOServiceSynchronous): THREAD_TIMED_OUT. "
                                + "Attempting to auto-resolve your deadlock. PLEASE FIX!");
                        kernel.journal().state(EventName.SYNC_TIMEOUT, self, null, "15 s deadline passed");
                    }
                    onTerminateThread = true;
                }
            } while (terminateWork != 0 || (wait && !timedOut));
            onTerminateThread = false;
        } else {
            self.retain();
            phase2List.addLast(self);
            terminateWork++;
        }
        self.release();
    }

    /**
     * IOLockSleepDeadline on gIOTerminateWork: time passes to each armed timer in turn until one
     * queues terminate work, the victim goes quiet, or the deadline passes (false). Timers due at
     * the same instant all run before the waiter wakes: a work loop runs every due event source in
     * one pass while the woken terminate thread is still being scheduled (docs/strategies.md §4).
     */
    private boolean sleepForWork(IOService self, long deadline) {
        while (terminateWork == 0 && self.getBusyState() != 0) {
            VirtualClock.Timer t = kernel.clock().nextDue(deadline);
            if (t == null) {
                kernel.clock().advanceTo(deadline);
                return false;
            }
            long due = t.deadline();
            kernel.clock().fire(t);
            while ((t = kernel.clock().nextDue(due)) != null) {
                kernel.clock().fire(t);
            }
        }
        return true;
    }

    void scheduleStop(IOService client, IOService provider) {
        client.retain();
        provider.retain();
        stopList.addLast(new Stop(client, provider));
        terminateWork++;
    }

    void scheduleFinalize(IOService victim) {
        victim.retain();
        finalizeList.addLast(victim);
        terminateWork++;
    }

    /** The worker thread: runs queued work after the current kernel entry returns. */
    void runTerminateThread() {
        if (onTerminateThread) {
            return;
        }
        while (terminateWork != 0) {
            onTerminateThread = true;
            try {
                // terminateThread is created with a NULL argument: asynchronous work sees 0x1 (R12).
                terminateWorker(0);
            } finally {
                onTerminateThread = false;
            }
        }
    }

    // ------------------------------------------------------------------ the worker

    /** IOService::terminateWorker: phase 2 (R5, R6), then phase 3 (R8, R9), until no work is left. */
    private void terminateWorker(int options) {
        options |= kIOServiceRequired;
        Set<OSObject> freeList = new LinkedHashSet<>();
        boolean moreToDo;
        do {
            long workDone = terminateWork;
            IOService first;
            while ((first = phase2List.pollFirst()) != null) {
                runPhase2(first, options, freeList);
                first.release();
            }
            runPhase3(options, freeList);
            terminateWork -= workDone;
            moreToDo = terminateWork != 0;
        } while (moreToDo);
        for (OSObject o : freeList) {
            o.release();
        }
    }

    private void runPhase2(IOService first, int options, Set<OSObject> freeList) {
        String old = kernel.journal().enterPhase(Journal.PHASE2);
        ArrayDeque<IOService> doPhase2List = new ArrayDeque<>();
        ArrayDeque<IOService> didPhase2List = new ArrayDeque<>();
        IOService victim = first;
        while (victim != null) {
            if (admitToPhase2(victim)) {
                victim.state1 |= kIOServiceTermPhase2State;
                if ((victim.state1 & kIOServiceNeedWillTerminate) != 0) {
                    for (IOService provider : providersOf(victim)) {
                        Calls.willTerminate(victim, provider, options);
                    }
                }
                // actionWillTerminate: every client, root toward leaf.
                for (IOService client : victim.getClients()) {
                    Calls.willTerminate(client, victim, options);
                    doPhase2List.addLast(client);
                }
                didPhase2List.addFirst(victim);
            }
            victim = doPhase2List.pollFirst();
        }
        // Leaves first.
        IOService v;
        while ((v = didPhase2List.pollFirst()) != null) {
            v.state1 |= kIOServiceTermPhase3State;
            boolean scheduleFinalize = v.getClient() == null;
            actionDidTerminate(v, options);
            if ((v.state1 & kIOServiceNeedWillTerminate) != 0) {
                for (IOService provider : providersOf(v)) {
                    Calls.didTerminate(v, provider, options, new boolean[1]);
                }
            }
            if (scheduleFinalize) {
                v.scheduleFinalize(false);
            }
        }
        kernel.journal().enterPhase(old);
    }

    /** Phase 2 gate (R5): inactive, no phase or config bit set, and no client still opening. */
    private boolean admitToPhase2(IOService victim) {
        if (!victim.isInactive()) {
            return false;
        }
        if ((victim.state1 & (kIOServiceTermPhase1State | kIOServiceTermPhase2State | kIOServiceConfigState)) != 0) {
            return false;
        }
        for (IOService client : victim.getClients()) {
            if ((client.state1 & kIOServiceStartState) != 0) {
                kernel.journal().state(EventName.PHASE2_DEFERRED, victim, client, "open in progress");
                return false;
            }
        }
        return true;
    }

    /** IOService::actionDidTerminate: tell everyone it is terminated, then didTerminate each client. */
    private static void actionDidTerminate(IOService victim, int options) {
        victim.messageClients(kIOMessageServiceIsTerminated, options);
        for (IOService client : victim.getClients()) {
            boolean[] defer = new boolean[1];
            Calls.didTerminate(client, victim, options, defer);
        }
    }

    private void runPhase3(int options, Set<OSObject> freeList) {
        String old = kernel.journal().enterPhase(Journal.PHASE3);
        boolean doPhase3;
        do {
            doPhase3 = false;
            IOService victim;
            while ((victim = finalizeList.pollFirst()) != null) {
                boolean sendFinal = (victim.state1 & kIOServiceFinalized) == 0;
                victim.state1 |= kIOServiceFinalized;
                if (sendFinal) {
                    Calls.finalize(victim, options);
                }
                holdOffFree(freeList, victim);
                victim.release();
            }
            Iterator<Stop> it = stopList.iterator();
            while (!doPhase3 && it.hasNext()) {
                Stop s = it.next();
                if (s.provider().isChild(s.client()) && s.client().isInactive()
                        && (s.client().state1 & kIOServiceFinalized) == 0) {
                    // A terminated client is not ready to stop until it is finalized.
                    if (!s.deferralJournaled) {
                        s.deferralJournaled = true;
                        kernel.journal().state(EventName.STOP_DEFERRED, s.client(), s.provider(), "not finalized");
                    }
                    continue;
                }
                it.remove();
                holdOffFree(freeList, s.client());
                holdOffFree(freeList, s.provider());
                s.client().release();
                s.provider().release();
                if (s.provider().isChild(s.client())) {
                    actionStop(s.provider(), s.client());
                    doPhase3 = true; // check the finalize list again first
                }
                // else: queued more than once, already stopped: nothing to do
            }
        } while (doPhase3);
        kernel.journal().enterPhase(old);
    }

    private static void holdOffFree(Set<OSObject> freeList, OSObject o) {
        if (freeList.add(o)) {
            o.retain();
        }
    }

    /** IOService::actionStop: stop, close if still open, detach. */
    private static void actionStop(IOService provider, IOService client) {
        Calls.stop(client, provider);
        if (provider.isOpen(client)) {
            provider.close(client, 0);
        }
        Calls.detach(client, provider);
    }

    private static List<IOService> providersOf(IOService s) {
        List<IOService> out = new ArrayList<>(s.parents.size());
        for (IORegistryEntry p : s.parents) {
            if (p instanceof IOService ps) {
                out.add(ps);
            }
        }
        return out;
    }
}
