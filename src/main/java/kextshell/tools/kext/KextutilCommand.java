package kextshell.tools.kext;

import static kextshell.shell.Sysexits.EX_NOINPUT;
import static kextshell.shell.Sysexits.EX_NOPERM;
import static kextshell.shell.Sysexits.EX_SOFTWARE;
import static kextshell.shell.Sysexits.EX_USAGE;
import kextshell.tools.args.GetoptLong;
import kextshell.tools.files.KextPaths;

import static kextshell.kernel.KernelLog.BASIC;
import static kextshell.kernel.KernelLog.STEP;
import static kextshell.kernel.KernelLog.WARNING;

import java.util.ArrayList;
import java.util.List;
import kextshell.kernel.IOReturn;
import kextshell.kernel.Kernel;
import kextshell.kernel.KextBundle;
import kextshell.kernel.KextRequestResult;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.tools.args.GetoptLong.Arg;
import kextshell.tools.args.GetoptLong.LongOpt;

/**
 * kextutil as on 10.15.7 (kext_tools-623 kextutil_main.c), reduced to what the model can answer:
 * load (root), -n (no load), -t (diagnostics), -b, kext paths, -q, -v, -h, and the argument checks.
 * Options for symbols, interaction, safe boot, architectures and repositories are parsed and
 * accepted but have no effect.
 *
 * <p>Diagnostics (-t): the sample kexts are modelled as valid, authentic (developer-signed) and
 * resolvable, so OSKextLogDiagnostics has nothing to print and a kext only gets the Basic-level
 * "appears to be loadable" line, visible with -v. A real unsigned kext would add
 * "Code Signing Failure: not code signed" and a diagnostics dictionary; the model has no such kext.
 */
public final class KextutilCommand extends KextTool {
    public KextutilCommand() {
        super(OPT_CHARS, LONG_OPTS, KextutilCommand::usage);
    }

    /** KernelPath in /usr/standalone/bootcaches.plist on 10.15 (kextutil_main.c, checkArgs). */
    static final String DEFAULT_KERNEL = "/System/Library/Kernels/kernel";
    static final int EXIT_NOT_FOUND = 1;
    static final int EXIT_LOAD_FAILED = 6;

    private static final String OPT_CHARS = "a:Ab:cd:DehiIk:lmnp:qr:s:tvxzZ";
    private static final int LONG_HACK = -2;
    private static final int LONG_ARCH = -3;
    private static final List<LongOpt> LONG_OPTS = List.of(
            new LongOpt("________", Arg.NONE, LONG_HACK),
            new LongOpt("help", Arg.NONE, 'h'),
            new LongOpt("bundle-id", Arg.REQUIRED, 'b'),
            new LongOpt("personality", Arg.REQUIRED, 'p'),
            new LongOpt("kernel", Arg.REQUIRED, 'k'),
            new LongOpt("dependency", Arg.REQUIRED, 'd'),
            new LongOpt("repository", Arg.REQUIRED, 'r'),
            new LongOpt("no-caches", Arg.NONE, 'c'),
            new LongOpt("no-loaded-check", Arg.NONE, 'D'),
            new LongOpt("no-system-extensions", Arg.NONE, 'e'),
            new LongOpt("interactive", Arg.NONE, 'i'),
            new LongOpt("interactive-all", Arg.NONE, 'I'),
            new LongOpt("load-only", Arg.NONE, 'l'),
            new LongOpt("match-only", Arg.NONE, 'm'),
            new LongOpt("no-load", Arg.NONE, 'n'),
            new LongOpt("symbols", Arg.REQUIRED, 's'),
            new LongOpt("address", Arg.REQUIRED, 'a'),
            new LongOpt("use-load-addresses", Arg.NONE, 'A'),
            new LongOpt("quiet", Arg.NONE, 'q'),
            new LongOpt("verbose", Arg.OPTIONAL, 'v'),
            new LongOpt("print-diagnostics", Arg.NONE, 't'),
            new LongOpt("safe-boot", Arg.NONE, 'x'),
            new LongOpt("no-authentication", Arg.NONE, 'z'),
            new LongOpt("no-resolve-dependencies", Arg.NONE, 'Z'),
            new LongOpt("arch", Arg.REQUIRED, LONG_ARCH));

