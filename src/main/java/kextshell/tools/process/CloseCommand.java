package kextshell.tools.process;

import kextshell.tools.args.Cli;

import java.util.List;
import kextshell.kernel.Connection;
import kextshell.kernel.IOReturn;
import kextshell.kernel.Task;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code close PID}: the daemon calls IOServiceClose on each connection it has not closed yet
 * (io_service_close, then the name is released), printing each result. The process keeps running.
 */
public final class CloseCommand implements ShellCommand {
    @Command(name = "close", description = "Make a client daemon IOServiceClose its open connections.")
    static final class Spec {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
        @Parameters(index = "0", paramLabel = "PID", description = "a running daemon")
        String pid;
    }

    @Override
    public String name() {
        return "close";
    }

    @Override
    public String summary() {
        return "make a daemon IOServiceClose its connections";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Spec spec = new Spec();
        int parsed = Cli.parse(inv, name(), spec, args);
        if (parsed != Cli.CONTINUE) {
            return parsed;
        }
        Daemons.Found found = Daemons.liveFromArgument(inv, name(), spec.pid);
        if (found.task() == null) {
            return found.status();
        }
        Task t = found.task();
        boolean any = false;
        boolean allOk = true;
        for (Connection c : List.copyOf(t.connections())) {
            if (c.released()) {
                continue;
            }
            any = true;
            int kr = closeOne(inv, t, c);
            allOk &= kr == IOReturn.kIOReturnSuccess;
        }
        if (!any) {
            inv.console().err("close: process " + t.pid() + " (" + t.name() + ") has no open connection");
            return 1;
        }
        return allOk ? 0 : 1;
    }

    /** IOServiceClose(connect) and its line; shared with kill's SIGTERM handler. */
    static int closeOne(Invocation inv, Task t, Connection c) {
        int kr = inv.session().kernel().userSpace().serviceClose(t, c);
        inv.console().out(Daemons.prefix(t) + "IOServiceClose(0x" + Integer.toHexString(c.name()) + ") = "
                + Daemons.result(kr));
        return kr;
    }

    @Override
    public List<String> options() {
        return List.of("-h");
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.PID;
    }

    @Override
    public List<String> help() {
        return Cli.help(name(), new Spec());
    }
}
