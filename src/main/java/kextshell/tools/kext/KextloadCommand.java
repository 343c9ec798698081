package kextshell.tools.kext;

import static kextshell.shell.Sysexits.EX_NOPERM;
import static kextshell.shell.Sysexits.EX_OSERR;
import static kextshell.shell.Sysexits.EX_USAGE;
import kextshell.tools.args.GetoptLong;
import kextshell.tools.files.KextPaths;

import static kextshell.kernel.KernelLog.BASIC;
import static kextshell.kernel.KernelLog.WARNING;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kextshell.kernel.IOReturn;
import kextshell.kernel.Kernel;
import kextshell.kernel.KernelLog;
import kextshell.kernel.KextBundle;
import kextshell.kernel.KextRequestResult;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.tools.args.GetoptLong.Arg;
import kextshell.tools.args.GetoptLong.LongOpt;

/**
 * kextload as on 10.15.7 (kext_tools-623 kextload_main.c) with kextd running: the tool does no
 * root check itself; kextd (kextd_request.c) refuses a non-root request unless every kext in the
 * load list sets OSBundleAllowUserLoad. kextd's own diagnostics go to the system log, and so do
 * the kernel's lines for a kextd load: kextload prints only its result lines.
 */
public final class KextloadCommand extends KextTool {
    public KextloadCommand() {
        super(OPT_CHARS, LONG_OPTS, KextloadCommand::usage);
    }

    static final int EXIT_SYSTEM_POLICY = 27;
    private static final int kOSKextReturnSystemPolicy = 0xdc00801b;

    private static final String OPT_CHARS = "b:cd:Dhqr:tv";
    private static final int LONGINDEX_HACK = -2;
    private static final List<LongOpt> LONG_OPTS = List.of(
            new LongOpt("________", Arg.NONE, LONGINDEX_HACK),
            new LongOpt("help", Arg.NONE, 'h'),
            new LongOpt("bundle-id", Arg.REQUIRED, 'b'),
            new LongOpt("dependency", Arg.REQUIRED, 'd'),
            new LongOpt("repository", Arg.REQUIRED, 'r'),
            new LongOpt("quiet", Arg.NONE, 'q'),
            new LongOpt("verbose", Arg.OPTIONAL, 'v'),
            new LongOpt("print-diagnostics", Arg.NONE, 't'),
            new LongOpt("no-caches", Arg.NONE, 'c'),
            new LongOpt("no-loaded-check", Arg.NONE, 'D'),
            new LongOpt("print-diagnostics", Arg.NONE, 't'));

    @Override
    public String name() {
        return "kextload";
    }

    @Override
    public String summary() {
        return "load kernel extensions (through kextd)";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        ToolLog log = new ToolLog(inv.console());
        GetoptLong g = new GetoptLong(name(), args, OPT_CHARS, LONG_OPTS, log::raw);
        List<String> ids = new ArrayList<>();
        for (int c = g.next(); c != GetoptLong.END; c = g.next()) {
            switch (c) {
                case 'h' -> {
                    usage(log, true);
                    return 0;
                }
                case 'b' -> ids.add(g.optarg);
                case 'd', 'r' -> {
                    // Scan URLs for kextd; the model's kextd already knows every bundle on disk.
                }
                case 'q' -> log.quiet();
                case 'v' -> {
                    if (!log.verboseOption(g, 0)) {
                        usage(log, false);
                        return EX_USAGE;
                    }
                }
                case 'c' -> log.log(WARNING, "Notice: -no-caches (-c) ignored; use kextutil(8) to test kexts.");
                case 'D' -> log.log(WARNING, "Notice: -no-loaded-check (-D) ignored.");
                case 't' -> log.log(WARNING, "Notice: -print-diagnostics (-t) ignored; use kextutil(8) to test kexts.");
                default -> {
                    // getopt printed its message (also reached by the "________" long-index hack).
                    log.log(WARNING, "Use kextutil(8) for development loading of kexts.");
                    usage(log, false);
                    return EX_USAGE;
                }
            }
        }
        List<String> paths = g.operands();
        if (paths.isEmpty() && ids.isEmpty()) {
            log.error("No kernel extensions specified; name kernel extension bundles\n"
                    + "    following options, or use -bundle-id (-b).");
            usage(log, false);
            return EX_USAGE;
        }

        // checkAccess(): kextd answers, so there is no root check here.
        Kernel kernel = inv.session().kernel();
        int result = 0;
        for (String id : ids) {
            log.log(BASIC, "Requesting load of " + id + ".");
            result = report(log, id, kextdLoad(kernel, kernel.kexts().bundleOnDisk(id), inv.root()), result);
        }
        for (String p : paths) {
            String abs = KextPaths.absolute(inv.session().cwd(), p);
            log.log(BASIC, "Requesting load of " + abs + ".");
            KextLookup.Found found = KextLookup.find(inv, p);
            int osReturn = found.failure() != 0 ? found.failure() : kextdLoad(kernel, found.bundle(), inv.root());
            result = report(log, abs, osReturn, result);
        }
        return result;
    }

