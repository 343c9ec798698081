package kextshell.tools.kext;

import kextshell.tools.args.GetoptLong;

import java.util.List;
import kextshell.kernel.KernelLog;
import kextshell.shell.Console;

/**
 * The kext tools' side of OSKextLog (kext_tools kext_tools_util.c {@code tool_log},
 * IOKitUser OSKext.c {@code OSKextSetLogFilter}, {@code logSpecMatch}): every message goes to
 * stderr with a newline if it passes the user-space filter; kextstat's table is the only stdout.
 * Also holds the kernel-space filter the tool sends with each kext request.
 */
public final class ToolLog {
    /** kOSKextLogKextOrGlobalMask: kextunload forces it on for -v. */
    public static final int KEXT_OR_GLOBAL = 0x8;
    /** kOSKextLogSilentFilter. */
    public static final int SILENT = 0;
    /** _sLogSpecsForVerboseLevels: -v 0 .. -v 6. */
    public static final int[] VERBOSE_LEVELS = {0xff1, 0xff3, 0xff4, 0xff5, 0xff6, 0xff7, 0xfff};

    private final Console console;
    private int userFilter = KernelLog.DEFAULT_FILTER;
    private int kernelFilter = KernelLog.DEFAULT_FILTER;
    private boolean closed;

    ToolLog(Console console) {
        this.console = console;
    }

    /** The lines {@code writer} prints (a tool's usage), for {@code help CMD}, which must not run the tool. */
    static List<String> captured(java.util.function.Consumer<ToolLog> writer) {
        Console console = new Console();
        writer.accept(new ToolLog(console));
        return console.text().lines().toList();
    }

    /** OSKextLog(NULL, level, ...): a global message, so only its level is tested. */
    public void log(int level, String message) {
        if (!closed && KernelLog.passes(level, userFilter)) {
            console.err(message);
        }
    }

    public void error(String message) {
        log(KernelLog.ERROR, message);
    }

    /** Lines written with fprintf(stderr, ...) or warnx: no filter, only -q silences them. */
    public void raw(String line) {
        if (!closed) {
            console.err(line);
        }
    }

    /** printf to stdout (kextstat's table). */
    public void out(String line) {
        if (!closed) {
            console.out(line);
        }
    }

    /** __OSKextLogKernelMessages: each captured kernel line, unfiltered, as "(kernel) %s". */
    public void kernelLines(List<String> lines) {
        for (String line : lines) {
            raw("(kernel) " + line);
        }
    }

    /** OSKextSetLogFilter(filter, false) then (filter, true), each reporting a change at Debug level. */
    public void setFilters(int filter) {
        int old = userFilter;
        userFilter = filter;
        if (old != filter) {
            log(KernelLog.DEBUG, String.format("Kext user-space log filter changed from 0x%x to 0x%x.", old, filter));
        }
        old = kernelFilter;
        kernelFilter = filter;
        if (old != filter) {
            log(KernelLog.DEBUG, String.format("Kext kernel-space log filter changed from 0x%x to 0x%x.", old, filter));
        }
    }

    /** beQuiet(): closes stdout and stderr and silences both filters; nothing prints after this. */
    public void quiet() {
        closed = true;
        userFilter = SILENT;
        kernelFilter = SILENT;
    }

    public int userFilter() {
        return userFilter;
    }

    public int kernelFilter() {
        return kernelFilter;
    }

    /**
     * setLogFilterForOpt (kext_tools_util.c), called right after getopt returned 'v'. A bare -v at
     * the end means level 1; otherwise it looks at optarg or, when there is none, at the next word
     * argv[optind] and consumes it if it is a level or 0x flags. Returns false on a syntax error
     * (the caller exits 64).
     */
    public boolean verboseOption(GetoptLong g, int forceOnFlags) {
        int filter;
        if (g.optarg == null && g.optind >= g.argc()) {
            filter = VERBOSE_LEVELS[1];
        } else {
            String arg = g.optarg != null ? g.optarg : g.argv(g.optind);
            if (arg.startsWith("-v=")) {
                error(arg + " - syntax error (don't use = with single-letter option args).");
                return false;
            }
            if (arg.length() >= 4 && arg.charAt(0) == '-' && arg.charAt(1) == 'v' && arg.charAt(2) == '0'
                    && (arg.charAt(3) == 'x' || arg.charAt(3) == 'X')) {
                arg = arg.substring(2);
            }
            if (arg.length() >= 2 && arg.charAt(0) == '0' && (arg.charAt(1) == 'x' || arg.charAt(1) == 'X')) {
                Integer parsed = strtoulHex(arg.substring(2));
                if (parsed == null) {
                    error("Can't parse verbose argument " + arg + ".");
                    return false;
                }
                filter = parsed;
                if (g.optarg == null) {
                    g.optind++;
                }
            } else if (arg.length() == 1) {
                // The C test is ((c >= '0') || (c <= '6')), always true, so any one-character word
                // is taken as a level and consumed; outside 0-6 it indexes past the table
                // (undefined behaviour). UNCONFIRMED what that prints; we use level 1's filter.
                char c = arg.charAt(0);
                filter = c >= '0' && c <= '6' ? VERBOSE_LEVELS[c - '0'] : VERBOSE_LEVELS[1];
                if (g.optarg == null) {
                    g.optind++;
                }
            } else {
                filter = VERBOSE_LEVELS[1];
            }
        }
        setFilters(filter | forceOnFlags);
        return true;
    }

    /** strtoul(s, &end, 16) after the "0x", with *end required to be '\0'; null if it is not. */
    private static Integer strtoulHex(String digits) {
        if (digits.isEmpty()) {
            return null; // strtoul stops at the 'x': *endptr is 'x'
        }
        long value = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = Character.digit(digits.charAt(i), 16);
            if (d < 0) {
                return null;
            }
            value = Math.min(value * 16 + d, 0xffff_ffffL); // ULONG_MAX then truncated to 32 bits
        }
        return (int) value;
    }
}