    @Override
    public String name() {
        return "kextutil";
    }

    @Override
    public String summary() {
        return "load, diagnose, or generate symbols for kernel extensions";
    }

    /** What kextutil_main.c's readArgs() collects, and what checkArgs() derives from it. */
    private static final class Args {
        final List<String> ids = new ArrayList<>();
        List<String> paths = List.of();
        int flagL;
        int flagM;
        int flagN;
        boolean interactive;
        boolean skipAuthentication;
        boolean kernelFile;
        boolean doLoad = true;
        boolean doStartMatching = true;
    }

    /** readArgs() returns this when kextutil should go on. */
    private static final int CONTINUE = -1;

    @Override
    public int run(Invocation inv, List<String> argv) {
        ToolLog log = new ToolLog(inv.console());
        Kernel kernel = inv.session().kernel();
        String cwd = inv.session().cwd();
        Args args = new Args();
        int status = readArgs(argv, log, args);
        if (status != CONTINUE) {
            return status;
        }
        for (String p : args.paths) {
            int r = checkPath(inv, log, p);
            if (r != 0) {
                if (r == EX_USAGE) {
                    usage(log, false);
                }
                return r;
            }
        }
        status = checkArgs(log, args, inv.root());
        if (status != CONTINUE) {
            return status;
        }
        if (kernel.kexts().bundlesOnDisk().isEmpty()) {
            log.error("No kernel extensions found.");
            return EX_SOFTWARE;
        }
        List<KextBundle> toProcess = new ArrayList<>();
        int result = createKextsToProcess(inv, log, args, toProcess);
        // processKexts(): the first failure is kept.
        for (KextBundle b : toProcess) {
            if (!inv.root() && !args.skipAuthentication) {
                // runTestsOnKext: staging and system policy need root; a Warning, so shown without -v.
                log.log(WARNING, "Skipping staging and system policy checks because not running as root, "
                        + "expect staging errors.");
            }
            int r = processKext(kernel, log, b, displayPath(cwd, args.paths, b), args.doLoad);
            if (result == 0 && r != 0) {
                result = r;
            }
        }
        return result;
    }

    /** readArgs(): the options into {@code args}; a status to exit with, or {@link #CONTINUE}. */
    private static int readArgs(List<String> argv, ToolLog log, Args args) {
        GetoptLong g = new GetoptLong("kextutil", argv, OPT_CHARS, LONG_OPTS, log::raw);
        for (int c = g.next(); c != GetoptLong.END; c = g.next()) {
            switch (c) {
                case 'h' -> {
                    usage(log, true);
                    return 0;
                }
                case 'b' -> args.ids.add(g.optarg);
                case 'l' -> args.flagL = 1;
                case 'm' -> args.flagM = 1;
                case 'n', 'A' -> args.flagN = 1;
                case 'a' -> args.flagN = 1; // -address implies -no-load
                case 'i', 'I' -> args.interactive = true;
                case 'z' -> args.skipAuthentication = true;
                case 'k' -> args.kernelFile = true;
                case 'q' -> log.quiet();
                case 'v' -> {
                    if (!log.verboseOption(g, 0)) {
                        usage(log, false);
                        return EX_USAGE;
                    }
                }
                case 't', 'p', 'd', 'r', 's', 'c', 'D', 'e', 'x', 'Z', LONG_ARCH -> {
                    // Accepted; no effect in the model.
                }
                default -> {
                    // getopt printed its message.
                    usage(log, false);
                    return EX_USAGE;
                }
            }
        }
        args.paths = g.operands();
        return CONTINUE;
    }

