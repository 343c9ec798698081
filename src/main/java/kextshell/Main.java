package kextshell;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import kextshell.shell.Result;
import kextshell.shell.Session;

/** Entry point: ./kextshell. Front ends (interactive, piped, -c, replay) are chosen here. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) throws IOException {
        PrintStream out = new PrintStream(System.out, true, StandardCharsets.UTF_8);
        Session session = new Session();
        if (args.length == 2 && args[0].equals("-c")) {
            Result r = session.execute(args[1]);
            out.print(r.output());
            System.exit(r.exitCode());
        }
        BufferedReader in = new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8));
        int status = 0;
        String line;
        while (!session.exited() && (line = in.readLine()) != null) {
            out.println("$ " + line);
            Result r = session.execute(line);
            out.print(r.output());
            status = r.exitCode();
        }
        System.exit(status);
    }
}
