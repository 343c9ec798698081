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

    /**
     * The JNI provider first: it answers in about half the time of the default probe order, which
     * may fork stty; any failure falls back to JLine's own choice.
     */
    private static Terminal systemTerminal() throws IOException {
        preloadCapabilities(System.getenv("TERM"));
        try {
            return TerminalBuilder.builder().system(true).provider("jni").name("kextshell")
                    .encoding(StandardCharsets.UTF_8).build();
        } catch (IOException | RuntimeException | LinkageError e) {
            return TerminalBuilder.builder().system(true).name("kextshell").encoding(StandardCharsets.UTF_8).build();
        }
    }

    /**
     * Hands JLine its own bundled capabilities for common terminal types (xterm, screen, ...), so
     * it does not fork {@code infocmp} to read the system's terminfo: that fork was about a quarter
     * of the time to the first prompt.
     */
    private static void preloadCapabilities(String term) {
        if (term == null || term.isEmpty()) {
            return;
        }
        try {
            if (org.jline.utils.InfoCmp.getLoadedInfoCmp(term) == null) {
                String bundled = org.jline.utils.InfoCmp.getDefaultInfoCmp(term);
                if (bundled != null) {
                    org.jline.utils.InfoCmp.setLoadedInfoCmp(term, bundled);
                }
            }
        } catch (RuntimeException e) {
            // not bundled: JLine asks infocmp as usual
        }
    }

    /** Opens the terminal, then takes the session (built meanwhile on another thread) and runs the REPL. */
    public static int start(java.util.concurrent.Future<Session> sessionBeingBuilt, InputStream in, PrintStream out,
            PrintStream err) {
        return start(sessionBeingBuilt, in, out, err, "");
    }

    /** As {@link #start(java.util.concurrent.Future, InputStream, PrintStream, PrintStream)}, showing {@code opening} after the banner. */
    public static int start(java.util.concurrent.Future<Session> sessionBeingBuilt, InputStream in, PrintStream out,
            PrintStream err, String opening) {
        Terminal terminal;
        Session session;
        try {
            terminal = systemTerminal();
        } catch (IOException | RuntimeException e) {
            session = join(sessionBeingBuilt);
            err.println("kextshell: no line editor (" + e.getMessage() + "); reading plain lines instead");
            out.print(opening);
            return Piped.run(session, in, out, err);
        }
        session = join(sessionBeingBuilt);
        try {
            return new Repl(session, terminal, HistoryFile.locate(err)).opening(opening).run();
        } finally {
            try {
                terminal.close();
            } catch (IOException e) {
                // the process is ending; nothing useful to do
            }
        }
    }

    private static Session join(java.util.concurrent.Future<Session> f) {
        try {
            return f.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while starting", e);
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException("could not start the session", e.getCause());
        }
    }
}
