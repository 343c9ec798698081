package kextshell.tools.system;

import java.util.List;
import kextshell.kernel.LogLine;
import kextshell.shell.Console;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/**
 * dmesg(8) from system_cmds {@code dmesg.tproj/dmesg.c}: any argument prints
 * {@code usage: sudo dmesg} and exits 1; without root {@code proc_kmsgbuf} fails with EPERM, so
 * it prints {@code perror("Unable to obtain kernel buffer")} and then the usage. As root it prints
 * the kernel message buffer. The buffer holds the raw text the kernel and drivers wrote; the
 * {@code (driver)} sender prefix is a unified-log rendering and is not in it, so lines print as
 * {@link LogLine#text()}. An empty buffer still prints one newline ({@code if (!newl) putchar}).
 * The buffer is never wrapped (the real one is a 128 KiB ring).
 */
public final class DmesgCommand implements ShellCommand {
    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "dmesg";
    }

    @Override
    public String summary() {
        return "print the kernel message buffer (root)";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Console console = inv.console();
        if (!args.isEmpty()) {
            console.err("usage: sudo dmesg");
            return 1;
        }
        if (!inv.root()) {
            console.err("Unable to obtain kernel buffer: Operation not permitted");
            console.err("usage: sudo dmesg");
            return 1;
        }
        List<LogLine> lines = inv.session().kernel().log().lines();
        if (lines.isEmpty()) {
            console.out("");
        }
        for (LogLine line : lines) {
            console.out(line.text());
        }
        return 0;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }
}
