package kextshell.app;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.LongFunction;
import kextshell.compare.CompareCommand;
import kextshell.kernel.Kernel;
import kextshell.lab.LabCommand;
import kextshell.lab.LabUserKexts;
import kextshell.lab.SessionLabFiles;
import kextshell.kexts.SampleKexts;
import kextshell.shell.Help;
import kextshell.shell.Session;
import kextshell.shell.SessionConfig;
import kextshell.shell.SessionFactory;
import kextshell.shell.ShellCommand;
import kextshell.trace.command.TraceCommand;
import kextshell.tools.files.CatCommand;
import kextshell.tools.files.CdCommand;
import kextshell.tools.files.CpCommand;
import kextshell.tools.files.HostHomeStore;
import kextshell.tools.files.KextInfoCommand;
import kextshell.tools.files.LsCommand;
import kextshell.tools.files.MkdirCommand;
import kextshell.tools.files.MvCommand;
import kextshell.tools.files.PwdCommand;
import kextshell.tools.files.RmCommand;
import kextshell.tools.files.SessionFiles;
import kextshell.tools.files.TouchCommand;
import kextshell.tools.ioreg.IoregCommand;
import kextshell.tools.kext.KextloadCommand;
import kextshell.tools.kext.KextstatCommand;
import kextshell.tools.kext.KextunloadCommand;
import kextshell.tools.kext.KextutilCommand;
import kextshell.tools.kext.UserKexts;
import kextshell.tools.process.CallCommand;
import kextshell.tools.process.CloseCommand;
import kextshell.tools.process.DeviceCommand;
import kextshell.tools.process.KillCommand;
import kextshell.tools.process.LaunchCommand;
import kextshell.tools.process.NotifyCommand;
import kextshell.tools.process.PsCommand;
import kextshell.tools.system.DateCommand;
import kextshell.tools.system.DmesgCommand;
import kextshell.tools.system.LogCommand;
import kextshell.tools.system.SleepCommand;
import kextshell.tools.text.ClearCommand;
import kextshell.tools.text.CutCommand;
import kextshell.tools.text.EchoCommand;
import kextshell.tools.text.FalseCommand;
import kextshell.tools.text.GrepCommand;
import kextshell.tools.text.HeadCommand;
import kextshell.tools.text.PrintfCommand;
import kextshell.tools.text.SortCommand;
import kextshell.tools.text.TailCommand;
import kextshell.tools.text.TeeCommand;
import kextshell.tools.text.TrCommand;
import kextshell.tools.text.TrueCommand;
import kextshell.tools.text.UniqCommand;
import kextshell.tools.text.WcCommand;
import kextshell.tools.text.HistoryCommand;
import kextshell.tools.text.ManCommand;
import kextshell.tools.text.PagerCommand;
import kextshell.tools.text.TypedLines;
import kextshell.transcript.RecordCommand;
import kextshell.tutorial.TutorialCommands;

/**
 * The composition root: the only place that knows every command and the sample kexts, and wires
 * them into sessions. A new tool is one line in {@link #commands()}.
 */
public final class Kextshell {
    private Kextshell() {
    }

    /** The normal kernel: the sample kexts on disk, no faults. */
    public static Kernel bootKernel(long seed) {
        return new Kernel(seed, SampleKexts.bundles());
    }

    /** Every command the shell offers beyond its built-ins (exit, sudo, whoami), by family. */
    public static List<ShellCommand> commands() {
        List<ShellCommand> all = new ArrayList<>();
        all.add(new Help());
        all.add(new RecordCommand());
        // kext tools
        all.add(new KextloadCommand());
        all.add(new KextunloadCommand());
        all.add(new KextstatCommand());
        all.add(new KextutilCommand());
        // ioreg
        all.add(new IoregCommand());
        // system: logs and time
        all.add(new LogCommand());
        all.add(new DmesgCommand());
        all.add(new SleepCommand());
        all.add(new DateCommand());
        // client processes and devices
        all.add(new LaunchCommand());
        all.add(new PsCommand());
        all.add(new CallCommand());
        all.add(new CloseCommand());
        all.add(new KillCommand());
        all.add(new NotifyCommand());
        all.add(new DeviceCommand());
        // files
        all.add(new LsCommand());
        all.add(new CatCommand());
        all.add(new CdCommand());
        all.add(new PwdCommand());
        all.add(new KextInfoCommand());
        all.add(new MkdirCommand());
        all.add(new TouchCommand());
        all.add(new CpCommand());
        all.add(new MvCommand());
        all.add(new RmCommand());
        // text tools
        all.add(new GrepCommand());
        all.add(new HeadCommand());
        all.add(new TailCommand());
        all.add(new WcCommand());
        all.add(new SortCommand());
        all.add(new UniqCommand());
        all.add(new CutCommand());
        all.add(new TrCommand());
        all.add(new EchoCommand());
        all.add(new PrintfCommand());
        all.add(new TeeCommand());
        all.add(new TrueCommand());
        all.add(new FalseCommand());
        all.add(new ClearCommand());
        // the strategy comparison and the driver lab
        all.add(new CompareCommand());
        all.add(new LabCommand(inv -> new SessionLabFiles(inv.files())));
        // pictures: the termination as a sequence diagram
        all.add(new TraceCommand());
        // help and the shell's own text tools
        all.add(new ManCommand());
        all.add(PagerCommand.less());
        all.add(PagerCommand.more());
        all.add(new HistoryCommand());
        // tutorials: tutorial, goal, hint, solution, reset, undo, progress, check
        all.addAll(TutorialCommands.all());
        return List.copyOf(all);
    }

    public static Session newSession() {
        return newSession(SessionConfig.defaults());
    }

    public static Session newSession(SessionConfig config) {
        return newSession(config, Kextshell::bootKernel);
    }

    /** A session on a kernel of the caller's making (the robustness tests' broken kernels). */
    public static Session newSession(SessionConfig config, LongFunction<Kernel> kernelFactory) {
        return wire(new Session(config, kernelFactory, commands(), new SessionFiles()));
    }

    /** What each session gets besides its commands: the driver lab's kexts for the kext tools. */
    private static Session wire(Session session) {
        session.toolState(UserKexts.class, LabUserKexts::new);
        session.toolState(SessionFactory.class, Kextshell::sessions); // fresh sessions for export-html
        TypedLines.of(session); // history sees every typed line from the first
        Completions.install(session);
        return session;
    }

    /**
     * The learner's own shell (interactive, piped or -c): its home persists on the host under
     * {@code ~/.kextshell/home}; problems with stored files go to {@code report}, one line each.
     * Transcripts, lessons and tests use {@link #newSession()}, whose home is fresh and in memory.
     */
    public static Session newLearnerSession(Consumer<String> report) {
        SessionFiles files = new SessionFiles().persistTo(HostHomeStore.inHostHome(report));
        return wire(new Session(SessionConfig.defaults(), Kextshell::bootKernel, commands(), files));
    }

    /** What replay, validation and the benchmarks use to make fresh sessions. */
    public static SessionFactory sessions() {
        return Kextshell::newSession;
    }
}
