package kextshell.tools.files;

import java.util.List;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import kextshell.tools.args.Getopt;

/**
 * {@code cat [file ...]}: the session's files, or standard input with no file or {@code -}, with BSD
 * cat's messages ({@code warn("%s", path)} per file that will not read, exit 1).
 */
public final class CatCommand implements ShellCommand {
    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "cat";
    }

    @Override
    public String summary() {
        return "print files";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        CatFormat format = new CatFormat();
        Getopt getopt = new Getopt(args, ":benstuv");
        for (int c = getopt.next(); c != -1; c = getopt.next()) {
            if (c == '?' || !format.set((char) c)) {
                inv.console().err("cat: illegal option -- " + getopt.optopt());
                inv.console().err("usage: cat [-benstuv] [file ...]");
                return 1;
            }
        }
        int i = getopt.optind();
        List<String> operands = i >= args.size() ? List.of("-") : args.subList(i, args.size());
        String cwd = inv.session().cwd();
        int status = 0;
        for (String path : operands) {
            if (path.equals("-")) {
                // Standard input as it came (nothing when it is the terminal).
                inv.console().outRaw(format.plain() ? stdin(inv) : format.apply(stdin(inv)));
                continue;
            }
            try {
                if (path.isEmpty()) {
                    throw new FileError(FileError.NO_SUCH_FILE);
                }
                String text = inv.files().read(inv.files().resolve(cwd, path));
                inv.console().outRaw(format.plain() ? text : format.apply(text));
                if (!text.isEmpty() && !text.endsWith("\n")) {
                    inv.console().outRaw("\n");
                }
            } catch (FileError e) {
                inv.console().err("cat: " + path + ": " + e.sentence());
                status = 1;
            }
        }
        return status;
    }

    private static String stdin(Invocation inv) {
        return inv.stdin() == null ? "" : inv.stdin();
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.PATH;
    }
}
