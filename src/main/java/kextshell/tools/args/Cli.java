package kextshell.tools.args;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import kextshell.shell.Invocation;
import kextshell.shell.Sysexits;
import picocli.CommandLine;

/**
 * picocli for kextshell's own commands (launch, ps, call, ...). A fresh CommandLine per
 * invocation, so no option value survives into the next line; ANSI off; a parse error is one
 * line on stderr and status 64 (EX_USAGE), never a stack trace. The emulated macOS tools
 * (ls, cat, sleep, kill, ...) parse by hand to keep their real wording.
 */
public final class Cli {
    /** Returned by {@link #parse} when the command should go on and run. */
    public static final int CONTINUE = -1;

    private Cli() {
    }

    /**
     * Parses {@code args} into {@code spec} (a fresh @Command object). Returns {@link #CONTINUE},
     * or the status to exit with after -h (0) or a parse error (64).
     */
    public static int parse(Invocation inv, String name, Object spec, List<String> args) {
        CommandLine cl = new CommandLine(spec);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setUsageHelpWidth(Math.max(55, Math.min(inv.session().config().width(), 100)));
        cl.setCommandName(name);
        cl.setOverwrittenOptionsAllowed(true);
        // picocli would read "@FILE" arguments from the host's disk; the shell has only the VFS.
        cl.setExpandAtFiles(false);
        try {
            cl.parseArgs(args.toArray(new String[0]));
        } catch (CommandLine.ParameterException e) {
            String message = String.valueOf(e.getMessage()).strip();
            int nl = message.indexOf('\n');
            if (nl >= 0) {
                message = message.substring(0, nl).strip();
            }
            inv.console().err(name + ": " + message + " (see '" + name + " -h')");
            return Sysexits.EX_USAGE;
        }
        if (cl.isUsageHelpRequested()) {
            StringWriter text = new StringWriter();
            cl.usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
            for (String line : text.toString().split("\\R")) {
                inv.console().out(line.stripTrailing());
            }
            return 0;
        }
        return CONTINUE;
    }

    /** The usage picocli prints for {@code -h}, as lines, for {@code help CMD} without running the command. */
    public static List<String> help(String name, Object spec) {
        CommandLine cl = new CommandLine(spec);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setUsageHelpWidth(80);
        cl.setCommandName(name);
        StringWriter text = new StringWriter();
        cl.usage(new PrintWriter(text), CommandLine.Help.Ansi.OFF);
        return text.toString().lines().map(String::stripTrailing).toList();
    }

    /** A pid as typed: digits only, within int range; null if not. */
    public static Integer pid(String word) {
        if (!word.matches("[0-9]{1,9}")) {
            return null;
        }
        return Integer.valueOf(word);
    }

    /** An unsigned number in decimal or 0x hex, at most {@code max}; null if not. */
    public static Long unsigned(String word, long max) {
        try {
            long v;
            if (word.startsWith("0x") || word.startsWith("0X")) {
                if (!word.substring(2).matches("[0-9a-fA-F]{1,8}")) {
                    return null;
                }
                v = Long.parseLong(word.substring(2), 16);
            } else {
                if (!word.matches("[0-9]{1,10}")) {
                    return null;
                }
                v = Long.parseLong(word);
            }
            return v <= max ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }
}
