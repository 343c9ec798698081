package kextshell.shell;

import java.util.List;
import kextshell.shell.syntax.Ast.AndOr;
import kextshell.shell.syntax.Ast.Pipeline;
import kextshell.shell.syntax.Ast.Redirect;
import kextshell.shell.syntax.Ast.Script;
import kextshell.shell.syntax.Ast.SimpleCommand;

/**
 * Runs a parsed script the way zsh runs it: lists in order with {@code &&}/{@code ||}
 * short-circuits, each pipeline stage's stdout into the next stage's stdin, redirections applied
 * left to right, {@code $?} after every pipeline. Stages run one after the other (the model is
 * single-threaded and virtual-time), which gives the same output as zsh for these commands.
 */
final class Executor {
    private final Session session;
    private final Expander expander;
    /** The words of the last simple command that ran, for the did-you-mean hint after a failure. */
    private List<String> lastWords = List.of();
    private boolean paged;

    Executor(Session session) {
        this.session = session;
        this.expander = new Expander(session);
    }

    List<String> lastWords() {
        return lastWords;
    }

    /** Whether the last stage asked for a pager and its stdout reached the terminal. */
    boolean paged() {
        return paged;
    }

    int run(Script script, Console terminal) {
        int status = session.lastStatus();
        for (AndOr item : script.items()) {
            status = runAndOr(item, terminal);
            if (session.exited()) {
                break;
            }
        }
        return status;
    }

    private int runAndOr(AndOr item, Console terminal) {
        int status = runPipeline(item.pipelines().get(0), terminal);
        for (int i = 1; i < item.pipelines().size() && !session.exited(); i++) {
            boolean and = item.ops().get(i - 1).equals("&&");
            if (and == (status == 0)) {
                status = runPipeline(item.pipelines().get(i), terminal);
            }
        }
        return status;
    }

    private int runPipeline(Pipeline pipeline, Console terminal) {
        String stdin = null;
        int status = 0;
        List<SimpleCommand> stages = pipeline.commands();
        for (int i = 0; i < stages.size(); i++) {
            boolean last = i == stages.size() - 1;
            StringBuilder pipe = last ? null : new StringBuilder();
            status = runStage(stages.get(i), stdin, pipe, terminal);
            stdin = pipe == null ? null : pipe.toString();
            if (session.exited()) {
                break;
            }
        }
        status = pipeline.negated() ? (status == 0 ? 1 : 0) : status;
        session.setLastStatus(status);
        return status;
    }

    /** One command: expand, open its redirections, run it, and route what it wrote. */
    private int runStage(SimpleCommand command, String pipedIn, StringBuilder pipeOut, Console terminal) {
        Streams streams = new Streams(session.files(), session.cwd(), terminal, pipeOut);
        streams.stdin = pipedIn;
        List<String> words;
        try {
            words = expander.words(command.words());
            for (Redirect r : command.redirects()) {
                streams.apply(r, expander);
            }
        } catch (ShellError e) {
            terminal.err(e.getMessage());
            return Sysexits.FAILURE;
        }
        if (words.isEmpty()) {
            return Sysexits.EX_OK; // a bare redirection (> file) only opens its files
        }
        lastWords = words;
        Console console = new Console(streams.stdoutIsTerminal());
        int status = session.runWords(words, session.isRoot(), console, streams.stdin);
        streams.route(console.chunks());
        paged = console.pagerRequested() && streams.stdoutIsTerminal();
        return status;
    }
}
