package kextshell.tools.files;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import kextshell.kernel.Kernel;
import kextshell.shell.CompletionKind;
import kextshell.shell.FileSystem;
import kextshell.shell.Invocation;
import kextshell.shell.Session;
import kextshell.shell.ShellCommand;
import org.apache.commons.text.WordUtils;

/**
 * {@code ls [-1adlA] [PATH...]} over the session's files (the image, ~ and /tmp), laid out as macOS ls does
 * on a terminal: columns at 8-character tab stops (spaces instead of tabs), missing operands
 * first, then files, then directories. {@code -l} uses APFS-like numbers (a directory's link
 * count and size grow with its entries) and the boot moment as every file's time. One addition
 * for learners: {@code ls -l} of a directory puts each kext's one-line summary (its
 * Contents/Resources/Summary.txt) under the kext's line, indented and wrapped.
 */
public final class LsCommand implements ShellCommand {
    public static final String USAGE = "usage: ls [-@ABCFGHLOPRSTUWabcdefghiklmnopqrstuwx1%] [file ...]";
    private static final String MTIME = DateTimeFormatter.ofPattern("MMM ppd HH:mm", Locale.ROOT)
            .format(Instant.ofEpochSecond(Kernel.BOOT_EPOCH_SECONDS).atZone(ZoneOffset.UTC));
    private static final int TAB = 8;