    private static int report(ToolLog log, String name, int osReturn, int result) {
        if (osReturn != IOReturn.kIOReturnSuccess) {
            log.error(name + " failed to load - " + IOReturn.machErrorString(osReturn)
                    + "; check the system/kernel logs for errors or try kextutil(8).");
            return result == 0 ? exitStatusForOSReturn(osReturn) : result;
        }
        log.log(BASIC, name + " loaded successfully (or already loaded).");
        return result;
    }

    /** What kextd answers for KextManagerLoadKextWithIdentifier/URL. */
    static int kextdLoad(Kernel kernel, KextBundle bundle, boolean root) {
        if (bundle == null) {
            return IOReturn.kOSKextReturnNotFound;
        }
        if (!root && !allowsUserLoad(kernel, bundle)) {
            // kextd logs "Request from non-root process '%s' (euid %d) to load %s - not allowed."
            // to the system log only.
            return IOReturn.kOSKextReturnNotPrivileged;
        }
        KextRequestResult reply = kernel.kexts().loadRequest(bundle, KernelLog.DEFAULT_FILTER);
        return reply.result();
    }

    /** checkNonrootLoadAllowed: the kext and all its on-disk dependencies set OSBundleAllowUserLoad. */
    private static boolean allowsUserLoad(Kernel kernel, KextBundle bundle) {
        if (!Boolean.TRUE.equals(bundle.infoPlist().get("OSBundleAllowUserLoad"))) {
            return false;
        }
        for (Map.Entry<String, Object> lib : bundle.libraries().entrySet()) {
            KextBundle dep = kernel.kexts().bundleOnDisk(lib.getKey());
            if (dep != null && !allowsUserLoad(kernel, dep)) {
                return false;
            }
        }
        return true;
    }

    static int exitStatusForOSReturn(int osReturn) {
        if (osReturn == IOReturn.kOSKextReturnNotPrivileged) {
            return EX_NOPERM;
        }
        if (osReturn == kOSKextReturnSystemPolicy) {
            return EXIT_SYSTEM_POLICY;
        }
        return EX_OSERR;
    }

    static void usage(ToolLog log, boolean full) {
        log.raw("usage: kextload [options] [--] [kext] ...");
        log.raw("");
        if (!full) {
            log.raw("use kextload -help for an explanation of each option");
            return;
        }
        for (String line : List.of(
                "kext: a kext bundle to load or examine",
                "",
                "-bundle-id <bundle_id> (-b):",
                "        load/use the kext whose CFBundleIdentifier is <bundle_id>",
                "-dependency <kext> (-d):",
                "        consider <kext> as a candidate dependency",
                "-repository <directory> (-r):",
                "        look in <directory> for kexts",
                "",
                "-quiet (-q):",
                "        quiet mode: print no informational or error messages",
                "-verbose [ 0-6 | 0x<flags> ] (-v):",
                "        verbose mode; print info about analysis & loading",
                "",
                "-help (-h): print this message and exit",
                "",
                "--: end of options")) {
            log.raw(line);
        }
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.after(previousWord, name(), LOAD_ARGUMENTS, CompletionKind.KEXT_PATH);
    }

}
