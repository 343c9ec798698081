package kextshell.tools.text;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.FileSystem;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;

/**
 * {@code tee [-ai] [file ...]}, after text_cmds tee.c (FreeBSD): standard input to standard output
 * and to each file, created or emptied first (-a appends). A file that will not open is
 * {@code warn("%s", *argv)} (e.g. {@code tee: /System/x: Read-only file system}) and exit 1; the
 * copy to stdout and the other files still happens. -i (ignore SIGINT) changes nothing here.
 */
public final class TeeCommand extends TextCommand {
    static final List<String> USAGE = List.of("usage: tee [-ai] [file ...]");

    @Override
    public String name() {
        return "tee";
    }

    @Override
    public String summary() {
        return "copy standard input to standard output and files";
    }

    @Override
    public boolean changesState() {
        return true;
    }

    @Override
    public List<String> options() {
        return Options.names("ai");
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Options o = Options.parse(inv, "tee", "ai", args, USAGE);
        if (o == null) {
            return 1;
        }
        boolean append = o.has('a');
        FileSystem files = inv.files();
        int status = 0;
        // tee.c opens every file before it copies anything.
        List<String> opened = new ArrayList<>();
        for (String operand : o.operands()) {
            String path = files.resolve(inv.session().cwd(), operand);
            try {
                files.write(path, "", append);
                opened.add(path);
            } catch (FileError e) {
                inv.console().err("tee: " + operand + ": " + e.sentence());
                status = 1;
            }
        }
        String text = inv.stdin() == null ? "" : inv.stdin();
        for (String path : opened) {
            try {
                files.write(path, text, true);
            } catch (FileError e) {
                inv.console().err("tee: " + path + ": " + e.sentence());
                status = 1;
            }
        }
        inv.console().outRaw(text);
        return status;
    }
}
