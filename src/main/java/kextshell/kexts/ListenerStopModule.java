package kextshell.kexts;

import java.util.ArrayList;
import java.util.List;
import kextshell.kernel.KextModule;
import kextshell.kernel.OSKext;
import kextshell.kernel.Task;

/**
 * com.osxkernel.ListenerStop's module globals and its kmod start/stop routines.
 * Port of ListenerStop_start / ListenerStop_stop in ListenerStop.kext/Contents/Sources/ListenerStop.cpp:
 * a kauth listener serves every process that opened the driver until that process exits, and
 * module stop returns KERN_FAILURE while one still runs.
 */
public final class ListenerStopModule implements KextModule {
    /** kListenerStopMaxSubscribers. */
    static final int MAX_SUBSCRIBERS = 16;

    /** gSubscribers: the model's proc_find(pid) is the task's liveness. */
    private final List<Task> subscribers = new ArrayList<>();

    /** ListenerStopSubscribe. */
    boolean subscribe(Task task) {
        if (subscribers.size() >= MAX_SUBSCRIBERS) {
            return false;
        }
        subscribers.add(task);
        return true;
    }

    @Override
    public int stop(OSKext kext) {
        subscribers.removeIf(t -> !t.alive()); // PruneSubscribers
        int running = subscribers.size();
        if (running > 0) {
            KextModule.IOLog(kext, "ListenerStop_stop: " + running
                    + " subscriber(s) still running; keeping the listener");
            return KERN_FAILURE;
        }
        return KERN_SUCCESS;
    }
}
