package kextshell.tools.process;

import kextshell.tools.args.Cli;

import java.util.ArrayList;
import java.util.List;
import kextshell.kernel.Connection;
import kextshell.kernel.Task;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code ps [-a]}: the client daemons. Each connection is shown as
 * {@code 0x1003->com_osxkernel_driverClient[0x1000001a3] LIVE}: the io_connect_t name in the
 * task, the user client behind it with its registry id, and the port's state (LIVE, DEAD,
 * MAPPINGS, or CLOSED once IOServiceClose released the name). Without -a only running
 * processes are listed; with -a exited ones too (STATE "exit 1", "signal 9").
 */
public final class PsCommand implements ShellCommand {
    @Command(name = "ps", description = "List client daemons and their IOKit connections.")
    static final class Spec {
        @Option(names = {"-a", "-A", "-e"}, description = "include processes that have exited")
        boolean all;
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "ps";
    }

    @Override
    public String summary() {
        return "list client daemons and their connections";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Spec spec = new Spec();
        int parsed = Cli.parse(inv, name(), spec, args);
        if (parsed != Cli.CONTINUE) {
            return parsed;
        }
        Daemons daemons = Daemons.of(inv);
        List<Task> shown = new ArrayList<>();
        int nameWidth = 4;
        for (Task t : inv.session().kernel().userSpace().tasks()) {
            if (spec.all || t.alive()) {
                shown.add(t);
                nameWidth = Math.max(nameWidth, t.name().length());
            }
        }
        String format = "%5s %-" + nameWidth + "s %-9s %s";
        inv.console().out(String.format(java.util.Locale.ROOT, format, "PID", "NAME", "STATE", "CONNECTIONS").stripTrailing());
        String indent = " ".repeat(5 + 1 + nameWidth + 1 + 9 + 1);
        for (Task t : shown) {
            List<Connection> cs = t.connections();
            String first = cs.isEmpty() ? "-" : describe(cs.get(0));
            inv.console().out(String.format(java.util.Locale.ROOT, format, t.pid(), t.name(), daemons.state(t), first));
            for (int i = 1; i < cs.size(); i++) {
                inv.console().out(indent + describe(cs.get(i)));
            }
        }
        return 0;
    }

    static String describe(Connection c) {
        return "0x" + Integer.toHexString(c.name()) + "->" + c.client().getName() + "[0x"
                + Long.toHexString(c.client().getRegistryEntryID()) + "] " + c.stateName();
    }

    @Override
    public List<String> help() {
        return Cli.help(name(), new Spec());
    }
}