    /** checkArgs(): which of load and match to do, and the combinations kextutil refuses. */
    private static int checkArgs(ToolLog log, Args args, boolean root) {
        if (args.flagL + args.flagM + args.flagN > 1) {
            log.error("Only one of -load-only (-l), -match-only (-m), or -no-load (-n) is allowed;\n"
                    + "-address (-a) and -use-load-addresses (-A) imply -no-load (-n).");
            usage(log, false);
            return EX_USAGE;
        } else if (args.flagL == 1) {
            args.doStartMatching = false;
        } else if (args.flagM == 1) {
            args.doLoad = false;
        } else if (args.flagN == 1) {
            args.doLoad = false;
            args.doStartMatching = false;
        }
        boolean loadsOrMatches = args.doLoad || args.doStartMatching;
        if (args.interactive && !loadsOrMatches) {
            log.error("Use interactive modes only when loading or matching.");
            usage(log, false);
            return EX_USAGE;
        }
        String bad = args.kernelFile ? "-kernel (-k)" : args.skipAuthentication ? "-no-authentication (-z)" : null;
        if (loadsOrMatches && bad != null) {
            log.error(bad + " is allowed only when not loading or sending personalities.");
            usage(log, false);
            return EX_USAGE;
        }
        if (args.paths.isEmpty() && args.ids.isEmpty()) {
            log.error("No kernel extensions specified; name kernel extension bundles\n"
                    + "    following options, or use -bundle-id (-b) and -address (-a).");
            usage(log, false);
            return EX_USAGE;
        }
        if (!args.kernelFile) {
            // checkArgs: no -k, so the kernel to link against is bootcaches.plist's KernelPath.
            log.log(BASIC, "Defaulting to kernel file '" + DEFAULT_KERNEL + "'");
        }
        if (loadsOrMatches && !root) {
            log.error("You must be running as root to load kexts or send personalities into the kernel.");
            return EX_NOPERM;
        }
        return CONTINUE;
    }

    /** createKextsToProcess(): paths first, then identifiers; returns the status so far. */
    private static int createKextsToProcess(Invocation inv, ToolLog log, Args args, List<KextBundle> toProcess) {
        Kernel kernel = inv.session().kernel();
        int result = 0;
        for (String p : args.paths) {
            log.log(STEP, "Looking up extension with URL " + p + ".");
            KextBundle b = KextLookup.find(inv, p).bundle();
            if (b == null) {
                result = EXIT_NOT_FOUND; // not a kext the model knows; OSKextGetKextWithURL logs nothing
            } else if (!toProcess.contains(b)) {
                toProcess.add(b);
            }
        }
        for (String id : args.ids) {
            KextBundle b = toProcess.stream().filter(k -> k.bundleId().equals(id)).reduce((a, z) -> z).orElse(null);
            if (b == null) {
                log.log(STEP, "Looking up extension with identifier " + id + ".");
                b = kernel.kexts().bundleOnDisk(id);
            }
            if (b == null) {
                log.error("Can't find extension with identifier " + id + ".");
                result = EXIT_NOT_FOUND;
                continue;
            }
            log.log(STEP, "Found " + b.path() + " for identifier " + id + ".");
            if (!toProcess.contains(b)) {
                toProcess.add(b);
            }
        }
        return result;
    }

    /** The path as the user typed it when named by path (CFURL without resolving), else the bundle's. */
    private static String displayPath(String cwd, List<String> paths, KextBundle b) {
        for (String p : paths) {
            if (KextPaths.absolute(cwd, p).equals(b.path())) {
                return p.endsWith("/") ? p.replaceAll("/+$", "") : p;
            }
        }
        return b.path();
    }

