package kextshell.tools.files;

import java.util.List;
import kextshell.shell.FileSystem;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import kextshell.shell.Sysexits;

/**
 * {@code mkdir [-pv] directory ...} as file_cmds-287 mkdir.c (macOS 10.15) behaves: a missing or
 * non-folder parent is reported by the operand's dirname ({@code warn("%s", dirname(*argv))}),
 * anything else by the operand; {@code -p} goes through Libc's mkpath_np, which reports the whole
 * operand, accepts an existing folder and calls an existing file "Not a directory" (_mkpath in
 * gen/mkpath_np.c); {@code -v} prints {@code mkdir: created directory 'X'} (not with -p, as in 287).
 * The real usage line also offers {@code -m mode}; the model has no modes, so it is left out.
 */
public final class MkdirCommand implements ShellCommand {
    static final List<String> USAGE = List.of("usage: mkdir [-pv] directory ...");

    @Override
    public String name() {
        return "mkdir";
    }

    @Override
    public String summary() {
        return "make folders (in ~ and /tmp)";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        FileOps.Options options = FileOps.parse(inv, name(), args, "pv", USAGE, 1);
        if (options == null) {
            return Sysexits.EX_USAGE;
        }
        int status = 0;
        for (String operand : options.operands()) {
            boolean made = options.has('p') ? makePath(inv, operand) : makeOne(inv, operand, options.has('v'));
            if (!made) {
                status = 1;
            }
        }
        return status;
    }

    private static boolean makeOne(Invocation inv, String operand, boolean verbose) {
        FileSystem files = inv.files();
        try {
            files.mkdir(files.resolve(inv.session().cwd(), operand));
        } catch (FileError e) {
            boolean parentProblem = e.reason().equals(FileError.NO_SUCH_FILE) || e.reason().equals(FileError.NOT_A_DIRECTORY);
            inv.console().err("mkdir: " + (parentProblem ? FileOps.dirname(operand) : operand) + ": " + e.sentence());
            return false;
        }
        if (verbose) {
            inv.console().out("mkdir: created directory '" + operand + "'");
        }
        return true;
    }

    /** mkpath_np: each missing folder from the top down; an existing folder is fine. */
    private static boolean makePath(Invocation inv, String operand) {
        FileSystem files = inv.files();
        String target = files.resolve(inv.session().cwd(), operand);
        String at = "";
        for (String part : target.substring(1).split("/")) {
            at = at + "/" + part;
            if (part.isEmpty() || files.isDirectory(at)) {
                continue;
            }
            try {
                if (files.exists(at)) {
                    throw new FileError(FileError.NOT_A_DIRECTORY);
                }
                files.mkdir(at);
            } catch (FileError e) {
                inv.console().err("mkdir: " + operand + ": " + e.sentence());
                return false;
            }
        }
        return true;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return List.of("-p", "-v");
    }
}
