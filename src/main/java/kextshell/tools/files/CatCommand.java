package kextshell.tools.files;

import java.util.List;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/** {@code cat FILE...}: files of the read-only virtual filesystem, with BSD cat's messages. */
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
        int i = 0;
        if (i < args.size() && args.get(i).equals("--")) {
            i++;
        } else if (i < args.size() && args.get(i).startsWith("-") && args.get(i).length() > 1) {
            inv.console().err("cat: illegal option -- " + args.get(i).charAt(1));
            inv.console().err("usage: cat [-benstuv] [file ...]");
            return 1;
        }
        if (i >= args.size()) {
            // No standard input in kextshell: there is nothing to copy.
            inv.console().err("usage: cat [-benstuv] [file ...]");
            return 1;
        }
        Vfs vfs = Vfs.get();
        String cwd = inv.session().cwd();
        int status = 0;
        for (String path : args.subList(i, args.size())) {
            switch (vfs.kind(cwd, path)) {
                case FILE -> {
                    String text = vfs.readText(Vfs.resolve(cwd, path));
                    inv.console().outRaw(text);
                    if (!text.isEmpty() && !text.endsWith("\n")) {
                        inv.console().outRaw("\n");
                    }
                }
                case DIRECTORY -> {
                    inv.console().err("cat: " + path + ": Is a directory");
                    status = 1;
                }
                case NOT_A_DIRECTORY -> {
                    inv.console().err("cat: " + path + ": Not a directory");
                    status = 1;
                }
                default -> {
                    inv.console().err("cat: " + path + ": No such file or directory");
                    status = 1;
                }
            }
        }
        return status;
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
