package kextshell.app;

import java.io.PrintWriter;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import kextshell.bench.BenchCommand;
import kextshell.cli.Version;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.Suggest;
import kextshell.shell.Sysexits;
import kextshell.transcript.RecordCommand;
import kextshell.transcript.Recorder;
import kextshell.transcript.ReplayCommand;
import kextshell.tutorial.Tutorials;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;

/**
 * The launcher's own command line, on picocli: the modes ({@code replay}, {@code tutorial},
 * {@code bench}) are subcommands, so {@code --help} lists them all. Every usage error is one line
 * {@code kextshell: MESSAGE}, a did-you-mean when one is near, a pointer to --help, and status 64.
 */
@Command(name = "kextshell", sortOptions = false, usageHelpAutoWidth = false,
        description = {"A teaching shell for the macOS 10.15.7 kext tools.",
            "With no arguments: the shell (a line editor on a terminal, otherwise one command per line of stdin).",
            "Inside the shell, type 'help' for the commands and 'tutorial list' to start learning."},
        subcommands = {Launcher.Replay.class, Launcher.Tutorial.class, Launcher.Bench.class})
final class Launcher implements Callable<Integer> {
    @Option(names = "-c", paramLabel = "LINE", description = "Run one command line and exit with its status, like sh -c.")
    private String command;

    @Option(names = "--record", paramLabel = "FILE", description = "Run the shell and write the session to FILE as a transcript.")
    private String record;

    @Option(names = "--force", description = "With --record: replace FILE if it exists.")
    private boolean force;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help and exit.")
    private boolean help;

    @Option(names = {"-V", "--version"}, versionHelp = true, description = "Print the version and exit.")
    private boolean version;

    private Main.Streams streams;

    static int run(String[] args, Main.Streams streams) {
        Launcher launcher = new Launcher();
        launcher.streams = streams;
        CommandLine cl = new CommandLine(launcher);
        cl.setColorScheme(CommandLine.Help.defaultColorScheme(CommandLine.Help.Ansi.OFF));
        cl.setExpandAtFiles(false);
        cl.setOut(new PrintWriter(streams.out(), true));
        cl.setErr(new PrintWriter(streams.err(), true));
        cl.getCommandSpec().version("kextshell " + Version.get());
        cl.setParameterExceptionHandler(Launcher::usageError);
        cl.setExecutionExceptionHandler((e, c, parsed) -> {
            streams.err().println("kextshell: internal error (" + e.getClass().getSimpleName() + ")");
            return Sysexits.EX_SOFTWARE;
        });
        return cl.execute(args);
    }

    private static int usageError(ParameterException e, String[] args) {
        PrintWriter err = e.getCommandLine().getErr();
        err.println("kextshell: " + e.getMessage());
        List<String> known = new ArrayList<>(e.getCommandLine().getCommandSpec().optionsMap().keySet());
        known.addAll(e.getCommandLine().getSubcommands().keySet());
        String offending = args.length > 0 ? args[0] : "";
        List<String> near = Suggest.closest(offending, known);
        if (!near.isEmpty() && !known.contains(offending)) {
            err.println("kextshell: " + Suggest.didYouMean(near));
        }
        err.println("kextshell: try '" + e.getCommandLine().getCommandSpec().qualifiedName() + " --help'");
        err.flush();
        return Sysexits.EX_USAGE;
    }

    @Override
    public Integer call() {
        if (command != null && record != null) {
            throw new ParameterException(new CommandLine(this), "-c and --record cannot be used together");
        }
        if (command != null) {
            Session session = Kextshell.newLearnerSession(streams.err()::println);
            Result result = session.execute(command);
            print(result);
            return session.exited() ? session.exitStatus() : result.exitCode();
        }
        if (record != null) {
            return record(record);
        }
        return Main.shell(streams);
    }

    /** Each chunk to its own stream, in the order written, as a process would. */
    private void print(Result result) {
        for (Result.Chunk chunk : result.chunks()) {
            (chunk.stderr() ? streams.err() : streams.out()).print(chunk.text());
        }
        streams.out().flush();
        streams.err().flush();
    }

    /** --record FILE: a normal session (interactive or piped) written out as a transcript. */
    private int record(String file) {
        Session session = Kextshell.newSession();
        Recorder recorder;
        try {
            recorder = RecordCommand.recordSession(session, kextshell.store.HostFiles.path(file), force);
        } catch (java.io.IOException e) {
            streams.err().println("kextshell: --record: " + e.getMessage());
            return Sysexits.EX_CANTCREAT;
        }
        int status = Main.shell(session, streams);
        streams.err().println(recorder.finish());
        return status;
    }

    @Command(name = "replay", description = "Play, check (--check) or bless (--update) transcripts; replay --help for more.")
    static final class Replay implements Callable<Integer> {
        @CommandLine.ParentCommand
        private Launcher parent;

        @CommandLine.Unmatched
        private List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            return ReplayCommand.run(args.toArray(String[]::new), parent.streams.in(), parent.streams.out(),
                    Kextshell.sessions());
        }
    }

    @Command(name = "tutorial", description = "Start lesson ID in the shell, or check every lesson: tutorial validate [--update] [ID...].")
    static final class Tutorial implements Callable<Integer> {
        @CommandLine.ParentCommand
        private Launcher parent;

        @Parameters(index = "0", paramLabel = "ID|validate", description = "A lesson id, or validate.")
        private String first;

        @CommandLine.Unmatched
        private List<String> rest = new ArrayList<>();

        @Override
        public Integer call() {
            Main.Streams s = parent.streams;
            if (first.equals("validate")) {
                List<String> all = new ArrayList<>(List.of("validate"));
                all.addAll(rest);
                return Tutorials.main(Kextshell.sessions(), all, s.out());
            }
            if (!rest.isEmpty()) {
                throw new ParameterException(new CommandLine(this), "tutorial takes one lesson id");
            }
            Session session = Main.learnerSession(s.err());
            Result started = session.execute("tutorial start " + first);
            if (started.exitCode() != 0) {
                s.out().print(started.output());
                return started.exitCode();
            }
            // The banner first, then the lesson, so the lesson is what is on screen at the first prompt.
            return Main.shell(session, s, started.output());
        }
    }

    @Command(name = "bench", description = "Run the benchmarks: bench [startup|replay|scale|shell|lab|trace|registry|hardening|memory|all] (see BENCHMARKS.md).")
    static final class Bench implements Callable<Integer> {
        @CommandLine.ParentCommand
        private Launcher parent;

        @CommandLine.Unmatched
        private List<String> args = new ArrayList<>();

        @Override
        public Integer call() {
            return BenchCommand.run(args.toArray(String[]::new), parent.streams.out(), parent.streams.err(),
                    Kextshell.sessions());
        }
    }
}
