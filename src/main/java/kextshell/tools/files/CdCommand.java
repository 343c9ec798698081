package kextshell.tools.files;

import java.util.List;
import kextshell.shell.CompletionKind;
import kextshell.shell.Invocation;
import kextshell.shell.Session;
import kextshell.shell.ShellCommand;

/**
 * {@code cd [DIR | -]} with zsh's messages. No argument goes home; {@code cd -} goes to the
 * previous directory and prints it (with ~ for home, as zsh does). ".." never leaves "/".
 */
public final class CdCommand implements ShellCommand {
    @Override
    public String name() {
        return "cd";
    }

    @Override
    public String summary() {
        return "change the current directory";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Session session = inv.session();
        if (args.size() > 2) {
            inv.console().err("cd: too many arguments");
            return 1;
        }
        if (args.size() == 2) {
            inv.console().err("cd: string not in pwd: " + args.get(0));
            return 1;
        }
        String target = args.isEmpty() ? Session.HOME : args.get(0);
        if (target.isEmpty()) {
            // zsh: cd '' stays where it is
            return 0;
        }
        boolean back = target.equals("-");
        if (back) {
            target = session.previousDirectory();
        }
        switch (Lookup.kind(inv.files(), session.cwd(), target)) {
            case DIRECTORY:
                break;
            case FILE:
            case NOT_A_DIRECTORY:
                inv.console().err("cd: not a directory: " + target);
                return 1;
            default:
                inv.console().err("cd: no such file or directory: " + target);
                return 1;
        }
        String resolved = Vfs.resolve(session.cwd(), target);
        session.setCwd(resolved);
        if (back) {
            inv.console().out(tilde(resolved));
        }
        return 0;
    }

    /** zsh's ~ abbreviation of a path under the home directory. */
    static String tilde(String absolute) {
        if (absolute.equals(Session.HOME)) {
            return "~";
        }
        if (absolute.startsWith(Session.HOME + "/")) {
            return "~" + absolute.substring(Session.HOME.length());
        }
        return absolute;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return CompletionKind.DIRECTORY;
    }
}
