package kextshell.tools.process;

import kextshell.tools.args.Cli;
import kextshell.shell.Sysexits;

import java.util.List;
import kextshell.kernel.Connection;
import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.Task;
import kextshell.kernel.UserSpace;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code launch [-n NAME] [--count N] CLASS}: starts client daemons. Each one calls
 * IOServiceGetMatchingService(IOServiceMatching(CLASS)) and then IOServiceOpen(type 0), prints
 * the result, and exits with status 1 if either failed.
 */
public final class LaunchCommand implements ShellCommand {
    static final int MAX_COUNT = 100_000;
    static final String DEFAULT_NAME = "clientd";

    @Command(name = "launch", description = "Start client daemons that open a user client on the first "
            + "service matching CLASS (IOServiceGetMatchingService, then IOServiceOpen type 0).")
    static final class Spec {
        @Option(names = {"-n", "--name"}, paramLabel = "NAME", description = "process name (default: clientd)")
        String name = DEFAULT_NAME;
        @Option(names = "--count", paramLabel = "N", description = "how many daemons to start (1-100000, default 1)")
        int count = 1;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
        @Parameters(index = "0", paramLabel = "CLASS", description = "class to match, e.g. com_osxkernel_driver")
        String className;
    }

    @Override
    public String name() {
        return "launch";
    }

    @Override
    public String summary() {
        return "start client daemons that open a user client on a service";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Spec spec = new Spec();
        int parsed = Cli.parse(inv, name(), spec, args);
        if (parsed != Cli.CONTINUE) {
            return parsed;
        }
        if (!spec.className.matches("[A-Za-z_][A-Za-z0-9_]{0,127}")) {
            inv.console().err("launch: invalid class name: '" + spec.className
                    + "' (a C++ identifier: letters, digits and _)");
            return Sysexits.EX_USAGE;
        }
        if (!spec.name.matches("[A-Za-z0-9._-]{1,16}")) {
            inv.console().err("launch: invalid process name: '" + spec.name
                    + "' (1-16 characters of A-Z a-z 0-9 . _ -)");
            return Sysexits.EX_USAGE;
        }
        if (spec.count < 1 || spec.count > MAX_COUNT) {
            inv.console().err("launch: --count must be between 1 and " + MAX_COUNT + ": " + spec.count);
            return Sysexits.EX_USAGE;
        }
        UserSpace us = inv.session().kernel().userSpace();
        Daemons daemons = Daemons.of(inv);
        boolean allOpened = true;
        for (int i = 0; i < spec.count; i++) {
            Task t = us.spawn(spec.name);
            IOService service = us.getMatchingService(spec.className);
            if (service == null) {
                inv.console().out(Daemons.prefix(t) + "IOServiceGetMatchingService(" + spec.className
                        + ") = 0 (no matching service)");
                daemons.exit(inv, t, "status 1");
                allOpened = false;
                continue;
            }
            Connection[] connect = new Connection[1];
            int kr = us.serviceOpen(t, service, 0, connect);
            inv.console().out(Daemons.prefix(t) + "IOServiceOpen(" + spec.className + ") = " + Daemons.result(kr));
            if (kr != IOReturn.kIOReturnSuccess) {
                daemons.exit(inv, t, "status 1");
                allOpened = false;
            }
        }
        return allOpened ? 0 : 1;
    }

    @Override
    public List<String> options() {
        return List.of("-n", "--count", "-h");
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.CLASS;
    }

    @Override
    public List<String> help() {
        return Cli.help(name(), new Spec());
    }
}
