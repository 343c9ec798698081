package kextshell.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Help and completion entries for the commands {@link Session} handles itself (exit, sudo,
 * whoami). Session runs them directly; these objects exist so that {@code help}, tab completion
 * and "did you mean" see them like any other command, and so that {@code -h} prints usage.
 */
final class Builtins {
    private Builtins() {
    }

    static List<ShellCommand> all() {
        return List.of(
                new Builtin("exit", ShellCommand.KEXTSHELL, "leave the shell (after sudo -s: leave the root shell)",
                        List.of("usage: exit"), List.of(), CompletionKind.NONE),
                new Builtin("sudo", ShellCommand.MACOS_TOOLS, "run a command as root; sudo -s opens a root shell",
                        List.of("usage: sudo -s", "       sudo command [arg ...]"), List.of("-s"), CompletionKind.COMMAND),
                new Builtin("whoami", ShellCommand.MACOS_TOOLS, "print the name of the current user",
                        List.of("usage: whoami"), List.of(), CompletionKind.NONE));
    }

    private record Builtin(String name, String group, String summary, List<String> usage, List<String> options,
            CompletionKind firstArgument) implements ShellCommand {
        @Override
        public int run(Invocation invocation, List<String> args) {
            if (args.contains("-h") || args.contains("--help")) {
                help().forEach(invocation.console()::out);
                return 0;
            }
            List<String> words = new ArrayList<>();
            words.add(name);
            words.addAll(args);
            return invocation.session().runWords(words, invocation.root(), invocation.console(), invocation.stdin());
        }

        @Override
        public List<String> help() {
            List<String> out = new ArrayList<>(usage);
            out.add("");
            out.add(summary);
            return out;
        }

        @Override
        public boolean changesState() {
            return !name.equals("whoami");
        }

        @Override
        public CompletionKind completionFor(String previousWord) {
            return previousWord.equals(name) ? firstArgument : CompletionKind.NONE;
        }
    }
}
