package kextshell.tools.process;

import kextshell.tools.args.Cli;
import kextshell.shell.Sysexits;

import java.util.HashMap;
import java.util.Map;
import kextshell.kernel.Connection;
import kextshell.kernel.IOReturn;
import kextshell.kernel.Task;
import kextshell.shell.Invocation;

/**
 * What the shell knows about its client daemons beyond the kernel's Task: how each one ended.
 * One instance per session ({@code Session.toolState}).
 */
public final class Daemons {
    private final Map<Integer, String> endings = new HashMap<>();

    public static Daemons of(Invocation inv) {
        return inv.session().toolState(Daemons.class, Daemons::new);
    }

    /** "[pid 401] clientd: " — every line a daemon prints starts so. */
    public static String prefix(Task t) {
        return "[pid " + t.pid() + "] " + t.name() + ": ";
    }

    /** "0x0 (kIOReturnSuccess)". */
    public static String result(int code) {
        return IOReturn.hex(code) + " (" + IOReturn.name(code) + ")";
    }

    /** The task exits; {@code how} is "status 1" or "signal 9"; prints the exit line. */
    public void exit(Invocation inv, Task t, String how) {
        inv.session().kernel().userSpace().exit(t);
        endings.put(t.pid(), how);
        if (endings.size() > 4 * kextshell.kernel.UserSpace.EXITED_KEEP) {
            // the kernel reaps old exited tasks (UserSpace.reap); forget how those ended too
            endings.keySet().removeIf(pid -> inv.session().kernel().userSpace().task(pid) == null);
        }
        inv.console().out(prefix(t) + "exited (" + how + ")");
    }

    /** ps's STATE column: running, "exit 1", "signal 9", or "exited" if not ended by the shell. */
    public String state(Task t) {
        if (t.alive()) {
            return "running";
        }
        String how = endings.get(t.pid());
        if (how == null) {
            return "exited";
        }
        return how.startsWith("status ") ? "exit " + how.substring(7) : how;
    }

    /** A live task named by a command's PID argument, or the exit status its error message ended with. */
    public record Found(Task task, int status) {
    }

    /**
     * Resolves a PID argument for {@code command} (call, close, notify): a malformed pid is a usage
     * error (64), a pid with no live process is status 1; each prints its one-line message.
     */
    public static Found liveFromArgument(Invocation inv, String command, String pidArgument) {
        Integer pid = Cli.pid(pidArgument);
        if (pid == null) {
            inv.console().err(command + ": invalid pid: " + pidArgument);
            return new Found(null, Sysexits.EX_USAGE);
        }
        Task t = live(inv, pid);
        if (t == null) {
            inv.console().err(command + ": no such process: " + pidArgument);
            return new Found(null, 1);
        }
        return new Found(t, 0);
    }

    /** A live task with this pid, or null (an exited process is gone for kill, call, ...). */
    public static Task live(Invocation inv, int pid) {
        Task t = inv.session().kernel().userSpace().task(pid);
        return t != null && t.alive() ? t : null;
    }

    /** The connection call and notify use: the first not yet released, else the most recent. */
    public static Connection current(Task t) {
        Connection last = null;
        for (Connection c : t.connections()) {
            if (!c.released()) {
                return c;
            }
            last = c;
        }
        return last;
    }
}
