package kextshell.tools.process;

import kextshell.tools.args.Cli;
import kextshell.shell.Sysexits;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import kextshell.kernel.IORegistryEntry;
import kextshell.kernel.IOService;
import kextshell.kernel.IOUSBHostFamily;
import kextshell.kernel.Kernel;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code device attach NAME [--vendor V] [--product P] | detach NAME | list}: an emulated USB
 * device on the xHCI controller. Attach plugs it into the first free port: the port enumerates an
 * IOUSBHostDevice, which publishes an IOUSBHostInterface nub (idVendor, idProduct,
 * bInterfaceNumber 0) and registers it, so matching runs; detach terminates the device as the
 * USB family does on hot-unplug (IOUSBHostFamily in the kernel package plays the family).
 */
public final class DeviceCommand implements ShellCommand {
    static final String NUB_CLASS = "IOUSBHostInterface";
    public static final int MAX_PORTS = IOUSBHostFamily.USER_PORTS;
    static final String DEVICE_CLASS = "IOUSBHostDevice";

    @Command(name = "device attach", description = "Plug in an emulated USB device (an IOUSBHostInterface nub).")
    static final class AttachSpec {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
        @Option(names = "--vendor", paramLabel = "ID", description = "idVendor, 0x hex or decimal (default 0x05ac)")
        String vendor = "0x05ac";
        @Option(names = "--product", paramLabel = "ID", description = "idProduct, 0x hex or decimal (default 0x1234)")
        String product = "0x1234";
        @Parameters(index = "0", paramLabel = "NAME", description = "the device's name in the registry")
        String name;
    }

    @Command(name = "device detach", description = "Unplug an emulated USB device (terminates its nub).")
    static final class DetachSpec {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
        @Parameters(index = "0", paramLabel = "NAME", description = "a device from 'device list'")
        String name;
    }

    @Command(name = "device list", description = "List the emulated USB devices.")
    static final class ListSpec {
        @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
        boolean help;
    }

    @Override
    public String name() {
        return "device";
    }

    @Override
    public String summary() {
        return "plug in, unplug and list emulated USB devices";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        String usage = "usage: device attach NAME [--vendor ID] [--product ID] | device detach NAME | device list";
        if (args.isEmpty()) {
            inv.console().err(usage);
            return Sysexits.EX_USAGE;
        }
        List<String> rest = args.subList(1, args.size());
        switch (args.get(0)) {
            case "attach":
                return attach(inv, rest);
            case "detach":
                return detach(inv, rest);
            case "list":
                return list(inv, rest);
            case "-h":
            case "--help":
                inv.console().out(usage);
                return 0;
            default:
                inv.console().err("device: unknown subcommand: " + args.get(0));
                inv.console().err(usage);
                return Sysexits.EX_USAGE;
        }
    }

    private int attach(Invocation inv, List<String> args) {
        AttachSpec spec = new AttachSpec();
        int parsed = Cli.parse(inv, "device attach", spec, args);
        if (parsed != Cli.CONTINUE) {
            return parsed;
        }
        if (!spec.name.matches("[A-Za-z0-9_.-]{1,31}")) {
            inv.console().err("device: invalid name: '" + spec.name + "' (1-31 characters of A-Z a-z 0-9 _ . -)");
            return Sysexits.EX_USAGE;
        }
        Long vendor = Cli.unsigned(spec.vendor, 0xffff);
        Long product = Cli.unsigned(spec.product, 0xffff);
        if (vendor == null || product == null) {
            inv.console().err("device: invalid " + (vendor == null ? "--vendor: " + spec.vendor : "--product: " + spec.product)
                    + " (0x0000-0xffff)");
            return Sysexits.EX_USAGE;
        }
        Kernel k = inv.session().kernel();
        boolean[] used = new boolean[MAX_PORTS + 1];
        for (IOService nub : nubs(k)) {
            if (nub.getName().equals(spec.name) && !nub.isInactive()) {
                inv.console().err("device: " + spec.name + " is already attached");
                return 1;
            }
            used[port(nub)] = true;
        }
        int port = 1;
        while (port <= MAX_PORTS && used[port]) {
            port++;
        }
        if (port > MAX_PORTS) {
            inv.console().err("device: no free port: all " + MAX_PORTS + " ports of the xHCI controller are in use");
            return 1;
        }
        // The port enumerates an IOUSBHostDevice, which publishes its IOUSBHostInterface nub.
        IOService hostPort = IOUSBHostFamily.port(k, port);
        IOService nub = hostPort == null ? null : IOUSBHostFamily.enumerate(k, hostPort, spec.name, vendor, product);
        if (nub == null) {
            inv.console().err("device: the xHCI controller refused " + spec.name);
            return 1;
        }
        String location = IOUSBHostFamily.deviceOf(nub).getLocation();
        inv.console().out(String.format(Locale.ROOT, "Attached %s: %s@%s idVendor 0x%04x idProduct 0x%04x",
                spec.name, DEVICE_CLASS, location, vendor, product));
        List<String> drivers = drivers(nub);
        inv.console().out(spec.name + ": " + (drivers.isEmpty() ? "no driver matched"
                : "matched " + String.join(", ", drivers)));
        return 0;
    }

