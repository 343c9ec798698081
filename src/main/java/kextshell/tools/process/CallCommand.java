package kextshell.tools.process;

import kextshell.tools.args.Cli;
import kextshell.shell.Sysexits;

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
 * {@code call PID [SELECTOR]}: the daemon calls IOConnectCallScalarMethod(connect, SELECTOR) on
 * its first connection not yet closed, else on its most recent one (a released name gives
 * MACH_SEND_INVALID_DEST). Status 0 only when the call returned kIOReturnSuccess.
 */
public final class CallCommand implements ShellCommand {
    @Command(name = "call", description = "Make a client daemon call IOConnectCallScalarMethod on its connection.")
    static final class Spec {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
        @Parameters(index = "0", paramLabel = "PID", description = "a running daemon")
        String pid;
        @Parameters(index = "1", arity = "0..1", paramLabel = "SELECTOR",
                description = "method selector, decimal or 0x hex (default 0)")
        String selector = "0";
    }

    @Override
    public String name() {
        return "call";
    }

    @Override
    public String summary() {
        return "make a daemon call IOConnectCallScalarMethod";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Spec spec = new Spec();
        int parsed = Cli.parse(inv, name(), spec, args);
        if (parsed != Cli.CONTINUE) {
            return parsed;
        }
        Integer pid = Cli.pid(spec.pid);
        if (pid == null) {
            inv.console().err("call: invalid pid: " + spec.pid);
            return Sysexits.EX_USAGE;
        }
        Long selector = Cli.unsigned(spec.selector, 0xffff_ffffL);
        if (selector == null) {
            inv.console().err("call: invalid selector: " + spec.selector + " (0-4294967295 or 0x0-0xffffffff)");
            return Sysexits.EX_USAGE;
        }
        Task t = Daemons.live(inv, pid);
        if (t == null) {
            inv.console().err("call: no such process: " + spec.pid);
            return 1;
        }
        Connection c = Daemons.current(t);
        if (c == null) {
            inv.console().err("call: process " + pid + " (" + t.name() + ") has no IOKit connection");
            return 1;
        }
        int kr = inv.session().kernel().userSpace().connectCall(t, c, (int) (long) selector);
        inv.console().out(Daemons.prefix(t) + "IOConnectCallScalarMethod(selector " + Long.toUnsignedString(selector)
                + ") = " + Daemons.result(kr));
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
