package kextshell.tools.kext;

import static kextshell.shell.Sysexits.EX_NOPERM;
import static kextshell.shell.Sysexits.EX_USAGE;
import kextshell.tools.args.GetoptLong;

import static kextshell.kernel.KernelLog.BASIC;
import static kextshell.kernel.KernelLog.DEBUG;
import static kextshell.kernel.KernelLog.PROGRESS;

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

/** kextunload as on 10.15.7 (kext_tools-623 kextunload_main.c; IOKitUser OSKext.c __OSKextUnload). */
public final class KextunloadCommand extends KextTool {
    public KextunloadCommand() {
        super(OPT_CHARS, LONG_OPTS, KextunloadCommand::usage);
    }

    static final int EXIT_NOT_FOUND = 1;
    static final int EXIT_NOT_PRIVILEGED = 2;
    static final int EXIT_PARTIAL_FAILURE = 3;

    private static final String OPT_CHARS = "b:c:hm:pqr:v";
    private static final List<LongOpt> LONG_OPTS = List.of(
            new LongOpt("help", Arg.NONE, 'h'),
            new LongOpt("bundle-id", Arg.REQUIRED, 'b'),
            new LongOpt("class", Arg.REQUIRED, 'c'),
            new LongOpt("personalities-only", Arg.NONE, 'p'),
            // Declared required_argument in kextunload_main.h: -quiet swallows the next word.
            new LongOpt("quiet", Arg.REQUIRED, 'q'),
            new LongOpt("verbose", Arg.OPTIONAL, 'v'));

    @Override
    public String name() {
        return "kextunload";
    }

    @Override
    public String summary() {
        return "terminate driver instances and unload kernel extensions";
    }

    @Override
    public int run(Invocation inv, List<String> argv) {
        ToolLog log = new ToolLog(inv.console());
        Args args = new Args();
        int status = readArgs(argv, log, args);
        if (status != CONTINUE) {
            return status;
        }
        if (!inv.root()) {
            log.error("You must be running as root to unload kexts, terminate services, or remove driver personalities.");
            return EX_NOPERM;
        }
        if (args.paths.isEmpty() && args.bundleIds.isEmpty() && args.classNames.isEmpty()) {
            log.error("No kernel extensions specified.");
            usage(log, false);
            return EX_USAGE;
        }
        Kernel kernel = inv.session().kernel();
        List<String> pathIds = new ArrayList<>();
        int result = bundleIdsOfPaths(inv, log, args.paths, pathIds);
        Step classes = terminateClasses(kernel, log, args.classNames);
        if (result == 0 && classes.status() != 0) {
            result = classes.status();
        }
        if (classes.fatal()) {
            return classes.status();
        }
        for (List<String> ids : List.of(args.bundleIds, pathIds)) {
            Step unloads = unloadAll(kernel, log, ids, args.personalitiesOnly, inv.root());
            if (unloads.fatal()) {
                return unloads.status();
            }
            if (result == 0 && unloads.status() != 0) {
                result = unloads.status();
            }
        }
        return result;
    }

    /** What kextunload_main.c's readArgs() collects. */
    private static final class Args {
        final List<String> bundleIds = new ArrayList<>();
        final List<String> classNames = new ArrayList<>();
        final List<String> paths = new ArrayList<>();
        boolean personalitiesOnly;
    }

    /** readArgs() returns this when kextunload should go on. */
    private static final int CONTINUE = -1;

    /** The status of one step of main(), and whether kextunload must stop there. */
    private record Step(int status, boolean fatal) {
    }

    private static int readArgs(List<String> argv, ToolLog log, Args args) {
        GetoptLong g = new GetoptLong("kextunload", argv, OPT_CHARS, LONG_OPTS, log::raw);
        for (int c = g.next(); c != GetoptLong.END; c = g.next()) {
            switch (c) {
                case 'h' -> {
                    usage(log, true);
                    return 0;
                }
                case 'b', 'm' -> args.bundleIds.add(g.optarg); // pointer comparison: repeats are kept
                case 'c' -> args.classNames.add(g.optarg); // same pointer comparison
                case 'p' -> args.personalitiesOnly = true;
                case 'q' -> log.quiet();
                case 'v' -> {
                    if (!log.verboseOption(g, ToolLog.KEXT_OR_GLOBAL)) {
                        return EX_USAGE;
                    }
                }
                default -> {
                    // getopt printed its message; -r is in the option string but unhandled (silent 64).
                    return EX_USAGE;
                }
            }
        }
        for (String p : g.operands()) {
            if (!args.paths.contains(p)) { // addToArrayIfAbsent with CFEqual URLs
                args.paths.add(p);
            }
        }
        return CONTINUE;
    }

    /** The bundle ids of the kexts named by path (OSKextCreate per URL); returns the status so far. */
    private static int bundleIdsOfPaths(Invocation inv, ToolLog log, List<String> paths, List<String> ids) {
        int result = 0;
        for (String p : paths) {
            KextBundle bundle = KextLookup.find(inv, p).bundle();
            if (bundle == null) {
                log.error("Can't create " + p + ".");
                result = EXIT_NOT_FOUND;
            } else if (!ids.contains(bundle.bundleId())) {
                ids.add(bundle.bundleId());
            }
        }
        return result;
    }