    private int detach(Invocation inv, List<String> args) {
        DetachSpec spec = new DetachSpec();
        int parsed = Cli.parse(inv, "device detach", spec, args);
        if (parsed != Cli.CONTINUE) {
            return parsed;
        }
        Kernel k = inv.session().kernel();
        IOService found = null;
        boolean terminating = false;
        for (IOService nub : nubs(k)) {
            if (nub.getName().equals(spec.name)) {
                if (nub.isInactive()) {
                    terminating = true;
                } else {
                    found = nub;
                }
            }
        }
        if (found == null) {
            inv.console().err(terminating ? "device: " + spec.name + " is already being detached"
                    : "device: no such device: " + spec.name);
            return 1;
        }
        IOService device = IOUSBHostFamily.deviceOf(found);
        String where = DEVICE_CLASS + "@" + device.getLocation();
        // Hot-unplug: the port terminates the device, and phase 1 reaches its interface and the
        // interface's driver. Which options IOUSBHostFamily passes is UNCONFIRMED
        // (xnu-lifecycle.md §8); 0 is the plain asynchronous terminate.
        boolean ok = k.terminate(device, 0);
        if (!ok) {
            inv.console().err("device: terminate of " + where + " returned false");
            return 1;
        }
        inv.console().out("Detached " + spec.name + ": " + where + " terminated");
        return 0;
    }

    private int list(Invocation inv, List<String> args) {
        ListSpec spec = new ListSpec();
        int parsed = Cli.parse(inv, "device list", spec, args);
        if (parsed != Cli.CONTINUE) {
            return parsed;
        }
        List<IOService> nubs = nubs(inv.session().kernel());
        if (nubs.isEmpty()) {
            inv.console().out("No emulated USB devices attached.");
            return 0;
        }
        int w = 4;
        for (IOService nub : nubs) {
            w = Math.max(w, nub.getName().length());
        }
        String format = "%-" + w + "s  %-8s  %-6s  %-7s  %-11s  %s";
        inv.console().out(String.format(Locale.ROOT, format, "NAME", "LOCATION", "VENDOR", "PRODUCT", "STATE",
                "DRIVERS").stripTrailing());
        for (IOService nub : nubs) {
            List<String> drivers = drivers(nub);
            inv.console().out(String.format(Locale.ROOT, format, nub.getName(), IOUSBHostFamily.deviceOf(nub).getLocation(),
                    hex4(nub.getProperty("idVendor")), hex4(nub.getProperty("idProduct")),
                    nub.isInactive() ? "terminating" : "attached",
                    drivers.isEmpty() ? "-" : String.join(", ", drivers)).stripTrailing());
        }
        return 0;
    }

    private static String hex4(Object value) {
        return value instanceof Long l ? String.format(Locale.ROOT, "0x%04x", l) : "?";
    }

    /** The IOUSBHostInterface nubs of the devices on the controller's ports, in port order. */
    public static List<IOService> nubs(Kernel k) {
        return IOUSBHostFamily.pluggedInterfaces(k);
    }

    private static int port(IOService nub) {
        try {
            int p = (int) ((Long.parseLong(IOUSBHostFamily.deviceOf(nub).getLocation(), 16) >> 20) & 0xf);
            return p <= MAX_PORTS ? p : 0;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** The drivers attached on the nub: "name (class)" or just the class when unnamed. */
    private static List<String> drivers(IOService nub) {
        List<String> out = new ArrayList<>();
        for (IOService c : nub.getClients()) {
            String cls = c.getMetaClass().getClassName();
            out.add(c.getName().equals(cls) ? cls : c.getName() + " (" + cls + ")");
        }
        return out;
    }

    @Override
    public List<String> options() {
        return List.of("attach", "detach", "list", "--vendor", "--product");
    }

    @Override
    public List<String> help() {
        return List.of("usage: device attach NAME [--vendor ID] [--product ID]", "       device detach NAME",
                "       device list", "", summary());
    }
}
