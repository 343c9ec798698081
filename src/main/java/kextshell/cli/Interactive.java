package kextshell.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import kextshell.shell.Session;
import org.jline.terminal.Terminal;
import org.jline.terminal.TerminalBuilder;

/** Starts the line editor on the real terminal. */
public final class Interactive {
    private Interactive() {
    }

    public static int start(Session session, InputStream in, PrintStream out, PrintStream err) {
        Terminal terminal;
        try {
            terminal = TerminalBuilder.builder()
                    .system(true)
                    .name("kextshell")
                    .encoding(StandardCharsets.UTF_8)
                    .build();
        } catch (IOException | RuntimeException e) {
            err.println("kextshell: no line editor (" + e.getMessage() + "); reading plain lines instead");
            return Piped.run(session, in, out, err);
        }
        try {
            return new Repl(session, terminal, HistoryFile.locate(err)).run();
        } finally {
            try {
                terminal.close();
            } catch (IOException e) {
                // the process is ending; nothing useful to do
            }
        }
    }
}
