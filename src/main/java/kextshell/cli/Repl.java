package kextshell.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.Optional;
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
    private final HistoryStore historyStore;

    public Repl(Session session, Terminal terminal, Optional<Path> historyFile) {
        this.session = session;
        this.terminal = terminal;
        this.colour = wantsColour(terminal);
        this.reader = buildReader(session, terminal, colour);
        // JLine is given no history file: HistoryStore reads and writes it (see there why)
        this.historyStore = historyFile.map(f -> new HistoryStore(f, java.time.Clock.systemUTC(), terminal.writer()))
                .orElse(null);
        if (historyStore != null) {
            historyStore.loadInto(reader.getHistory());
            terminal.writer().flush();
        }
    }

    /** The line editor, for tests that want to look at its history or completion. */
    public LineReader reader() {
        return reader;
    }

    /** Runs until end of input or {@code exit}; returns the last command's status. */
    public int run() {
        PrintWriter out = terminal.writer();
        for (String line : Banner.lines(Version.get())) {
            out.println(colour ? new AttributedString(line, AttributedStyle.BOLD).toAnsi(terminal) : line);
        }
        out.flush();
        int status = 0;
        try {
            while (!session.exited()) {
                String line;
                try {
                    line = reader.readLine(prompt());
                } catch (UserInterruptException e) {
                    continue; // Ctrl-C: forget the half-typed line, show a fresh prompt
                } catch (EndOfFileException e) {
                    if (session.isRoot()) {
                        session.execute("exit");
                        continue;
                    }
                    break;
                }
                Result result = session.execute(line);
                out.print(result.output());
                out.flush();
                status = result.exitCode();
            }
        } finally {
            saveHistory();
        }
        return status;
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
        DefaultParser parser = new DefaultParser();
        parser.setEofOnUnclosedQuote(false); // an open quote is reported by the session, not continued
        LineReaderBuilder builder = LineReaderBuilder.builder()
                .terminal(terminal)
                .appName("kextshell")
                .parser(parser)
                .completer(new ShellCompleter(session))
                .option(LineReader.Option.DISABLE_EVENT_EXPANSION, true) // '!' is plain text, never history
                .option(LineReader.Option.AUTO_FRESH_LINE, true)
                .option(LineReader.Option.DISABLE_HIGHLIGHTER, !colour)
                .variable(LineReader.HISTORY_SIZE, 1000);
        return builder.build();
    }
}
