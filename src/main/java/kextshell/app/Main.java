package kextshell.app;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.concurrent.CompletableFuture;
import kextshell.cli.Interactive;
import kextshell.cli.Piped;
import kextshell.cli.Tty;
import kextshell.shell.Session;
import kextshell.tutorial.TutorialEngine;

/**
 * Entry point of ./kextshell. {@link Launcher} parses the arguments; this class picks the front
 * end from them and from whether stdin and stdout are terminals (see {@link Tty}).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        PrintStream out = new PrintStream(new FileOutputStream(FileDescriptor.out), true, StandardCharsets.UTF_8);
        PrintStream err = new PrintStream(new FileOutputStream(FileDescriptor.err), true, StandardCharsets.UTF_8);
        int status = run(args, System.in, out, err);
        out.flush();
        err.flush();
        System.exit(status);
    }

    /**
     * Runs the launcher and returns the process exit status instead of exiting. The line editor is
     * only used when {@code in} is the process's own stdin and both stdin and stdout are terminals.
     */
    public static int run(String[] args, InputStream in, PrintStream out, PrintStream err) {
        Streams streams = new Streams(in, out, err);
        // The common start, no arguments, skips picocli: its ~170 classes cost start-up time.
        return args.length == 0 ? shell(streams) : Launcher.run(args, streams);
    }

    /** The process's three streams, passed together. */
    record Streams(InputStream in, PrintStream out, PrintStream err) {
        boolean terminal() {
            return in == System.in && Tty.interactive();
        }
    }

    /** The shell on {@code session}: the line editor on a terminal, else one command per stdin line. */
    static int shell(Session session, Streams s) {
        return shell(session, s, "");
    }

    /** The shell on {@code session}; {@code opening} is shown first (on a terminal, after the banner). */
    static int shell(Session session, Streams s, String opening) {
        if (s.terminal()) {
            return Interactive.start(CompletableFuture.completedFuture(session), s.in(), s.out(), s.err(), opening);
        }
        s.out().print(opening);
        return Piped.run(session, s.in(), s.out(), s.err());
    }

    /** The plain shell; on a terminal the kernel boots on the other core while the line editor opens. */
    static int shell(Streams s) {
        if (s.terminal()) {
            return Interactive.start(CompletableFuture.supplyAsync(() -> learnerSession(s.err())), s.in(), s.out(),
                    s.err());
        }
        return Piped.run(Kextshell.newLearnerSession(s.err()::println), s.in(), s.out(), s.err());
    }

    /**
     * The learner's own shell: tutorial progress in ~/.kextshell/progress.json, the home in
     * ~/.kextshell/home.
     */
    static Session learnerSession(PrintStream err) {
        Session session = Kextshell.newLearnerSession(err::println);
        session.kernel(); // boot now, on the background thread, while the terminal opens
        java.nio.file.Path progress = TutorialEngine.defaultProgressFile();
        TutorialEngine engine = TutorialEngine.of(session);
        try {
            engine.useProgressFile(progress);
            engine.takeNotices().forEach(err::println);
        } catch (java.io.IOException e) {
            // An unreadable progress file that could not be moved aside: progress stays in memory.
            err.println(e.getMessage());
        }
        Long salt = kextshell.cli.LearnerSalt.load(progress.resolveSibling("learner-seed"),
                java.time.Clock.systemUTC(), err::println);
        if (salt != null) {
            engine.useLearnerSalt(salt);
        }
        return session;
    }
}