    private static int processKext(Kernel kernel, ToolLog log, KextBundle b, String path, boolean doLoad) {
        // runTestsOnKext(): valid, authentic, dependencies resolve (see class comment).
        boolean tryLink = !doLoad;
        log.log(BASIC, path + " appears to be loadable (" + (tryLink ? "" : "not ")
                + "including linkage for on-disk libraries).");
        if (!doLoad) {
            return 0;
        }
        log.log(BASIC, "Loading " + path + ".");
        KextRequestResult reply = kernel.kexts().loadRequest(b, log.kernelFilter());
        log.kernelLines(reply.kernelLines());
        if (reply.ok()) {
            log.log(BASIC, path + " successfully loaded (or already loaded).");
            return 0;
        }
        // Logged at Basic level in kextutil_main.c loadKext(), so it shows only with -v.
        log.log(BASIC, "Failed to load " + path + " - " + IOReturn.machErrorString(reply.result()) + ".");
        if (reply.result() == 0xdc008016) { // kOSKextReturnLinkError
            log.error("Check library declarations for your kext with kextlibs(8).");
        }
        return EXIT_LOAD_FAILED;
    }

    /** checkPath(path, "kext", directoryRequired) from kext_tools_util.c. */
    private static int checkPath(Invocation inv, ToolLog log, String path) {
        Kernel kernel = inv.session().kernel();
        String cwd = inv.session().cwd();
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.isEmpty() || trimmed.length() <= "kext".length() || !trimmed.endsWith(".kext")) {
            log.error(path + " not of type 'kext'.");
            return EX_USAGE;
        }
        if (!KextPaths.exists(kernel, cwd, path) && !inv.files().exists(KextPaths.absolute(cwd, path))) {
            log.error("Can't stat " + path + " - No such file or directory.");
            return EX_NOINPUT;
        }
        return 0;
    }

    static void usage(ToolLog log, boolean full) {
        log.raw("usage: kextutil [options] [--] [kext] ...");
        log.raw("");
        if (!full) {
            log.raw("use kextutil -help for an explanation of each option");
            return;
        }
        for (String line : List.of(
                "kext: a kext bundle to load or examine",
                "",
                "-bundle-id <bundle_id> (-b):",
                "        load/use the kext whose CFBundleIdentifier is <bundle_id>",
                "-personality <personality> (-p):",
                "        send the named personality to the catalog",
                "-dependency <kext> (-d):",
                "        consider <kext> as a candidate dependency",
                "-repository <directory> (-r):",
                "        look in <directory> for kexts",
                "",
                "-no-caches (-c):",
                "        don't use repository caches; scan repository folders",
                "-no-loaded-check (-D):",
                "        don't check for loaded kexts when resolving dependencies (deprecated)",
                "-no-system-extensions (-e):",
                "        don't use system extension folders",
                "",
                "-interactive (-i):",
                "        interactive mode",
                "-interactive-all (-I):",
                "        interactive mode for extension and all its dependencies",
                "",
                "-load-only (-l):",
                "        load & start only; don't start matching",
                "-match-only (-m):",
                "        start matching only, by sending personalities; don't load executable",
                "-no-load (-n):",
                "        neither load nor start matching",
                "-symbols <directory> (-s):",
                "        write symbol files into <directory>",
                "-arch <archname>:",
                "        use architecture <archnaem>",
                "-address <kext_id@address> (-a):",
                "        <kext_id> is loaded at address (for symbol generation)",
                "-use-load-addresses (-A):",
                "        get load addresses for kexts from what's loaded (for symbol generation)",
                "-kernel <kernelFile> (-k):",
                "        link against <kernelFile> (default is /System/Library/Kernels/kernel)",
                "",
                "-quiet (-q):",
                "        quiet mode: print no informational or error messages",
                "-verbose [ 0-6 | 0x<flags> ] (-v):",
                "        verbose mode; print info about analysis & loading",
                "",
                "-print-diagnostics (-t):",
                "        perform all diagnostic tests and print a report on each kext",
                "-safe-boot (-x):",
                "        simulate safe boot mode for diagnostic tests",
                "-no-authentication (-z):",
                "        don't authenticate kexts (for use during development)",
                "-no-resolve-dependencies (-Z):",
                "        don't check dependencies when diagnosing with",
                "        -no-load & -print-diagnostics (-nt)",
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
