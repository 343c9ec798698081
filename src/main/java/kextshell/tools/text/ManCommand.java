package kextshell.tools.text;

import java.util.List;
import kextshell.shell.CompletionKind;
import kextshell.shell.Console;
import kextshell.shell.Invocation;
import kextshell.shell.ManPage;
import kextshell.shell.ShellCommand;

/**
 * {@code man NAME}: the manual page of an emulated macOS tool (its real synopsis and options) or of
 * one of kextshell's own commands, fitted to the session width. The messages are man's own:
 * {@code What manual page do you want?} without a name, {@code No manual entry for NAME} (status 1)
 * for an unknown one. The page goes through the pager, as man's does.
 */
public final class ManCommand implements ShellCommand {
    @Override
    public String name() {
        return "man";
    }

    @Override
    public String summary() {
        return "show a command's manual page: man CMD";
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
        return CompletionKind.COMMAND;
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Console console = inv.console();
        if (args.isEmpty()) {
            console.err("What manual page do you want?");
            return 1;
        }
        int status = 0;
        boolean first = true;
        for (String name : args) {
            ShellCommand command = inv.session().commands().get(name);
            ManPage page = ManPage.load(name).orElse(command == null ? null : ManPage.fromHelp(command));
            if (page == null) {
                console.err("No manual entry for " + name);
                status = 1;
                continue;
            }
            if (!first) {
                console.out("");
            }
            first = false;
            page.render(inv.session().config().width()).forEach(console::out);
        }
        if (!first) {
            console.requestPager();
        }
        return status;
    }
}
