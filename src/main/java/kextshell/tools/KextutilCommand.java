package kextshell.tools;

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
import kextshell.shell.ShellCommand;
import kextshell.tools.GetoptLong.Arg;
import kextshell.tools.GetoptLong.LongOpt;

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
public final class KextutilCommand implements ShellCommand {
    /** KernelPath in /usr/standalone/bootcaches.plist on 10.15 (kextutil_main.c, checkArgs). */
    static final String DEFAULT_KERNEL = "/System/Library/Kernels/kernel";
    static final int EX_USAGE = 64;
    static final int EX_NOINPUT = 66;
    static final int EX_SOFTWARE = 70;
    static final int EX_NOPERM = 77;
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

    @Override
    public int run(Invocation inv, List<String> args) {
        ToolLog log = new ToolLog(inv.console());
        Kernel kernel = inv.session().kernel();
        GetoptLong g = new GetoptLong(name(), args, OPT_CHARS, LONG_OPTS, log::raw);
        List<String> ids = new ArrayList<>();
        int flagL = 0;
        int flagM = 0;
        int flagN = 0;
        boolean interactive = false;
        boolean skipAuthentication = false;
        boolean kernelFile = false;
        boolean printDiagnostics = false;
        for (int c = g.next(); c != GetoptLong.END; c = g.next()) {
            switch (c) {
                case 'h' -> {
                    usage(log, true);
                    return 0;
                }
                case 'b' -> ids.add(g.optarg);
                case 'l' -> flagL = 1;
                case 'm' -> flagM = 1;
                case 'n', 'A' -> flagN = 1;
                case 'a' -> flagN = 1; // -address implies -no-load
                case 'i', 'I' -> interactive = true;
                case 'z' -> skipAuthentication = true;
                case 'k' -> kernelFile = true;
                case 't' -> printDiagnostics = true;
                case 'q' -> log.quiet();
                case 'v' -> {
                    if (!log.verboseOption(g, 0)) {
                        usage(log, false);
                        return EX_USAGE;
                    }
                }
                case 'p', 'd', 'r', 's', 'c', 'D', 'e', 'x', 'Z', LONG_ARCH -> {
                    // Accepted; no effect in the model.
                }
                default -> {
                    // getopt printed its message.
                    usage(log, false);
                    return EX_USAGE;
                }
            }
        }
        List<String> paths = g.operands();
        for (String p : paths) {
            int r = checkPath(kernel, log, p);
            if (r != 0) {
                if (r == EX_USAGE) {
                    usage(log, false);
                }
                return r;
            }
        }

        // checkArgs()
        boolean doLoad = true;
        boolean doStartMatching = true;
        if (flagL + flagM + flagN > 1) {
            log.error("Only one of -load-only (-l), -match-only (-m), or -no-load (-n) is allowed;\n"
                    + "-address (-a) and -use-load-addresses (-A) imply -no-load (-n).");
            usage(log, false);
            return EX_USAGE;
        } else if (flagL == 1) {
            doStartMatching = false;
        } else if (flagM == 1) {
            doLoad = false;
        } else if (flagN == 1) {
            doLoad = false;
            doStartMatching = false;
        }
        if (interactive && !doLoad && !doStartMatching) {
            log.error("Use interactive modes only when loading or matching.");
            usage(log, false);
            return EX_USAGE;
        }
        if (doLoad || doStartMatching) {
            String bad = kernelFile ? "-kernel (-k)" : skipAuthentication ? "-no-authentication (-z)" : null;
            if (bad != null) {
                log.error(bad + " is allowed only when not loading or sending personalities.");
                usage(log, false);
                return EX_USAGE;
            }
        }
        if (paths.isEmpty() && ids.isEmpty()) {
            log.error("No kernel extensions specified; name kernel extension bundles\n"
                    + "    following options, or use -bundle-id (-b) and -address (-a).");
            usage(log, false);
            return EX_USAGE;
        }
        if (!kernelFile) {
            // checkArgs: no -k, so the kernel to link against is bootcaches.plist's KernelPath.
            log.log(BASIC, "Defaulting to kernel file '" + DEFAULT_KERNEL + "'");
        }
        if ((doLoad || doStartMatching) && !inv.root()) {
            log.error("You must be running as root to load kexts or send personalities into the kernel.");
            return EX_NOPERM;
        }
        if (kernel.kexts().bundlesOnDisk().isEmpty()) {
            log.error("No kernel extensions found.");
            return EX_SOFTWARE;
        }

        // createKextsToProcess(): paths first, then identifiers.
        int result = 0;
        List<KextBundle> toProcess = new ArrayList<>();
        for (String p : paths) {
            log.log(STEP, "Looking up extension with URL " + p + ".");
            KextBundle b = KextPaths.bundle(kernel, p);
            if (b == null) {
                result = EXIT_NOT_FOUND; // not a kext the model knows; OSKextGetKextWithURL logs nothing
                continue;
            }
            if (!toProcess.contains(b)) {
                toProcess.add(b);
            }
        }
        for (String id : ids) {
            KextBundle b = null;
            for (KextBundle k : toProcess) {
                if (k.bundleId().equals(id)) {
                    b = k;
                }
            }
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

        // processKexts(): the first failure is kept.
        for (KextBundle b : toProcess) {
            if (!inv.root() && !skipAuthentication) {
                // runTestsOnKext: staging and system policy need root; a Warning, so shown without -v.
                log.log(WARNING, "Skipping staging and system policy checks because not running as root, "
                        + "expect staging errors.");
            }
            int r = processKext(kernel, log, b, displayPath(paths, b), doLoad);
            if (result == 0 && r != 0) {
                result = r;
            }
        }
        return result;
    }

    /** The path as the user typed it when named by path (CFURL without resolving), else the bundle's. */
    private static String displayPath(List<String> paths, KextBundle b) {
        for (String p : paths) {
            if (KextPaths.absolute(p).equals(b.path())) {
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
    private static int checkPath(Kernel kernel, ToolLog log, String path) {
        String trimmed = path.replaceAll("/+$", "");
        if (trimmed.isEmpty() || trimmed.length() <= "kext".length() || !trimmed.endsWith(".kext")) {
            log.error(path + " not of type 'kext'.");
            return EX_USAGE;
        }
        if (!KextPaths.exists(kernel, path)) {
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
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return GetoptLong.optionNames(OPT_CHARS, LONG_OPTS);
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.after(previousWord, name(), java.util.Map.of("-b", CompletionKind.BUNDLE_ID, "-bundle-id", CompletionKind.BUNDLE_ID, "-d", CompletionKind.KEXT_PATH, "-dependency", CompletionKind.KEXT_PATH),
                CompletionKind.KEXT_PATH);
    }
}
