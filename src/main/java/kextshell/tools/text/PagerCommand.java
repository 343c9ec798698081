package kextshell.tools.text;

import java.util.List;
import kextshell.shell.CompletionKind;
import kextshell.shell.FileSystem;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/**
 * {@code less} and {@code more}: copy the named files, or the standard input, to stdout and ask the
 * front end for a pager ({@link kextshell.shell.Console#requestPager()}). The interactive shell then
 * shows the text in JLine's pager; anywhere else (a pipe, a script, a transcript) it passes through,
 * as less does when its output is not a terminal. Options are not modelled and are ignored, as
 * less ignores those it does not need when it is not paging.
 */
public final class PagerCommand implements ShellCommand {
    private final String name;

    private PagerCommand(String name) {
        this.name = name;
    }

    public static PagerCommand less() {
        return new PagerCommand("less");
    }

    public static PagerCommand more() {
        return new PagerCommand("more");
    }

    @Override
    public String name() {
        return name;
    }

    @Override
    public String summary() {
        return "page through a file or a command's output: CMD | " + name;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.PATH;
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        List<String> files = args.stream().filter(a -> !a.startsWith("-") || a.equals("-")).toList();
        if (files.isEmpty()) {
            if (inv.stdin() == null) {
                inv.console().err("Missing filename (\"" + name + " --help\" for help)");
                return 1;
            }
            inv.console().outRaw(inv.stdin());
            inv.console().requestPager();
            return 0;
        }
        int status = 0;
        FileSystem fs = inv.files();
        for (String file : files) {
            String path = fs.resolve(inv.session().cwd(), file);
            if (!fs.exists(path)) {
                inv.console().err(file + ": No such file or directory");
                status = 1;
            } else if (fs.isDirectory(path)) {
                inv.console().err(file + " is a directory");
                status = 1;
            } else {
                try {
                    String text = fs.read(path);
                    inv.console().outRaw(text.isEmpty() || text.endsWith("\n") ? text : text + "\n");
                } catch (FileSystem.FileError e) {
                    inv.console().err(file + ": " + e.sentence());
                    status = 1;
                }
            }
        }
        inv.console().requestPager();
        return status;
    }
}
