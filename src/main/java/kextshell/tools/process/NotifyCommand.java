package kextshell.tools.process;

import kextshell.tools.args.Cli;

import java.util.List;
import kextshell.kernel.Connection;
import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.Task;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code notify PID}: the daemon calls IOServiceAddInterestNotification(kIOGeneralInterest) on
 * the service it opened. Messages it receives later (kIOMessageServiceIsTerminated, ...) are
 * printed by the shell after the command during which they arrive.
 */
public final class NotifyCommand implements ShellCommand {
    @Command(name = "notify", description = "Make a client daemon register for general-interest "
            + "messages (IOServiceAddInterestNotification) on the service it opened.")
    static final class Spec {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
        @Parameters(index = "0", paramLabel = "PID", description = "a running daemon")
        String pid;
    }

    @Override
    public String name() {
        return "notify";
    }

    @Override
    public String summary() {
        return "make a daemon listen for interest messages from its service";
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
        Connection c = Daemons.current(t);
        if (c == null) {
            inv.console().err("notify: process " + t.pid() + " (" + t.name() + ") has not opened a service");
            return 1;
        }
        // The daemon's io_service_t, which outlives IOServiceClose and dies in phase 1 (R27).
        IOService service = c.service();
        int kr = inv.session().kernel().userSpace().addInterest(t, service);
        inv.console().out(Daemons.prefix(t) + "IOServiceAddInterestNotification(" + c.serviceClass()
                + ", kIOGeneralInterest) = " + Daemons.result(kr));
        return kr == IOReturn.kIOReturnSuccess ? 0 : 1;
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
