package kextshell.tools.system;

import java.util.List;
import kextshell.kernel.VirtualClock;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/**
 * {@code sleep SECONDS}: lets virtual time pass, firing kernel timers (autounload scans, driver
 * I/O) at their deadlines. Decimals are allowed down to the nanosecond. Unlike 10.15's sleep,
 * which quietly sleeps 0 s for "abc" or "-1", anything that is not a non-negative number gets
 * the usage line and status 1.
 */
public final class SleepCommand implements ShellCommand {
    @Override
    public String name() {
        return "sleep";
    }

    @Override
    public String summary() {
        return "let virtual time pass";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        if (args.size() != 1 || !args.get(0).matches("\\+?([0-9]+(\\.[0-9]*)?|\\.[0-9]+)")) {
            inv.console().err("usage: sleep seconds");
            return 1;
        }
        String text = args.get(0).startsWith("+") ? args.get(0).substring(1) : args.get(0);
        int dot = text.indexOf('.');
        String whole = (dot < 0 ? text : text.substring(0, dot)).replaceFirst("^0+(?=.)", "");
        String fraction = dot < 0 ? "" : text.substring(dot + 1);
        if (whole.length() > 9) {
            inv.console().err("sleep: " + args.get(0) + ": longer than kextshell's limit of 999999999 seconds");
            return 1;
        }
        long ns = (whole.isEmpty() ? 0 : Long.parseLong(whole)) * VirtualClock.NS_PER_SEC;
        String nanos = (fraction + "000000000").substring(0, 9);
        ns += Long.parseLong(nanos);
        if (ns > 0) {
            inv.session().kernel().advance(ns);
        }
        return 0;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }
}
