package kextshell.tools.ioreg;

import kextshell.tools.args.Getopt;
import kextshell.tools.plist.PlistXml;

import java.util.List;
import kextshell.kernel.IORegistryEntry;
import kextshell.shell.Console;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/**
 * ioreg(8) from IOKitTools-125 ({@code ioreg.tproj/ioreg.c}, {@code main}), over the model's
 * IOService plane.
 *
 * <p>Two environment facts decide defaults, and in kextshell both are "not a terminal":
 * <ul>
 * <li><b>Width.</b> Real ioreg takes the window width only when stdout is a tty
 * ({@code isatty} + {@code TIOCGWINSZ}); kextshell output is captured (transcripts, replay), so
 * the default is 0, no clipping, whatever the session's width. {@code -w N} clips as the real
 * tool does.</li>
 * <li><b>Bold.</b> {@code -b} wraps names in termcap {@code md}/{@code me} for {@code $TERM}.
 * kextshell commands run with no {@code TERM}, so {@code boldinit()} finds no strings and
 * {@code -b} prints plain text: accepted, no escape codes.</li>
 * </ul>
 * Operands after the options are ignored, as in the real tool. {@code -p} with a plane the
 * kernel has not made prints nothing and exits 0.
 */
public final class IoregCommand implements ShellCommand {
    /** IOKitTools-112 (10.15): no -y, which IOKitTools-122 added. */
    public static final String OPTSTRING = ":abc:d:fik:ln:p:rsStw:x";

    public static final List<String> USAGE = List.of(
            "usage: ioreg [-abfilrtx] [-c class] [-d depth] [-k key] [-n name] [-p plane] [-w width]",
            "where options are:",
            "\t-a archive output",
            "\t-b show object name in bold",
            "\t-c list properties of objects with the given class",
            "\t-d limit tree to the given depth",
            "\t-f enable smart formatting",
            "\t-i show object inheritance",
            "\t-k list properties of objects with the given key",
            "\t-l list properties of all objects",
            "\t-n list properties of objects with the given name",
            "\t-p traverse registry over the given plane (IOService is default)",
            "\t-r show subtrees rooted by the given criteria",
            "\t-t show location of each subtree",
            "\t-w clip output to the given line width (0 is unlimited)",
            "\t-x show data and numbers as hexadecimal");

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "ioreg";
    }

    @Override
    public String summary() {
        return "show the I/O Kit registry";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Console console = inv.console();
        IoregOptions options = new IoregOptions();
        Getopt g = new Getopt(args, OPTSTRING);
        int c;
        while ((c = g.next()) != -1) {
            switch (c) {
                case 'a' -> options.archive = true;
                case 'b' -> options.bold = true;
                case 'c' -> options.className = g.optarg();
                case 'd' -> options.depth = Getopt.atoi(g.optarg());
                case 'f' -> options.format = true;
                case 'i' -> options.inheritance = true;
                case 'k' -> options.key = g.optarg();
                case 'l' -> options.list = true;
                case 'n' -> options.name = g.optarg();
                case 'p' -> options.plane = g.optarg();
                case 'r' -> options.root = true;
                case 's', 'S' -> {
                }
                case 't' -> options.tree = true;
                case 'w' -> options.width = Getopt.atoi(g.optarg());
                case 'x' -> options.hex = true;
                default -> {
                    USAGE.forEach(console::err);
                    return 1;
                }
            }
        }
        // printinit(int width): a UInt32 width of 2^31 or more is a negative int, malloc fails.
        if (options.width < 0) {
            console.err("ioreg: error: can't allocate buffer.");
            return 1;
        }
        IORegistryEntry root = inv.session().kernel().root();
        if (root == null) {
            console.err("ioreg: error: can't obtain I/O Kit's root service.");
            return 1;
        }
        IoregPrinter printer = new IoregPrinter(options.width);
        try {
            if (options.archive) {
                IoregArchive archive = new IoregArchive(options);
                Object object = options.root
                        ? archive.archiveSearch(root, 0, 0, new IORegistryEntry[64])
                        : archive.archiveScan(root, 0);
                if (object != null) {
                    console.outRaw(PlistXml.write(object));
                }
            } else {
                Ioreg ioreg = new Ioreg(options, printer);
                if (options.root) {
                    ioreg.search(root, 0, 0, new IORegistryEntry[64]);
                } else {
                    ioreg.scan(root, false, 0, 0);
                }
                console.outRaw(printer.text());
            }
        } catch (Ioreg.Fatal e) {
            console.outRaw(printer.text());
            console.err("ioreg: error: " + e.getMessage() + ".");
            return 1;
        }
        return 0;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return List.of("-a", "-b", "-c", "-d", "-f", "-i", "-k", "-l", "-n", "-p", "-r", "-t", "-w", "-x");
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.after(previousWord, name(), java.util.Map.of("-c", CompletionKind.CLASS),
                CompletionKind.NONE);
    }
}
