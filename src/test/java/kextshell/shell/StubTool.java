package kextshell.shell;

import kextshell.app.Kextshell;
import java.util.List;

/** A stand-in for a tool that is being written elsewhere: prints its name and arguments. */
public record StubTool(String name, List<String> options) implements ShellCommand {
    public StubTool(String name) {
        this(name, List.of("-b", "-v", "-h"));
    }

    @Override
    public String summary() {
        return "stand-in for " + name;
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> help() {
        return List.of("usage: " + name + " [-v] -b bundle-id");
    }

    @Override
    public int run(Invocation invocation, List<String> args) {
        if (args.equals(List.of("-h"))) {
            help().forEach(invocation.console()::out);
            return 0;
        }
        invocation.console().out(name + (args.isEmpty() ? "" : " " + String.join(" ", args)));
        return args.contains("--fail") ? 3 : 0;
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return previousWord.equals("-b") ? CompletionKind.BUNDLE_ID : CompletionKind.NONE;
    }

    /** A session with stand-ins for kextload, kextunload and kextstat registered. */
    public static Session session() {
        Session session = Kextshell.newSession();
        // Keep the listing stable while real tools are added: only built-ins plus the stand-ins.
        session.commands().keySet().retainAll(java.util.Set.of("exit", "help", "sudo", "whoami"));
        for (String tool : List.of("kextload", "kextunload", "kextstat")) {
            session.register(new StubTool(tool));
        }
        return session;
    }
}
