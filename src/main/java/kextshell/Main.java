package kextshell;

import java.io.FileDescriptor;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import kextshell.cli.Interactive;
import kextshell.cli.Piped;
import kextshell.cli.Tty;
import kextshell.cli.Usage;
import kextshell.cli.Version;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.Suggest;
import kextshell.transcript.RecordCommand;
import kextshell.transcript.Recorder;
import kextshell.transcript.ReplayCommand;
import kextshell.tutorial.TutorialEngine;
import kextshell.tutorial.Tutorials;

/**
 * Entry point of ./kextshell. Picks the front end from the arguments and from whether stdin and
 * stdout are terminals (see {@link Tty}); all the logic is in {@link #run} so tests can call it.
 */
public final class Main {
    /** Every first argument the launcher knows, for "did you mean". */
    private static final List<String> ARGUMENTS =
            List.of("-c", "-h", "--help", "--version", "replay", "tutorial", "bench", "--record");

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
        if (args.length == 0 && in == System.in && Tty.interactive()) {
            // Boot the kernel on the other core while the line editor opens the terminal.
            return Interactive.start(java.util.concurrent.CompletableFuture.supplyAsync(Main::learnerSession), in, out,
                    err);
        }
        if (args.length == 0) {
            return Piped.run(new Session(), in, out, err);
        }
        switch (args[0]) {
            case "-c":
                if (args.length != 2) {
                    err.println("kextshell: -c takes exactly one argument, the command line (quote it)");
                    return 2;
                }
                Result result = new Session().execute(args[1]);
                out.print(result.output());
                out.flush();
                return result.exitCode();
            case "-h":
            case "--help":
                out.print(Usage.TEXT);
                return 0;
            case "--version":
                out.println("kextshell " + Version.get());
                return 0;
            case "replay":
                return ReplayCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), in, out);
            case "--record":
                return record(args, new Session(), in, out, err);
            case "bench":
                return kextshell.bench.BenchCommand.run(java.util.Arrays.copyOfRange(args, 1, args.length), out, err);
            case "tutorial":
                return tutorial(args, in, out, err);
            default:
                err.println("kextshell: unknown argument: " + args[0]);
                List<String> near = Suggest.closest(args[0], ARGUMENTS);
                if (!near.isEmpty()) {
                    err.println("kextshell: " + Suggest.didYouMean(near));
                }
                err.println("kextshell: try 'kextshell --help'");
                return 2;
        }
    }

    /** ./kextshell --record [--force] FILE: a normal session (interactive or piped) written out as a transcript. */
    private static int record(String[] args, Session session, InputStream in, PrintStream out, PrintStream err) {
        java.util.List<String> rest = new java.util.ArrayList<>(java.util.Arrays.asList(args).subList(1, args.length));
        boolean force = rest.remove("--force");
        if (rest.size() != 1) {
            err.println("kextshell: usage: kextshell --record [--force] FILE");
            return 2;
        }
        Recorder recorder;
        try {
            recorder = RecordCommand.recordSession(session, kextshell.store.HostFiles.path(rest.get(0)), force);
        } catch (java.io.IOException e) {
            err.println("kextshell: --record: " + e.getMessage());
            return 1;
        }
        int status = in == System.in && Tty.interactive()
                ? Interactive.start(java.util.concurrent.CompletableFuture.completedFuture(session), in, out, err)
                : Piped.run(session, in, out, err);
        err.println(recorder.finish());
        return status;
    }

    /** A session that keeps tutorial progress in ~/.kextshell/progress.json: the learner's own shell. */
    private static Session learnerSession() {
        Session session = new Session();
        java.nio.file.Path progress = TutorialEngine.defaultProgressFile();
        TutorialEngine engine = TutorialEngine.of(session);
        try {
            engine.useProgressFile(progress);
            engine.takeNotices().forEach(System.err::println);
        } catch (java.io.IOException e) {
            // An unreadable progress file that could not be moved aside: progress stays in memory.
            System.err.println(e.getMessage());
        }
        Long salt = kextshell.cli.LearnerSalt.load(progress.resolveSibling("learner-seed"),
                java.time.Clock.systemUTC(), System.err::println);
        if (salt != null) {
            engine.useLearnerSalt(salt);
        }
        return session;
    }

    /** ./kextshell tutorial validate [--update] [ID...], or ./kextshell tutorial ID to start a lesson. */
    private static int tutorial(String[] args, InputStream in, PrintStream out, PrintStream err) {
        if (args.length >= 2 && args[1].equals("validate")) {
            return Tutorials.main(java.util.Arrays.asList(args).subList(1, args.length), out);
        }
        if (args.length != 2) {
            err.println("usage: kextshell tutorial ID | kextshell tutorial validate [--update] [ID...]");
            return 2;
        }
        Session session = learnerSession();
        Result started = session.execute("tutorial start " + args[1]);
        out.print(started.output());
        if (started.exitCode() != 0) {
            return started.exitCode();
        }
        return in == System.in && Tty.interactive()
                ? Interactive.start(java.util.concurrent.CompletableFuture.completedFuture(session), in, out, err)
                : Piped.run(session, in, out, err);
    }
}
