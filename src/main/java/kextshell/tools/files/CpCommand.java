package kextshell.tools.files;

import java.util.List;
import kextshell.shell.FileSystem;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import kextshell.shell.Sysexits;

/**
 * {@code cp [-R] [-f | -n] [-pv] source_file target_file} and {@code ... source_file ...
 * target_directory}, as file_cmds-287 cp.c (macOS 10.15, unix2003 mode) behaves: a source that
 * cannot be found is {@code cp: X: No such file or directory} (fts FTS_NS, warnx); a folder
 * without -R is {@code cp: X is a directory (not copied).}; a file over a folder is {@code cp:
 * cannot overwrite directory T with non-directory S}; the same file is {@code cp: T and S are
 * identical (not copied).}; a file or folder that cannot be made is {@code cp: T: REASON}.
 * -v prints {@code S -> T}. The source tree is listed before copying, so {@code cp -R a a/b}
 * ends. The real usage also offers -H -L -P (links), -i (asking), -a -X -c (attributes, clones);
 * the model has no links, attributes or questions.
 */
public final class CpCommand implements ShellCommand {
    static final List<String> USAGE = List.of(
            "usage: cp [-R] [-f | -n] [-pv] source_file target_file",
            "       cp [-R] [-f | -n] [-pv] source_file ... target_directory");

    private Invocation inv;
    private FileOps.Options options;
    private int status;

    @Override
    public String name() {
        return "cp";
    }

    @Override
    public String summary() {
        return "copy files and folders (into ~ and /tmp)";
    }

    @Override
    public int run(Invocation invocation, List<String> args) {
        inv = invocation;
        options = FileOps.parse(inv, name(), args, "Rfnpv", USAGE, 2);
        if (options == null) {
            return Sysexits.EX_USAGE;
        }
        List<String> operands = options.operands();
        List<String> sources = operands.subList(0, operands.size() - 1);
        String target = operands.get(operands.size() - 1);
        FileSystem files = inv.files();
        String cwd = inv.session().cwd();
        String shownTarget = target.isEmpty() ? "." : FileOps.stripTrailingSlashes(target);
        boolean trailingSlash = target.endsWith("/") && target.length() > 1;
        String targetPath = files.resolve(cwd, shownTarget);
        status = 0;
        if (files.isDirectory(targetPath)) {
            for (String source : sources) {
                copyOperand(source, FileOps.join(shownTarget, FileOps.basename(source)));
            }
            return status;
        }
        if (sources.size() > 1) {
            USAGE.forEach(inv.console()::err);
            return Sysexits.EX_USAGE;
        }
        String source = sources.get(0);
        boolean folderToNew = options.has('R') && Lookup.kind(files, cwd, source) == Vfs.Kind.DIRECTORY;
        if (trailingSlash && !folderToNew) {
            inv.console().err(files.exists(targetPath) ? "cp: " + shownTarget + " is not a directory"
                    : "cp: directory " + shownTarget + " does not exist");
            return 1;
        }
        copyOperand(source, shownTarget);
        return status;
    }

    private void copyOperand(String source, String shownTo) {
        FileSystem files = inv.files();
        switch (Lookup.kind(files, inv.session().cwd(), source)) {
            case MISSING -> fail(source + ": " + FileOps.sentence(FileError.NO_SUCH_FILE));
            case NOT_A_DIRECTORY -> fail(source + ": " + FileOps.sentence(FileError.NOT_A_DIRECTORY));
            default -> copyEntry(source, files.resolve(inv.session().cwd(), source), shownTo);
        }
    }

    /** One entry in fts pre-order: the folder (made first), then what it held. */
    private void copyEntry(String shownFrom, String from, String shownTo) {
        FileSystem files = inv.files();
        String to = files.resolve(inv.session().cwd(), shownTo);
        if (from.equals(to)) {
            fail(shownTo + " and " + shownFrom + " are identical (not copied).");
            return;
        }
        boolean folder = files.isDirectory(from);
        if (!folder && files.isDirectory(to)) {
            fail("cannot overwrite directory " + shownTo + " with non-directory " + shownFrom);
            return;
        }
        if (!folder) {
            copyFile(shownFrom, from, shownTo, to);
            return;
        }
        if (!options.has('R')) {
            fail(shownFrom + " is a directory (not copied).");
            return;
        }
        List<String> names = FileOps.names(files, from);
        try {
            if (!files.exists(to)) {
                files.mkdir(to);
            } else if (!files.isDirectory(to)) {
                throw new FileError(FileError.NOT_A_DIRECTORY);
            }
            verbose(shownFrom, shownTo);
        } catch (FileError e) {
            fail(shownTo + ": " + e.sentence());
        }
        for (String name : names) {
            copyEntry(FileOps.join(shownFrom, name), from.equals("/") ? "/" + name : from + "/" + name,
                    FileOps.join(shownTo, name));
        }
    }

    private void copyFile(String shownFrom, String from, String shownTo, String to) {
        FileSystem files = inv.files();
        if (options.has('n') && files.exists(to)) {
            if (options.has('v')) {
                inv.console().out(shownTo + " not overwritten");
            }
            return;
        }
        try {
            files.write(to, files.read(from), false);
        } catch (FileError e) {
            fail(shownTo + ": " + e.sentence());
            return;
        }
        verbose(shownFrom, shownTo);
    }

    private void verbose(String shownFrom, String shownTo) {
        if (options.has('v')) {
            inv.console().out(shownFrom + " -> " + shownTo);
        }
    }

    private void fail(String message) {
        inv.console().err("cp: " + message);
        status = 1;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return List.of("-R", "-f", "-n", "-p", "-v");
    }
}
