package kextshell.tools.kext;

import static kextshell.shell.Sysexits.EX_USAGE;
import kextshell.tools.args.GetoptLong;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import kextshell.kernel.OSKext;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.tools.args.GetoptLong.Arg;
import kextshell.tools.args.GetoptLong.LongOpt;

/**
 * kextstat as on 10.15.7 (kext_tools-623 kextstat_main.c): the table on stdout, one row per
 * loaded kext by load tag, on a 64-bit kernel.
 */
public final class KextstatCommand extends KextTool {
    public KextstatCommand() {
        super(OPT_CHARS, LONG_OPTS, KextstatCommand::usage);
    }

    private static final String OPT_CHARS = "b:hkla";
    private static final List<LongOpt> LONG_OPTS = List.of(
            new LongOpt("help", Arg.NONE, 'h'),
            new LongOpt("bundle-id", Arg.REQUIRED, 'b'),
            new LongOpt("no-kernel", Arg.NONE, 'k'),
            new LongOpt("list-only", Arg.NONE, 'l'),
            new LongOpt("sort", Arg.NONE, 's'),
            new LongOpt("arch", Arg.NONE, 'a'));

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "kextstat";
    }

    @Override
    public String summary() {
        return "display status of loaded kernel extensions";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        ToolLog log = new ToolLog(inv.console());
        GetoptLong g = new GetoptLong(name(), args, OPT_CHARS, LONG_OPTS, log::raw);
        boolean noKernel = false;
        boolean listOnly = false;
        boolean arch = false;
        boolean sort = false;
        List<String> ids = new ArrayList<>();
        for (int c = g.next(); c != GetoptLong.END; c = g.next()) {
            switch (c) {
                case 'h' -> {
                    usage(log, true);
                    return 0;
                }
                case 'k' -> noKernel = true;
                case 'l' -> listOnly = true;
                case 'b' -> ids.add(g.optarg);
                case 'a' -> arch = true;
                case 's' -> sort = true;
                default -> {
                    // No default case in readArgs: getopt's message is printed and the option ignored.
                }
            }
        }
        List<String> extra = g.operands();
        if (!extra.isEmpty()) {
            log.error("Extra arguments starting at " + extra.get(0) + "....");
            usage(log, false);
            usage(log, false); // once in the branch, once more at finish (result is still EX_USAGE)
            return EX_USAGE;
        }

        if (!listOnly) {
            log.out("Index Refs Address            Size       Wired      " + (arch ? "Architecture       " : "")
                    + "Name (Version) UUID <Linked Against>");
        }
        List<OSKext> kexts = new ArrayList<>();
        for (OSKext k : inv.session().kernel().kexts().loaded()) {
            if (ids.isEmpty() || ids.contains(k.getIdentifier())) {
                kexts.add(k);
            }
        }
        if (sort) {
            kexts.sort(Comparator.comparing(OSKext::loadAddress, Long::compareUnsigned));
        }
        for (OSKext k : kexts) {
            if (noKernel && k.isKernelComponent() && !ids.contains(k.getIdentifier())) {
                continue;
            }
            if (k.getLoadTag() == 0) {
                continue; // never the kernel itself
            }
            log.out(row(k, arch));
        }
        return 0;
    }

    /** printKextInfo(). */
    static String row(OSKext k, boolean arch) {
        StringBuilder sb = new StringBuilder();
        sb.append(String.format("%5d", k.getLoadTag()));
        sb.append(String.format(" %4d", k.refs()));
        sb.append(' ').append(pad(altHex(k.loadAddress()), 18));
        sb.append(' ').append(pad(altHex(k.loadSize() & 0xffff_ffffL), 10));
        sb.append(' ').append(pad(altHex(k.wiredSize() & 0xffff_ffffL), 10));
        if (arch) {
            if (k.isKernelComponent()) {
                // OSKext::copyInfo sets OSBundleCPUType only for a linked, non-interface kext: the
                // kpi pseudo-kexts have none, and printKextInfo prints " %10s/%-7s" of "????".
                sb.append(String.format(" %10s/%-7s", "????", "????"));
            } else {
                // NXGetArchInfoFromCpuType(CPU_TYPE_X86_64, ...)->name.
                sb.append(' ').append(pad("x86_64", 18));
            }
        }
        sb.append(' ').append(k.getIdentifier());
        sb.append(" (").append(k.getVersion()).append(')');
        sb.append(' ').append(k.uuid() != null ? k.uuid() : "no UUID");
        List<Integer> tags = new ArrayList<>();
        for (OSKext dep : k.dependencies()) {
            tags.add(dep.getLoadTag());
        }
        if (!tags.isEmpty()) {
            tags.sort(Comparator.reverseOrder());
            sb.append(" <");
            for (int i = 0; i < tags.size(); i++) {
                sb.append(i == 0 ? "" : " ").append(tags.get(i));
            }
            sb.append('>');
        }
        return sb.toString();
    }

    /** printf("%#llx"): "0x" prefix, except that zero prints as a bare 0. */
    public static String altHex(long v) {
        return v == 0 ? "0" : "0x" + Long.toHexString(v);
    }

    private static String pad(String s, int width) {
        return s.length() >= width ? s : s + " ".repeat(width - s.length());
    }

    static void usage(ToolLog log, boolean full) {
        // kextstat prints argv[0] as typed, not its basename.
        log.raw("usage: kextstat [-a] [-k] [-l] [-b bundle_id] ...");
        if (!full) {
            log.raw("");
            log.raw("Use kextstat -help (-h) for a list of options.");
            return;
        }
        log.raw("-no-kernel (-k): show only loadable kexts (omit kernel components).");
        log.raw("-list-only (-l): print the list only, omitting the header.");
        log.raw("-bundle-id (-b) <bundle_id>: print info for kexts named by identifier.");
        log.raw("-arch (-a): Include architecture info in output.");
        log.raw("-sort (-s): Sort by load address.");
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.after(previousWord, name(), java.util.Map.of("-b", CompletionKind.BUNDLE_ID, "-bundle-id", CompletionKind.BUNDLE_ID),
                CompletionKind.NONE);
    }

}
