package kextshell.kernel;

import java.util.PriorityQueue;

/**
 * The kernel's only notion of time: nanoseconds since boot that move only when the model says
 * so (a command's cost, {@code sleep}, a synchronous terminate waiting), plus the thread calls
 * armed for later (considerUnloads' 60 s scan, a driver's I/O completion).
 */
public final class VirtualClock {
    public static final long NS_PER_MS = 1_000_000L;
    public static final long NS_PER_SEC = 1_000_000_000L;

    private long now;
    private long nextSeq;
    private final PriorityQueue<Timer> timers = new PriorityQueue<>();

    /** A thread call armed for a virtual deadline; cancel() is how thread_call_cancel looks here. */
    public static final class Timer implements Comparable<Timer> {
        final long deadline;
        final long seq;
        final String label;
        final Runnable action;
        boolean cancelled;

        Timer(long deadline, long seq, String label, Runnable action) {
            this.deadline = deadline;
            this.seq = seq;
            this.label = label;
            this.action = action;
        }

        public void cancel() {
            cancelled = true;
        }

        public long deadline() {
            return deadline;
        }

        public String label() {
            return label;
        }

        public boolean pending() {
            return !cancelled;
        }

        @Override
        public int compareTo(Timer o) {
            int c = Long.compare(deadline, o.deadline);
            return c != 0 ? c : Long.compare(seq, o.seq);
        }
    }

    VirtualClock(long bootTimeNs) {
        this.now = bootTimeNs;
    }

    public long now() {
        return now;
    }

    /** Work that takes time on the calling thread. */
    void spend(long ns) {
        now += ns;
    }

    Timer schedule(long delayNs, String label, Runnable action) {
        Timer t = new Timer(now + delayNs, nextSeq++, label, action);
        timers.add(t);
        return t;
    }

    /** The earliest live timer due at or before {@code limit}, or null. */
    Timer nextDue(long limit) {
        while (!timers.isEmpty() && timers.peek().cancelled) {
            timers.poll();
        }
        Timer head = timers.peek();
        return head != null && head.deadline <= limit ? head : null;
    }

    /** Moves time to the timer's deadline and runs it. */
    void fire(Timer t) {
        timers.remove(t);
        if (t.deadline > now) {
            now = t.deadline;
        }
        if (!t.cancelled) {
            t.cancelled = true;
            t.action.run();
        }
    }

    void advanceTo(long time) {
        if (time > now) {
            now = time;
        }
    }

    public int pendingTimers() {
        int n = 0;
        for (Timer t : timers) {
            if (!t.cancelled) {
                n++;
            }
        }
        return n;
    }
}