    /** -c: IOCatalogueTerminate(kIOCatalogServiceTerminate) for each class, as main() does first. */
    private static Step terminateClasses(Kernel kernel, ToolLog log, List<String> classNames) {
        int scratch = 0;
        for (String className : classNames) {
            int kr = kernel.catalogue().serviceTerminateRequest(className);
            if (kr == IOReturn.kIOReturnNotPrivileged) {
                log.error("You must be running as root to terminate IOService instances.");
                return new Step(EXIT_NOT_PRIVILEGED, true);
            } else if (kr != IOReturn.kIOReturnSuccess) {
                scratch = EXIT_PARTIAL_FAILURE;
                log.error("Failed to terminate class " + className + " - " + IOReturn.machErrorString(kr) + ".");
            } else {
                log.log(BASIC, "All instances of class " + className + " terminated.");
            }
        }
        if (scratch == EXIT_PARTIAL_FAILURE) {
            log.error("Check the system/kernel logs for error messages from the I/O Kit.");
        }
        return new Step(scratch, false);
    }

    /** -b ids, then the ids of the paths: one unload request each; the first failure is kept. */
    private static Step unloadAll(Kernel kernel, ToolLog log, List<String> ids, boolean personalitiesOnly,
            boolean root) {
        int scratch = 0;
        for (String id : ids) {
            int[] fatalHolder = {0};
            int r = unloadOne(kernel, log, id, personalitiesOnly, root, fatalHolder);
            if (scratch == 0 && r != 0) {
                scratch = r;
            }
            if (fatalHolder[0] != 0) {
                return new Step(r, true);
            }
        }
        if (scratch != 0 && personalitiesOnly) {
            log.error("Check the system/kernel logs for error messages from the I/O Kit.");
        }
        return new Step(scratch, false);
    }

    /** unloadKextWithIdentifier(); sets fatal[0] for kIOReturnNotPrivileged. */
    private static int unloadOne(Kernel kernel, ToolLog log, String id, boolean personalitiesOnly, boolean root,
            int[] fatal) {
        int kr;
        if (personalitiesOnly) {
            kr = kernel.catalogue().moduleTerminateRequest(id);
        } else {
            kr = osKextUnload(kernel, log, id, root);
        }
        if (kr == IOReturn.kIOReturnNotPrivileged) {
            log.error("You must be running as root to unload kexts.");
            fatal[0] = 1;
            return EXIT_NOT_PRIVILEGED;
        } else if (kr != IOReturn.kIOReturnSuccess) {
            if (personalitiesOnly) {
                log.error("Terminate for " + id + " failed - " + IOReturn.machErrorString(kr) + ".");
            }
            return EXIT_PARTIAL_FAILURE;
        }
        if (personalitiesOnly) {
            log.log(BASIC, id + ": services terminated and personalities removed (kext not unloaded).");
        } else {
            log.log(BASIC, id + " unloaded and personalities removed.");
        }
        return 0;
    }

    /** IOKitUser __OSKextUnload(NULL, id, terminateServiceAndRemovePersonalities = true). */
    private static int osKextUnload(Kernel kernel, ToolLog log, String id, boolean root) {
        // The published source spells it "termnation"; most real samples show that typo.
        log.log(PROGRESS, "Requesting unload of " + id + " (with termnation of IOServices).");
        KextRequestResult reply = kernel.kexts().unloadRequest(id, true, root, log.kernelFilter());
        log.kernelLines(reply.kernelLines());
        if (!reply.ok()) {
            log.log(DEBUG, "Kernel error handling kext request - " + IOReturn.machErrorString(reply.result()) + ".");
            log.error("Failed to unload " + id + " - " + IOReturn.machErrorString(reply.result()) + ".");
            return reply.result();
        }
        log.log(PROGRESS, "Successfully unloaded " + id + ".");
        return IOReturn.kIOReturnSuccess;
    }

    static void usage(ToolLog log, boolean full) {
        log.raw("usage: kextunload [-h] [-v [0-6]]");
        log.raw("        [-p] [-c class_name] ... [-b bundle_id] ... [kext] ...");
        if (!full) {
            return;
        }
        for (String line : List.of(
                "kext: unload the named kext and all personalities for it",
                "",
                "-bundle-id <bundle_id> (-b):",
                "        unload the kext and personalities for CFBundleIdentifier <bundle_id>",
                "-class <class_name> (-c):",
                "        terminate all instances of IOService class <class_name> but do not",
                "        unload its kext or remove its personalities",
                "",
                "-personalities-only (-p):",
                "        terminate services and remove personalities only; do not unload kexts",
                "        (applies only to unload by bundle-id or kext)",
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
        return CompletionKind.after(previousWord, name(), java.util.Map.of("-b", CompletionKind.BUNDLE_ID, "-bundle-id", CompletionKind.BUNDLE_ID, "-m", CompletionKind.BUNDLE_ID, "-c", CompletionKind.CLASS, "-class", CompletionKind.CLASS),
                CompletionKind.KEXT_PATH);
    }

}
