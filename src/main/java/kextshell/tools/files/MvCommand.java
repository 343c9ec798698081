package kextshell.tools.files;

import java.util.List;
import kextshell.shell.FileSystem;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import kextshell.shell.Sysexits;

/**
 * {@code mv [-f | -n] [-v] source target} and {@code ... source ... directory}, as file_cmds-287
 * mv.c (macOS 10.15) behaves: the move is one rename(2), whose failure is {@code mv: rename S to
 * T: REASON}; a missing source with an existing target is {@code mv: S: No such file or directory}
 * (do_move's lstat); moving a file onto itself inside a folder is {@code mv: S and T are
 * identical}, status 2. ~ and /tmp are one volume here as on a Mac, so no copy is ever needed.
 * The real usage line also offers -i (asking), which needs a terminal the model does not have;
 * a target the learner may not write is not asked about but fails as rename(2) does.
 */
public final class MvCommand implements ShellCommand {
    static final List<String> USAGE = List.of(
            "usage: mv [-f | -n] [-v] source target",
            "       mv [-f | -n] [-v] source ... directory");

    private Invocation inv;
    private FileOps.Options options;

    @Override
    public String name() {
        return "mv";
    }

    @Override
    public String summary() {
        return "move or rename files and folders (in ~ and /tmp)";
    }

    @Override
    public int run(Invocation invocation, List<String> args) {
        inv = invocation;
        options = FileOps.parse(inv, name(), args, "fnv", USAGE, 2);
        if (options == null) {
            return Sysexits.EX_USAGE;
        }
        List<String> operands = options.operands();
        String target = operands.get(operands.size() - 1);
        FileSystem files = inv.files();
        String cwd = inv.session().cwd();
        if (!files.isDirectory(files.resolve(cwd, target))) {
            if (operands.size() > 2) {
                USAGE.forEach(inv.console()::err);
                return Sysexits.EX_USAGE;
            }
            return move(operands.get(0), target);
        }
        int status = 0;
        for (String source : operands.subList(0, operands.size() - 1)) {
            String to = FileOps.join(target, FileOps.basename(source));
            if (Lookup.kind(files, cwd, source) != Vfs.Kind.MISSING && files.resolve(cwd, source).equals(files.resolve(cwd, to))) {
                inv.console().err("mv: " + source + " and " + to + " are identical");
                status = 2;
            } else if (move(source, to) != 0) {
                status = 1;
            }
        }
        return status;
    }

    /** do_move(): the -n check, then rename(2). */
    private int move(String shownFrom, String shownTo) {
        FileSystem files = inv.files();
        String cwd = inv.session().cwd();
        String from = files.resolve(cwd, shownFrom);
        String to = files.resolve(cwd, shownTo);
        if (!options.has('f') && files.exists(to)) {
            if (Lookup.kind(files, cwd, shownFrom) != Vfs.Kind.FILE && !files.isDirectory(from)) {
                inv.console().err("mv: " + shownFrom + ": " + FileOps.sentence(FileError.NO_SUCH_FILE));
                return 1;
            }
            if (options.has('n')) {
                if (options.has('v')) {
                    inv.console().out(shownTo + " not overwritten");
                }
                return 0;
            }
        }
        try {
            rename(shownFrom, from, to);
        } catch (FileError e) {
            inv.console().err("mv: rename " + shownFrom + " to " + shownTo + ": " + e.sentence());
            return 1;
        }
        if (options.has('v')) {
            inv.console().out(shownFrom + " -> " + shownTo);
        }
        return 0;
    }

    /** rename(2)'s checks in the order the kernel makes them, then the move itself. */
    private void rename(String shownFrom, String from, String to) throws FileError {
        FileSystem files = inv.files();
        Vfs.Kind kind = Lookup.kind(files, inv.session().cwd(), shownFrom);
        if (kind == Vfs.Kind.MISSING || kind == Vfs.Kind.NOT_A_DIRECTORY) {
            throw new FileError(kind == Vfs.Kind.MISSING ? FileError.NO_SUCH_FILE : FileError.NOT_A_DIRECTORY);
        }
        String toParent = Vfs.parent(to);
        if (!files.isDirectory(toParent)) {
            throw new FileError(files.exists(toParent) ? FileError.NOT_A_DIRECTORY : FileError.NO_SUCH_FILE);
        }
        if (!files.isWritable(from) || from.equals(SessionFiles.TMP) || from.equals(kextshell.shell.Session.HOME)) {
            throw new FileError(SessionFiles.deniedReason(Vfs.parent(from)));
        }
        if (!files.isWritable(toParent)) {
            throw new FileError(SessionFiles.deniedReason(toParent));
        }
        if (from.equals(to)) {
            return;
        }
        boolean folder = files.isDirectory(from);
        if (folder && (to + "/").startsWith(from + "/")) {
            throw new FileError("invalid argument");
        }
        if (files.exists(to)) {
            if (folder && !files.isDirectory(to)) {
                throw new FileError(FileError.NOT_A_DIRECTORY);
            }
            if (!folder && files.isDirectory(to)) {
                throw new FileError(FileError.IS_A_DIRECTORY);
            }
            files.remove(to); // an empty folder or a file; a full folder fails "directory not empty"
        }
        moveTree(from, to);
    }

    private void moveTree(String from, String to) throws FileError {
        FileSystem files = inv.files();
        if (!files.isDirectory(from)) {
            files.write(to, files.read(from), false);
            files.remove(from);
            return;
        }
        files.mkdir(to);
        for (String name : FileOps.names(files, from)) {
            moveTree(from + "/" + name, to + "/" + name);
        }
        files.remove(from);
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return List.of("-f", "-n", "-v");
    }
}