    private boolean longFormat;
    private boolean onePerLine;
    private boolean all;
    private boolean directoryItself;

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "ls";
    }

    @Override
    public String summary() {
        return "list files and folders";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        longFormat = false;
        onePerLine = false;
        all = false;
        directoryItself = false;
        int i = 0;
        for (; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--")) {
                i++;
                break;
            }
            if (!a.startsWith("-") || a.length() == 1) {
                break;
            }
            for (char c : a.substring(1).toCharArray()) {
                switch (c) {
                    case 'l' -> longFormat = true;
                    case '1' -> onePerLine = true;
                    case 'a', 'A' -> all = c == 'a' || all;
                    case 'd' -> directoryItself = true;
                    default -> {
                        inv.console().err("ls: illegal option -- " + c);
                        inv.console().err(USAGE);
                        return 1;
                    }
                }
            }
        }
        List<String> operands = new ArrayList<>(args.subList(i, args.size()));
        boolean explicit = !operands.isEmpty();
        if (!explicit) {
            operands.add(".");
        }
        if (operands.contains("")) {
            // fts_open(3) refuses an empty name before anything is listed
            inv.console().err("ls: fts_open: No such file or directory");
            return 1;
        }
        operands.sort(null);
        FileSystem fs = inv.files();
        String cwd = inv.session().cwd();
        int status = 0;
        List<String> files = new ArrayList<>();
        List<String> dirs = new ArrayList<>();
        for (String op : operands) {
            switch (Lookup.kind(fs, cwd, op)) {
                case FILE -> files.add(op);
                case DIRECTORY -> (directoryItself ? files : dirs).add(op);
                case NOT_A_DIRECTORY -> {
                    inv.console().err("ls: " + op + ": Not a directory");
                    status = 1;
                }
                default -> {
                    inv.console().err("ls: " + op + ": No such file or directory");
                    status = 1;
                }
            }
        }
        List<String> out = new ArrayList<>();
        if (!files.isEmpty()) {
            List<Entry> entries = new ArrayList<>();
            for (String f : files) {
                entries.add(new Entry(f, Vfs.resolve(cwd, f)));
            }
            print(inv, entries, out, false);
        }
        boolean headers = operands.size() > 1 || status != 0;
        for (String d : dirs) {
            if (!out.isEmpty()) {
                out.add("");
            }
            if (headers) {
                out.add(d + ":");
            }
            String abs = Vfs.resolve(cwd, d);
            List<Entry> entries = new ArrayList<>();
            if (all) {
                entries.add(new Entry(".", abs));
                entries.add(new Entry("..", Vfs.parent(abs)));
            }
            for (String name : names(fs, abs)) {
                entries.add(new Entry(name, abs.equals("/") ? "/" + name : abs + "/" + name));
            }
            print(inv, entries, out, true);
        }
        for (String line : out) {
            inv.console().out(line);
        }
        return status;
    }

    private record Entry(String shown, String path) {
    }

    /** A folder's names; the lookup has just found it, so a failure means it is gone: nothing. */
    private static List<String> names(FileSystem fs, String folder) {
        try {
            return fs.list(folder);
        } catch (FileSystem.FileError e) {
            return List.of();
        }
    }

    private void print(Invocation inv, List<Entry> entries, List<String> out, boolean directoryListing) {
        int width = inv.session().config().width();
        if (longFormat) {
            printLong(inv.files(), entries, out, directoryListing, width);
        } else if (onePerLine) {
            entries.forEach(e -> out.add(e.shown()));
        } else {
            printColumns(entries, out, width);
        }
    }

    /** BSD ls printcol(): column-major, column width = longest name rounded up to a tab stop. */
    private static void printColumns(List<Entry> entries, List<String> out, int termWidth) {
        if (entries.isEmpty()) {
            return;
        }
        int maxLen = 0;
        for (Entry e : entries) {
            maxLen = Math.max(maxLen, e.shown().length());
        }
        int colWidth = (maxLen + TAB) & ~(TAB - 1);
        if (termWidth < 2 * colWidth) {
            entries.forEach(e -> out.add(e.shown()));
            return;
        }
        int numCols = termWidth / colWidth;
        int num = entries.size();
        int numRows = num / numCols + (num % numCols != 0 ? 1 : 0);
        for (int row = 0; row < numRows; row++) {
            StringBuilder line = new StringBuilder();
            int endCol = colWidth;
            for (int base = row, col = 0; col < numCols; col++) {
                line.append(entries.get(base).shown());
                if ((base += numRows) >= num) {
                    break;
                }
                int cnt;
                while ((cnt = (line.length() + TAB) & ~(TAB - 1)) <= endCol) {
                    line.append(" ".repeat(cnt - line.length()));
                }
                endCol += colWidth;
            }
            out.add(line.toString());
        }
    }

    private static void printLong(FileSystem fs, List<Entry> entries, List<String> out, boolean directoryListing,
            int width) {
        List<String[]> rows = new ArrayList<>();
        int[] w = new int[4];
        long blocks = 0;
        for (Entry e : entries) {
            boolean dir = fs.isDirectory(e.path());
            String links;
            String size;
            if (dir) {
                int n = names(fs, e.path()).size() + 2;
                links = Integer.toString(n);
                size = Integer.toString(32 * n);
            } else {
                links = "1";
                long bytes = size(fs, e.path());
                size = Long.toString(bytes);
                blocks += (bytes + 4095L) / 4096 * 8;
            }
            boolean home = e.path().equals(Session.HOME) || e.path().startsWith(Session.HOME + "/");
            // what the learner makes in /tmp is theirs, in /tmp's group (BSD: a new file takes its folder's group)
            boolean mine = home || e.path().startsWith(SessionFiles.TMP + "/");
            String mode = dir ? "drwxr-xr-x" : "-rw-r--r--";
            if (e.path().equals(SessionFiles.TMP)) {
                mode = "drwxrwxrwt";
            }
            String[] row = {mode, links, mine ? Session.DEFAULT_USER : "root",
                home ? "staff" : "wheel", size, e.shown(), e.path()};
            rows.add(row);
            w[0] = Math.max(w[0], links.length());
            w[1] = Math.max(w[1], row[2].length());
            w[2] = Math.max(w[2], row[3].length());
            w[3] = Math.max(w[3], size.length());
        }
        if (directoryListing) {
            out.add("total " + blocks);
        }
        for (String[] r : rows) {
            out.add(String.format(Locale.ROOT, "%s  %" + w[0] + "s %-" + w[1] + "s  %-" + w[2] + "s  %" + w[3]
                    + "s %s %s", r[0], r[1], r[2], r[3], r[4], MTIME, r[5]));
            String summary = directoryListing && r[5].endsWith(".kext") ? summaryOf(fs, r[6]) : null;
            if (summary != null) {
                String wrapped = WordUtils.wrap(summary, Math.max(20, width - 5), "\n", true);
                for (String line : wrapped.split("\n")) {
                    out.add("    " + line);
                }
            }
        }
    }

    /** A file's length in bytes, as ls -l shows it. */
    static long size(FileSystem fs, String file) {
        if (fs instanceof SessionFiles session) {
            return session.size(file);
        }
        try {
            return fs.read(file).getBytes(StandardCharsets.UTF_8).length;
        } catch (FileSystem.FileError e) {
            return 0;
        }
    }

    /** The first line of BUNDLE/Contents/Resources/Summary.txt, or null. */
    static String summaryOf(FileSystem fs, String bundlePath) {
        String file = bundlePath + "/Contents/Resources/Summary.txt";
        String text;
        try {
            text = fs.read(file).strip();
        } catch (FileSystem.FileError e) {
            return null;
        }
        int nl = text.indexOf('\n');
        return nl < 0 ? text : text.substring(0, nl).strip();
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return List.of("-l", "-a", "-1", "-d", "-A");
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.KEXT_PATH;
    }
}
