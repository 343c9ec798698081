package kextshell.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
import kextshell.shell.PathCompletions;
import kextshell.shell.Questions;
import kextshell.shell.Result;
import kextshell.shell.Session;
import org.jline.reader.EndOfFileException;
import org.jline.reader.LineReader;
import org.jline.reader.LineReaderBuilder;
import org.jline.reader.UserInterruptException;
import org.jline.reader.impl.DefaultParser;
import org.jline.terminal.Terminal;
import org.jline.utils.AttributedString;
import org.jline.utils.AttributedStringBuilder;
import org.jline.utils.AttributedStyle;

/**
 * The interactive read-execute-print loop over any JLine terminal: the real one, or a
 * {@code DumbTerminal} on in-memory streams in tests. Ctrl-C drops the line being typed,
 * Ctrl-D (or {@code exit}) leaves; in a {@code sudo -s} root shell Ctrl-D leaves the root
 * shell first, as closing a sub-shell would.
 */
public final class Repl {
    private final Session session;
    private final Terminal terminal;
    private final LineReader reader;
    private final boolean colour;
    private String opening = "";
    private final HistoryStore historyStore;

    public Repl(Session session, Terminal terminal, Optional<Path> historyFile) {
        this.session = session;
        this.terminal = terminal;
        this.colour = wantsColour(terminal);
        this.reader = buildReader(session, terminal, colour);
        kextshell.trace.command.TraceCommand.useAscii(session, !drawsBoxes(terminal));
        // JLine is given no history file: HistoryStore reads and writes it (see there why)
        this.historyStore = historyFile.map(f -> new HistoryStore(f, java.time.Clock.systemUTC(), terminal.writer()))
                .orElse(null);
        if (historyStore != null) {
            historyStore.loadInto(reader.getHistory());
            terminal.writer().flush();
        }
    }

    /** Box-drawing characters only on a terminal that is not dumb and speaks UTF-8. */
    static boolean drawsBoxes(Terminal terminal) {
        String type = terminal.getType();
        boolean dumb = type == null || type.startsWith(Terminal.TYPE_DUMB);
        return !dumb && terminal.encoding() != null && terminal.encoding().name().toUpperCase(java.util.Locale.ROOT)
                .startsWith("UTF");
    }

    /** The line editor, for tests that want to look at its history or completion. */
    public LineReader reader() {
        return reader;
    }

    /** Text shown after the banner, before the first prompt (a lesson started from the command line). */
    public Repl opening(String text) {
        this.opening = text == null ? "" : text;
        return this;
    }

    /** Runs until end of input or {@code exit}; returns the last command's status. */
    public int run() {
        PrintWriter out = terminal.writer();
        for (String line : Banner.lines(Version.get())) {
            out.println(colour ? new AttributedString(line, AttributedStyle.BOLD).toAnsi(terminal) : line);
        }
        out.print(opening);
        out.flush();
        int status = 0;
        try {
            while (!session.exited()) {
                String line;
                Questions questions = Questions.of(session);
                // The answer to a [y/N] question is not a command: it stays out of history.
                reader.variable(LineReader.DISABLE_HISTORY, questions.pending());
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    // Ctrl-C: forget the half-typed line; a waiting question is dropped, not answered
                    // by the next line
                    if (questions.cancel()) {
                        out.println("Cancelled.");
                        out.flush();
                    }
                    continue;
                } catch (EndOfFileException e) {
                    if (session.isRoot()) {
                        session.execute("exit");
                        continue;
                    }
                    break;
                }
                Result result = session.execute(line);
                show(result, out);
                status = result.exitCode();
            }
        } finally {
            saveHistory();
        }
        return session.exited() ? session.exitStatus() : status;
    }

    /**
     * Prints a line's output; when it ended in {@code less} or {@code more} writing to the terminal
     * ({@link Result#paged()}), its stdout goes through the pager instead (stderr is printed first).
     */
    void show(Result result, PrintWriter out) {
        if (result.paged() && !result.stdout().isEmpty()) {
            out.print(result.stderr());
            out.flush();
            if (Pager.show(terminal, result.stdout())) {
                return;
            }
            out.print(result.stdout());
        } else {
            out.print(result.output());
        }
        out.flush();
    }

    /** The session's prompt, with user@host coloured on a real terminal. */
    private String prompt() {
        String plain = session.prompt();
        int space = plain.indexOf(' ');
        String shown = plain;
        if (colour && space > 0) {
            AttributedStyle who = AttributedStyle.BOLD.foreground(session.isRoot() ? AttributedStyle.RED : AttributedStyle.GREEN);
            shown = new AttributedStringBuilder()
                    .styled(who, plain.substring(0, space))
                    .append(plain.substring(space))
                    .toAnsi(terminal);
        }
        // JLine reads '%' in a prompt as the start of an escape (%n, %M, ...); zsh's "% " must be doubled
        return shown.replace("%", "%%");
    }

    private void saveHistory() {
        if (historyStore == null) {
            return;
        }
        try {
            historyStore.save(reader.getHistory());
        } catch (IOException e) {
            terminal.writer().println("kextshell: could not save history (" + kextshell.store.HostFiles.reason(e) + ")");
            terminal.writer().flush();
        }
    }

    /** Colour only on a terminal that can show it, and never when NO_COLOR is set. */
    static boolean wantsColour(Terminal terminal) {
        String type = terminal.getType();
        boolean dumb = type == null || type.startsWith(Terminal.TYPE_DUMB);
        return !dumb && System.getenv("NO_COLOR") == null;
    }

    private static LineReader buildReader(Session session, Terminal terminal, boolean colour) {
        DefaultParser parser = new ContinuationParser();
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("kextshell")
                .parser(parser)
                .completer(new ShellCompleter((words, current) -> PathCompletions.withPaths(session, words, current)))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is plain text, never history
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .option(LineReader.Option.DISABLE_HIGHLIGHTER, !colour)
                .variable(LineReader.SECONDARY_PROMPT_PATTERN, ContinuationParser.PROMPT_PATTERN)
                .variable(LineReader.HISTORY_SIZE, 1000);
        return builder.build();
    }
}
