package kextshell.tools.files;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.FileSystem;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import kextshell.shell.Sysexits;

/**
 * {@code rm [-dfRrv] file ...} as file_cmds-287 rm.c (macOS 10.15) behaves when its input is not
 * a terminal (it never asks "override ...?"): {@code checkdot} refuses "." and ".."; rm_file says
 * {@code rm: X: is a directory} (lower case, warnx) without -d or -r; rm_tree removes depth first,
 * naming each entry as fts(3) does, and a folder whose removal fails with ENOTEMPTY after a
 * permission failure inside it is reported "Permission denied" (its dir_errno rule). -f silences
 * only "No such file or directory". The real usage line also offers -i, -P and -W (asking,
 * overwriting, whiteouts), which the model does not have.
 */
public final class RmCommand implements ShellCommand {
    static final List<String> USAGE = List.of("usage: rm [-f] [-dRrv] file ...");

    private Invocation inv;
    private FileOps.Options options;
    private int status;
    /** rm_tree's dir_errno: the first failure's reason, or null. */
    private String dirErrno;

    @Override
    public String name() {
        return "rm";
    }

    @Override
    public String summary() {
        return "remove files and folders (in ~ and /tmp)";
    }

    @Override
    public int run(Invocation invocation, List<String> args) {
        inv = invocation;
        options = FileOps.parse(inv, name(), args, "dfRrv", USAGE, 0);
        if (options == null) {
            return Sysexits.EX_USAGE;
        }
        if (options.operands().isEmpty()) {
            if (options.has('f')) {
                return 0;
            }
            USAGE.forEach(inv.console()::err);
            return Sysexits.EX_USAGE;
        }
        status = 0;
        dirErrno = null;
        for (String operand : withoutDots(options.operands())) {
            if (options.has('r') || options.has('R')) {
                removeTree(operand);
            } else {
                removeFile(operand);
            }
        }
        return status;
    }

    /** checkdot(): "." and ".." (as the last component) are dropped with one complaint. */
    private List<String> withoutDots(List<String> operands) {
        List<String> kept = new ArrayList<>();
        boolean complained = false;
        for (String operand : operands) {
            String last = FileOps.basename(operand);
            if (last.equals(".") || last.equals("..")) {
                if (!complained) {
                    inv.console().err("rm: \".\" and \"..\" may not be removed");
                    complained = true;
                }
                status = 1;
            } else {
                kept.add(operand);
            }
        }
        return kept;
    }

    private void removeFile(String operand) {
        FileSystem files = inv.files();
        String path = files.resolve(inv.session().cwd(), operand);
        switch (Lookup.kind(files, inv.session().cwd(), operand)) {
            case MISSING -> fail(operand, FileError.NO_SUCH_FILE);
            case NOT_A_DIRECTORY -> fail(operand, FileError.NOT_A_DIRECTORY);
            case DIRECTORY -> {
                if (options.has('d')) {
                    remove(operand, path);
                } else {
                    inv.console().err("rm: " + operand + ": is a directory");
                    status = 1;
                }
            }
            default -> remove(operand, path);
        }
    }

    private String remove(String shown, String path) {
        try {
            inv.files().remove(path);
        } catch (FileError e) {
            fail(shown, e.reason());
            return e.reason();
        }
        if (options.has('v')) {
            inv.console().out(shown);
        }
        return null;
    }

    private void fail(String shown, String reason) {
        if (options.has('f') && reason.equals(FileError.NO_SUCH_FILE)) {
            return;
        }
        inv.console().err("rm: " + shown + ": " + FileOps.sentence(reason));
        status = 1;
    }

    private void removeTree(String operand) {
        FileSystem files = inv.files();
        switch (Lookup.kind(files, inv.session().cwd(), operand)) {
            case MISSING -> fail(operand, FileError.NO_SUCH_FILE);
            case NOT_A_DIRECTORY -> fail(operand, FileError.NOT_A_DIRECTORY);
            default -> removeEntry(operand, files.resolve(inv.session().cwd(), operand));
        }
    }

    /** fts post-order: the folder's entries first, then the folder itself. */
    private void removeEntry(String shown, String path) {
        FileSystem files = inv.files();
        if (!files.isDirectory(path)) {
            noteFailure(remove(shown, path));
            return;
        }
        for (String name : FileOps.names(files, path)) {
            removeEntry(FileOps.join(shown, name), path.equals("/") ? "/" + name : path + "/" + name);
        }
        String reason;
        try {
            files.remove(path);
            reason = null;
        } catch (FileError e) {
            reason = e.reason();
            if (reason.equals(FileError.NOT_EMPTY)
                    && (dirErrno == null || dirErrno.equals(FileError.PERMISSION_DENIED))) {
                reason = FileError.PERMISSION_DENIED;
            }
        }
        if (reason == null) {
            if (options.has('v')) {
                inv.console().out(shown);
            }
            return;
        }
        fail(shown, reason);
        noteFailure(reason);
    }

    private void noteFailure(String reason) {
        if (reason != null && (dirErrno == null || dirErrno.equals(FileError.PERMISSION_DENIED))) {
            dirErrno = reason;
        }
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return List.of("-d", "-f", "-R", "-r", "-v");
    }
}
