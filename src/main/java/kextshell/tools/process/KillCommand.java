package kextshell.tools.process;

import kextshell.tools.args.Cli;

import java.util.List;
import java.util.Locale;
import kextshell.kernel.Connection;
import kextshell.kernel.Task;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/**
 * {@code kill [-s SIG | -n NUM | -SIG | -NUM] PID...} with zsh's builtin wording. The client
 * daemons install one handler, for SIGTERM, SIGINT and SIGHUP: it IOServiceCloses every open
 * connection and exits 0. Any other terminating signal (SIGKILL above all) ends the process
 * with no cleanup: the kernel sees the task's send rights vanish (no-senders → clientDied).
 * Signals whose default action is to ignore do nothing; stop/continue is not modelled.
 */
public final class KillCommand implements ShellCommand {
    /** macOS signal numbers 1-31 (sys/signal.h), index = number. */
    static final String[] SIGNALS = {null, "HUP", "INT", "QUIT", "ILL", "TRAP", "ABRT", "EMT", "FPE", "KILL", "BUS",
        "SEGV", "SYS", "PIPE", "ALRM", "TERM", "URG", "STOP", "TSTP", "CONT", "CHLD", "TTIN", "TTOU", "IO", "XCPU",
        "XFSZ", "VTALRM", "PROF", "WINCH", "INFO", "USR1", "USR2"};
    private static final List<String> HANDLED = List.of("TERM", "INT", "HUP");
    private static final List<String> IGNORED = List.of("URG", "CHLD", "WINCH", "INFO", "CONT");
    private static final List<String> STOPS = List.of("STOP", "TSTP", "TTIN", "TTOU");

    @Override
    public String name() {
        return "kill";
    }

    @Override
    public String summary() {
        return "send a signal to client daemons (TERM cleans up, -9 does not)";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        int signal = 15;
        int i = 0;
        if (!args.isEmpty() && args.get(0).equals("-l")) {
            inv.console().out(String.join(" ", java.util.Arrays.asList(SIGNALS).subList(1, SIGNALS.length)));
            return 0;
        }
        if (i < args.size() && args.get(i).equals("--")) {
            i++; // zsh: "--" ends the options; the signal stays TERM
        } else if (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            String opt = args.get(i);
            String sig;
            if (opt.equals("-s") || opt.equals("-n")) {
                if (i + 1 >= args.size()) {
                    inv.console().err("kill: " + opt + " requires an argument");
                    return 1;
                }
                sig = args.get(i + 1);
                i += 2;
            } else {
                sig = opt.substring(1);
                i++;
            }
            signal = signalNumber(sig);
            if (signal < 0) {
                String shown = sig.toUpperCase(Locale.ROOT).startsWith("SIG") ? sig : "SIG" + sig;
                inv.console().err("kill: unknown signal: " + shown);
                inv.console().err("kill: type kill -l for a list of signals");
                return 1;
            }
        }
        if (i >= args.size()) {
            inv.console().err("kill: not enough arguments");
            return 1;
        }
        int status = 0;
        for (String word : args.subList(i, args.size())) {
            Integer pid = Cli.pid(word);
            if (pid == null && word.matches("-[0-9]{1,9}")) {
                // A negative pid names a process group; no client daemon leads one.
                inv.console().err("kill: kill " + word + " failed: no such process");
                status = 1;
                continue;
            }
            if (pid == null) {
                inv.console().err("kill: illegal pid: " + word);
                status = 1;
                continue;
            }
            Task t = Daemons.live(inv, pid);
            if (t == null) {
                inv.console().err("kill: kill " + word + " failed: no such process");
                status = 1;
                continue;
            }
            status |= deliver(inv, t, signal);
        }
        return status;
    }

    /** -1 if unknown; accepts KILL, SIGKILL, kill and 9. */
    static int signalNumber(String sig) {
        if (sig.matches("[0-9]{1,2}")) {
            int n = Integer.parseInt(sig);
            return n >= 1 && n < SIGNALS.length ? n : -1;
        }
        String name = sig.toUpperCase(Locale.ROOT);
        if (name.startsWith("SIG")) {
            name = name.substring(3);
        }
        for (int n = 1; n < SIGNALS.length; n++) {
            if (SIGNALS[n].equals(name)) {
                return n;
            }
        }
        return -1;
    }

    private int deliver(Invocation inv, Task t, int signal) {
        String name = SIGNALS[signal];
        if (IGNORED.contains(name)) {
            return 0;
        }
        if (STOPS.contains(name)) {
            inv.console().err("kill: kextshell does not model stopped processes (SIG" + name + ")");
            return 1;
        }
        Daemons daemons = Daemons.of(inv);
        if (HANDLED.contains(name)) {
            inv.console().out(Daemons.prefix(t) + "caught SIG" + name + ", closing its connections");
            for (Connection c : List.copyOf(t.connections())) {
                if (!c.released()) {
                    CloseCommand.closeOne(inv, t, c);
                }
            }
            daemons.exit(inv, t, "status 0");
            return 0;
        }
        daemons.exit(inv, t, "signal " + signal);
        return 0;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return List.of("-9", "-KILL", "-TERM", "-s", "-l");
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.PID;
    }
}
