package kextshell.transcript;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import kextshell.shell.InputEcho;
import kextshell.shell.Result;
import kextshell.shell.Sysexits;
import kextshell.shell.Session;
import kextshell.shell.SessionFactory;
import kextshell.text.Visible;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code kextshell replay [--step | --check | --update | --raw] FILE...}. Plays transcripts as a demo,
 * checks them against the shell, or blesses them. Reads only the files named on the command line;
 * nothing in a file can include another file or be interpolated.
 */
@Command(name = "replay", sortOptions = false, usageHelpAutoWidth = false, exitCodeOnInvalidInput = Sysexits.EX_USAGE,
        description = "Play, check or bless kextshell transcripts (Markdown files with ```kextshell blocks).")
public final class ReplayCommand implements Callable<Integer> {
    @Option(names = "--step", description = "Wait for Enter before each command (live demos).")
    private boolean step;

    @Option(names = "--check", description = "Compare with the expected output; print a diff; exit 1 on any failure.")
    private boolean check;

    @Option(names = "--update", description = "Rewrite each file's expected output in place from the actual output.")
    private boolean update;

    @Option(names = "--html", description = "Write each transcript as a self-contained web page (FILE.html) with a "
            + "sequence diagram under every command that terminated something.")
    private boolean html;

    @Option(names = "-o", paramLabel = "OUT", description = "With --html and one FILE: the page to write.")
    private String htmlOut;

    @Option(names = "--force", description = "With --html: replace existing pages.")
    private boolean force;

    @Option(names = "--raw", description = "When playing to a terminal, print the shell's output unescaped"
            + " (replaying your own recording); otherwise control characters are shown as cat -v does.")
    private boolean raw;

    @Option(names = {"-h", "--help"}, usageHelp = true, description = "Show this help.")
    private boolean help;

    @Parameters(arity = "1..*", paramLabel = "FILE", description = "Transcript files (*.md).")
    private List<String> files;

    private PrintStream out;
    private BufferedReader in;
    private SessionFactory sessions;

    /** Entry point for {@code ./kextshell replay ARGS}; returns the process exit status. */
    public static int run(String[] args, InputStream in, PrintStream out, SessionFactory sessions) {
        ReplayCommand command = new ReplayCommand();
        command.sessions = sessions;
        command.out = out;
        command.in = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
        PrintWriter writer = new PrintWriter(out, true);
        CommandLine cli = new CommandLine(command)
                .setOut(writer)
                .setErr(writer)
                .setExecutionExceptionHandler((e, cmd, parsed) -> {
                    // never a stack trace: a bug here is reported in one line
                    writer.print("replay: internal error (" + e.getClass().getSimpleName() + ")\n");
                    writer.flush();
                    return 70;
                });
        int status = cli.execute(args);
        writer.flush();
        return status;
    }

    @Override
    public Integer call() {
        if (check && update) {
            return usageError("--check and --update cannot be used together");
        }
        if (step && (check || update)) {
            return usageError("--step only applies when playing (without --check or --update)");
        }
        if (html || htmlOut != null || force) {
            return exportHtml();
        }
        if (check) {
            return check();
        }
        if (update) {
            return update();
        }
        return play();
    }

    private int usageError(String message) {
        out.print("replay: " + message + "\n");
        out.flush();
        return Sysexits.EX_USAGE;
    }

    /** Parses one named file, or prints why it can't and returns null. */
    private Transcript load(String name) {
        try {
            Path path = Path.of(name);
            if (Files.isDirectory(path)) {
                throw new TranscriptException(name, 0, "is a directory; name the .md files to replay");
            }
            return TranscriptParser.read(path, name);
        } catch (InvalidPathException e) {
            out.print(name + ": not a valid path\n");
        } catch (TranscriptException e) {
            out.print(e.getMessage() + "\n");
        }
        return null;
    }

    private int play() {
        // The file's own text is always escaped; the shell's output may be raw only on a terminal, on request
        boolean rawToTerminal = raw && System.console() != null;
        boolean ok = true;
        for (String name : files) {
            if (files.size() > 1) {
                out.print("==> " + name + " <==\n");
            }
            Transcript transcript = load(name);
            if (transcript == null) {
                ok = false;
                continue;
            }
            Session session = TranscriptRunner.newSession(sessions, transcript.config());
            for (Block block : transcript.blocks()) {
                for (Step s : block.steps()) {
                    out.print(Visible.escape(InputEcho.text(s.input())));
                    if (step) {
                        out.flush();
                        waitForEnter();
                    }
                    Result result = session.execute(s.input());
                    for (String line : TranscriptRunner.lines(result.output())) {
                        out.print((rawToTerminal ? line : Visible.escape(line)) + "\n");
                    }
                    if (result.exitCode() != 0) {
                        out.print("? " + result.exitCode() + "\n");
                    }
                }
            }
        }
        out.flush();
        return ok ? 0 : 1;
    }

    /** Reads one line; at end of input --step quietly stops pausing. */
    private void waitForEnter() {
        try {
            if (in.readLine() == null) {
                step = false;
            }
        } catch (IOException e) {
            step = false;
        }
    }

    private int exportHtml() {
        if (!html) {
            return usageError("-o and --force only apply with --html");
        }
        if (check || update || step) {
            return usageError("--html cannot be combined with --check, --update or --step");
        }
        if (htmlOut != null && files.size() > 1) {
            return usageError("-o names one page; give one FILE");
        }
        int failed = 0;
        for (String name : files) {
            Transcript transcript = load(name);
            String target = htmlOut != null ? htmlOut : name.replaceFirst("(\\.md)?$", ".html");
            String error = transcript == null ? "" : kextshell.trace.export.HostFiles.write(target,
                    TranscriptHtml.render(transcript, sessions), force);
            if (error == null) {
                out.print("wrote " + target + "\n");
            } else {
                failed++;
                if (!error.isEmpty()) {
                    out.print("replay: " + error + "\n");
                }
            }
        }
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private int check() {
        int passed = 0;
        int failed = 0;
        for (String name : files) {
            Transcript transcript = load(name);
            if (transcript == null) {
                failed++;
                continue;
            }
            TranscriptResult result = TranscriptRunner.run(transcript, sessions);
            if (result.passed()) {
                passed++;
            } else {
                out.print(Visible.escape(result.diff()));
                failed++;
            }
        }
        out.print(passed + " passed, " + failed + " failed\n");
        out.flush();
        return failed == 0 ? 0 : 1;
    }

    private int update() {
        int updated = 0;
        int unchanged = 0;
        int failed = 0;
        for (String name : files) {
            Transcript transcript = load(name);
            if (transcript == null) {
                failed++;
                continue;
            }
            TranscriptResult result = TranscriptRunner.run(transcript, sessions);
            String before = String.join("", transcript.rawLines());
            String after = TranscriptUpdater.update(result);
            if (after.equals(before)) {
                unchanged++;
                continue;
            }
            try {
                TranscriptFiles.write(Path.of(name), after);
                out.print("updated " + name + "\n");
                updated++;
            } catch (IOException e) {
                out.print(name + ": cannot write: " + kextshell.store.HostFiles.reason(e) + "\n");
                failed++;
            }
        }
        out.print(updated + " updated, " + unchanged + " unchanged, " + failed + " failed\n");
        out.flush();
        return failed == 0 ? 0 : 1;
    }
}
