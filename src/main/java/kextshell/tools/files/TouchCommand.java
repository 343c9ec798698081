package kextshell.tools.files;

import java.util.List;
import kextshell.shell.FileSystem;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/**
 * {@code touch [-acm] file ...} as file_cmds-287 touch.c: a missing file is created empty
 * ({@code open(O_WRONLY|O_CREAT)}), unless {@code -c}; every failure is {@code warn("%s", file)}
 * and status 1. The model keeps one time for every file (the boot moment), so an existing file the
 * learner may write is left as it is; one they may not write fails as utimes(2) and open(2) would.
 * The real usage line also offers -A, -f, -h, -r and -t (times the model does not keep); like the
 * real one it is printed on two lines and exits 1.
 */
public final class TouchCommand implements ShellCommand {
    static final List<String> USAGE = List.of("usage:", "touch [-acm] file ...");

    @Override
    public String name() {
        return "touch";
    }

    @Override
    public String summary() {
        return "create empty files (in ~ and /tmp)";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        FileOps.Options options = FileOps.parse(inv, name(), args, "acm", USAGE, 1);
        if (options == null) {
            return 1; // touch's usage() exits 1, not EX_USAGE
        }
        FileSystem files = inv.files();
        String cwd = inv.session().cwd();
        int status = 0;
        for (String operand : options.operands()) {
            String path = files.resolve(cwd, operand);
            try {
                switch (Lookup.kind(files, cwd, operand)) {
                    case FILE, DIRECTORY -> {
                        if (!files.isWritable(path)) {
                            throw new FileError(FileOps.deniedFor(path));
                        }
                    }
                    case NOT_A_DIRECTORY -> throw new FileError(FileError.NOT_A_DIRECTORY);
                    default -> {
                        if (!options.has('c')) {
                            files.write(path, "", true);
                        }
                    }
                }
            } catch (FileError e) {
                inv.console().err("touch: " + operand + ": " + e.sentence());
                status = 1;
            }
        }
        return status;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return List.of("-a", "-c", "-m");
    }
}
