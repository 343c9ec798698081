package kextshell.cli;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import kextshell.shell.InputEcho;
import kextshell.shell.Result;
import kextshell.shell.Session;

/**
 * Non-interactive use: one command per input line, each echoed as {@code $ line} before its
 * output so a log reads like a terminal session. Stops at end of input or when the session exits;
 * the status is the last command's, as for {@code sh < script}. Each command's stdout and stderr go
 * to the process's own stdout and stderr, so {@code 2>/dev/null} on the launcher hides the errors.
 */
public final class Piped {
    private Piped() {
    }

    public static int run(Session session, InputStream in, PrintStream out, PrintStream err) {
        BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        int status = 0;
        try {
            String line;
            while (!session.exited() && (line = reader.readLine()) != null) {
                // An open quote, here-document or trailing | takes the next lines too, as zsh reads a script.
                StringBuilder input = new StringBuilder(line);
                String more;
                while (Session.continuation(input.toString()).isPresent() && (more = reader.readLine()) != null) {
                    input.append('\n').append(more);
                }
                out.print(InputEcho.text(input.toString()));
                Result result = session.execute(input.toString());
                for (Result.Chunk chunk : result.chunks()) {
                    (chunk.stderr() ? err : out).print(chunk.text());
                }
                out.flush();
                err.flush();
                status = result.exitCode();
            }
        } catch (IOException e) {
            err.println("kextshell: cannot read input: " + e.getMessage());
            return 74;
        }
        return session.exited() ? session.exitStatus() : status;
    }
}
