package kextshell.shell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.OptionalInt;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import kextshell.kernel.Kernel;
import kextshell.kernel.KernelPanic;
import kextshell.shell.syntax.Ast.Script;
import kextshell.shell.syntax.Ast.SimpleCommand;
import kextshell.shell.syntax.ParseException;
import kextshell.shell.syntax.Parser;

/**
 * The shell's core: one line in, one {@link Result} out. No terminal, no JLine, no System.out;
 * the interactive front end, transcript replay and the tests all drive this same method.
 */
public final class Session implements CompletionSource {
    public static final String DEFAULT_USER = "learner";
    public static final String HOST = "kextlab";
    /** Virtual time one command line takes to type and run: 10 ms. */
    public static final long COMMAND_TIME_NS = 10_000_000L;
    /** The learner's home directory in the virtual filesystem; the prompt shows it as {@code ~}. */
    public static final String HOME = "/Users/" + DEFAULT_USER;
    /** {@code $$}: the login shell's pid, below the client daemons' (which start at 400). */
    public static final int SHELL_PID = 312;

    private SessionConfig config;
    private final LongFunction<Kernel> kernelFactory;
    private Kernel kernel;
    private final Map<String, ShellCommand> commands = new TreeMap<>();
    private boolean rootShell;
    private boolean exited;
    private int exitStatus;
    /** {@code $?}: the status of the last pipeline (updated inside a line too, for {@code a; echo $?}). */
    private int lastStatus;
    private final Executor executor = new Executor(this);
    private Result last = new Result("", 0);
    private final List<SessionListener> listeners = new ArrayList<>();
    private final Map<CompletionKind, Supplier<List<String>>> completionValues = new EnumMap<>(CompletionKind.class);
    private final Map<Class<?>, Object> toolState = new HashMap<>();
    private final FileSystem files;
    private String cwd = HOME;
    private String previousDirectory = HOME;

    /**
     * A session whose kernel comes from {@code kernelFactory}, called with the config's seed, and
     * whose commands are {@code commands} (the composition root, {@code kextshell.app}, knows them
     * all). The robustness tests pass a deliberately broken kernel factory; anything that boots this
     * session's kernel again goes through {@link #kernelFactory()}, so such a session stays broken.
     */
    public Session(SessionConfig config, LongFunction<Kernel> kernelFactory, List<ShellCommand> commands,
            FileSystem files) {
        this.config = config;
        this.files = files;
        this.kernelFactory = kernelFactory;
        // The kernel boots on first use (kernel()): its boot image (158 kexts, 300+ registry
        // entries) is not paid by a session that only starts and exits.
        KernelCompletions.install(this);
        CommandMarks.install(this);
        for (ShellCommand command : Builtins.all()) {
            this.commands.put(command.name(), command);
        }
        for (ShellCommand command : commands) {
            this.commands.put(command.name(), command);
        }
    }

    /** How this session boots a kernel from a seed (see {@link #Session(SessionConfig, LongFunction)}). */
    public LongFunction<Kernel> kernelFactory() {
        return kernelFactory;
    }

    /** The files this session sees; they survive {@link #resetKernel}, as a Mac's disk survives a reboot. */
    public FileSystem files() {
        return files;
    }

    /** Whether the kernel has booted yet (it boots on the first {@link #kernel()} call). */
    public boolean kernelBooted() {
        return kernel != null;
    }

    /** The emulated kernel this session's commands act on. */
    public Kernel kernel() {
        if (kernel == null) {
            kernel = kernelFactory.apply(config.seed());
            if (pendingNs > 0) {
                kernel.advance(pendingNs); // the lines typed before it booted took their time too
                pendingNs = 0;
            }
        }
        return kernel;
    }

    /**
     * Virtual time that passed before the kernel was booted: a line that never needs the kernel
     * ({@code exit}, {@code whoami}, {@code echo}) does not boot it, so a piped {@code exit} stays fast.
     */
    private long pendingNs;

    private void advanceClock(long ns) {
        if (kernel == null) {
            pendingNs += ns;
        } else {
            kernel.advance(ns);
        }
    }

    public SessionConfig config() {
        return config;
    }

    /** Runs one input line. Never throws: any failure becomes a message and a non-zero status. */
    public Result execute(String line) {
        return run(line == null ? "" : line, true);
    }

    /**
     * Runs a line on behalf of another command (a lesson's Setup, a replayed Solution, undo):
     * like {@link #execute} but the listeners' {@code answer}, {@code after} and {@code executed} are
     * skipped, so a recording keeps only the line the user typed.
     */
    public Result executeNested(String line) {
        return run(line == null ? "" : line, false);
    }

    private Result run(String line, boolean typed) {
        if (kernel != null) {
            kernel.beginCommand(); // a command boundary: the journal and log may drop old entries here
        }
        Console console = new Console();
        int status;
        OptionalInt answered = OptionalInt.empty();
        try {
            answered = typed ? answer(line, console) : OptionalInt.empty();
            status = answered.isPresent() ? answered.getAsInt() : dispatch(line, console);
            if (status != 0 && answered.isEmpty() && typed && status != Sysexits.NOT_FOUND) {
                hintNearMisses(console);
            }
        } catch (KernelPanic panic) {
            status = reboot(panic, console);
        } catch (RuntimeException | StackOverflowError e) {
            status = internalError(line, e, console);
        }
        // Messages client processes received while the command ran are printed after its output.
        for (String notice : kernel == null ? List.<String>of() : kernel.userSpace().drainNotices()) {
            console.out(notice);
        }
        for (SessionListener l : List.copyOf(listeners)) {
            l.afterCommand(console);
        }
        if (typed) {
            try {
                for (SessionListener l : List.copyOf(listeners)) {
                    l.after(line, new Result(console.chunks(), status), console);
                }
            } catch (RuntimeException | StackOverflowError e) {
                status = internalError(line, e, console);
            }
        }
        Result result = new Result(console.chunks(), status, executor.paged() && answered.isEmpty());
        last = result;
        lastStatus = status;
        if (typed) {
            for (SessionListener l : List.copyOf(listeners)) {
                l.executed(line, result);
            }
        }
        return result;
    }

    /** The first listener that answers the line itself (a pending [y/N] question) wins. */
    private OptionalInt answer(String line, Console console) {
        for (SessionListener l : List.copyOf(listeners)) {
            OptionalInt answered = l.answer(line, console);
            if (answered.isPresent()) {
                return answered;
            }
        }
        return OptionalInt.empty();
    }

    private void hintNearMisses(Console console) {
        List<String> words = executor.lastWords();
        if (words.size() > 1 && !(words.get(0).equals("sudo") && words.size() < 3)) {
            ValueHints.afterFailure(this, words, console);
        }
    }

    /**
     * The learner's kext panicked (or hung) the kernel: show the panic report, then "reboot" to a
     * fresh kernel with the same seed. The files, including the learner's own kexts, survive, as a
     * Mac's disk survives a panic.
     */
    private int reboot(KernelPanic panic, Console console) {
        for (String line : panic.report().split("\n", -1)) {
            console.err(line);
        }
        resetKernel(config.seed());
        console.err("kextshell: the Mac restarted after " + (panic.isHang() ? "the hang" : "the kernel panic")
                + "; a fresh kernel is running and your files in ~ are kept");
        return Sysexits.FAILURE;
    }

    private static int internalError(String line, Throwable e, Console console) {
        // A bug in kextshell, not in the learner's input: say so without a stack trace.
        console.err("kextshell: internal error in '" + firstWord(line) + "' (" + e.getClass().getSimpleName()
                + "); the session state is unchanged up to the failing step");
        return Sysexits.EX_SOFTWARE;
    }

    /**
     * Throws the kernel away and boots a fresh one from {@code seed} through the session's kernel
     * factory (lesson start, reset, undo), so a deliberately broken session stays broken. The shell
     * goes back to the learner user in the home directory and {@code $?} to 0; the commands, their
     * per-session state and the listeners stay; each listener hears {@link SessionListener#kernelReplaced}.
     */
    public void resetKernel(long seed) {
        config = config.withSeed(seed);
        Kernel previous = kernel;
        kernel = kernelFactory.apply(seed);
        pendingNs = 0;
        rootShell = false;
        cwd = HOME;
        previousDirectory = HOME;
        last = new Result("", 0);
        lastStatus = 0;
        for (SessionListener l : List.copyOf(listeners)) {
            l.kernelReplaced(previous, kernel);
        }
    }

    private int dispatch(String line, Console console) {
        Script script;
        try {
            script = Parser.parse(line);
        } catch (ParseException e) {
            console.err(e.getMessage());
            return Sysexits.FAILURE;
        }
        if (script.items().isEmpty()) {
            return lastStatus;
        }
        // Every command line takes a little time, so the log's timestamps move like a real session's;
        // timers that fall due meanwhile (autounload, a driver's I/O) fire first.
        // `record` is left out of recordings, so it takes no time: a replay must see the same clock.
        List<SimpleCommand> all = script.commands();
        if (!(all.size() == 1 && all.get(0).name().equals("record"))) {
            advanceClock(COMMAND_TIME_NS);
        }
        return executor.run(script, console);
    }

    /**
     * Whether {@code text} needs more lines before it can run (an open quote or here-document, a
     * trailing {@code |}, {@code &&}, {@code ||} or backslash), and if so zsh's name for what is
     * open ({@code dquote}, {@code heredoc}, {@code pipe}, ...; "" for a backslash): the front ends
     * prompt {@code NAME> } and join the lines with newlines. Empty when the text is complete or
     * can never be (a syntax error: running it reports the error).
     */
    public static java.util.Optional<String> continuation(String text) {
        try {
            Parser.parse(text);
            return java.util.Optional.empty();
        } catch (ParseException e) {
            return e.incomplete() ? java.util.Optional.of(e.context()) : java.util.Optional.empty();
        }
    }

    /** Runs one command's expanded words; {@code sudo} prefixes are peeled off in a loop, never by recursion. */
    int runWords(List<String> words, boolean asRoot, Console console, String stdin) {
        List<String> w = words;
        boolean root = asRoot;
        while (true) {
            String refusal = refusal(w.get(0));
            if (refusal != null) {
                console.err(refusal);
                return Sysexits.FAILURE;
            }
            if (!w.get(0).equals("sudo")) {
                break;
            }
            List<String> args = w.subList(1, w.size());
            String problem = sudoProblem(args);
            if (problem != null) {
                if (!problem.isEmpty()) {
                    console.err(problem);
                }
                console.err("usage: sudo -s | sudo command");
                return Sysexits.FAILURE;
            }
            if (args.get(0).equals("-s") && args.size() == 1) {
                rootShell = true;
                return Sysexits.EX_OK;
            }
            // sudo -s COMMAND runs COMMAND through a root shell; sudo COMMAND runs it as root.
            w = args.get(0).equals("-s") ? args.subList(1, args.size()) : args;
            root = true;
        }
        return runCommand(w, root, console, stdin);
    }

    private String refusal(String name) {
        if (!commands.containsKey(name) && !name.equals("exit") && !name.equals("whoami") && !name.equals("sudo")) {
            return null;
        }
        for (SessionListener l : List.copyOf(listeners)) {
            String refusal = l.refuse(name);
            if (refusal != null) {
                return refusal;
            }
        }
        return null;
    }

    /** Why sudo can't run these arguments: null if it can, "" for usage only, else the message line. */
    private static String sudoProblem(List<String> args) {
        if (args.isEmpty()) {
            return "";
        }
        String first = args.get(0);
        if (first.startsWith("--") && first.length() > 2) {
            return "sudo: unrecognized option `" + first + "'";
        }
        if (first.startsWith("-") && first.length() > 1 && !first.equals("-s")) {
            return "sudo: illegal option -- " + first.charAt(1);
        }
        return null;
    }

    private int runCommand(List<String> words, boolean root, Console console, String stdin) {
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        switch (name) {
            case "exit":
                return exit(args, console);
            case "whoami":
                console.out(root ? "root" : DEFAULT_USER);
                return Sysexits.EX_OK;
            default:
                break;
        }
        ShellCommand command = commands.get(commandName(name));
        if (command == null && name.contains("/")) {
            console.err("zsh: no such file or directory: " + name);
            return Sysexits.NOT_FOUND;
        }
        if (command == null) {
            console.err("zsh: command not found: " + name);
            List<String> near = Suggest.closest(name, commands.keySet());
            if (!near.isEmpty()) {
                console.err("kextshell: " + Suggest.didYouMean(near));
            }
            return Sysexits.NOT_FOUND;
        }
        return command.run(new Invocation(this, console, root, stdin), args);
    }

    /** A command typed by its path in a system folder ({@code /usr/sbin/kextstat}) is that command. */
    private static String commandName(String typed) {
        int slash = typed.lastIndexOf('/');
        if (slash < 0) {
            return typed;
        }
        String dir = typed.substring(0, slash);
        boolean system = dir.equals("/usr/sbin") || dir.equals("/sbin") || dir.equals("/usr/bin") || dir.equals("/bin");
        return system ? typed.substring(slash + 1) : typed;
    }

    /** {@code exit [N]}: leaves the root shell after {@code sudo -s}, else the session, with N or {@code $?}. */
    private int exit(List<String> args, Console console) {
        int status = lastStatus;
        if (!args.isEmpty()) {
            try {
                status = Integer.parseInt(args.get(0)) & 0xff;
            } catch (NumberFormatException e) {
                console.err("zsh: exit: bad numeric argument: " + args.get(0));
                return Sysexits.FAILURE;
            }
        }
        if (rootShell) {
            rootShell = false;
        } else {
            exited = true;
            exitStatus = status;
        }
        return status;
    }


    /** Adds a listener that runs around every command (see {@link SessionListener}). */
    public void addListener(SessionListener listener) {
        listeners.add(listener);
    }

    public void removeListener(SessionListener listener) {
        listeners.remove(listener);
    }

    /** Adds (or replaces) a command in this session only; tests use it for stand-in tools. */
    public void register(ShellCommand command) {
        commands.put(command.name(), command);
    }

    /**
     * Tab completion: command names for the first word; after {@code sudo}, completion starts over
     * with the next word; otherwise the command decides via {@link ShellCommand#completionFor} and
     * {@link ShellCommand#options()}. Options are also offered whenever the partial word starts
     * with '-'.
     */
    @Override
    public List<String> candidates(List<String> wordsSoFar, String current) {
        if (wordsSoFar.isEmpty()) {
            return completionValues(CompletionKind.COMMAND);
        }
        if (wordsSoFar.get(0).equals("sudo") && wordsSoFar.size() > 1 && !wordsSoFar.get(1).startsWith("-")) {
            return candidates(wordsSoFar.subList(1, wordsSoFar.size()), current);
        }
        ShellCommand command = commands.get(wordsSoFar.get(0));
        if (command == null) {
            return List.of();
        }
        CompletionKind kind = command.completionFor(wordsSoFar.get(wordsSoFar.size() - 1));
        Set<String> found = new LinkedHashSet<>();
        if (kind != CompletionKind.NONE) {
            found.addAll(completionValues(kind));
        }
        if (kind == CompletionKind.NONE || current.startsWith("-")) {
            found.addAll(command.options());
        }
        return List.copyOf(found);
    }

    /**
     * The values the session can offer for one kind of word: command names for
     * {@link CompletionKind#COMMAND}, otherwise whatever {@link #provideCompletionValues} registered
     * (nothing yet for bundle ids, kext paths, classes and pids).
     */
    public List<String> completionValues(CompletionKind kind) {
        if (kind == CompletionKind.COMMAND) {
            return List.copyOf(commands.keySet());
        }
        Supplier<List<String>> supplier = completionValues.get(kind);
        return supplier == null ? List.of() : List.copyOf(supplier.get());
    }

    /** Backs one kind of completion value with live state (e.g. loaded bundle ids from the kernel model). */
    public void provideCompletionValues(CompletionKind kind, Supplier<List<String>> supplier) {
        completionValues.put(kind, supplier);
    }

    public Map<String, ShellCommand> commands() {
        return commands;
    }

    public boolean isRoot() {
        return rootShell;
    }

    public boolean exited() {
        return exited;
    }

    /** The status {@code exit} left with: {@code exit N}, or {@code $?} for a bare {@code exit}. */
    public int exitStatus() {
        return exitStatus;
    }

    /** {@code $?}. */
    public int lastStatus() {
        return lastStatus;
    }

    void setLastStatus(int status) {
        lastStatus = status;
    }

    public Result lastResult() {
        return last;
    }

    /** The current directory: an absolute, normalized path in the virtual filesystem. */
    public String cwd() {
        return cwd;
    }

    /** Sets the current directory (cd validates it first); the old one becomes {@code cd -}'s target. */
    public void setCwd(String directory) {
        if (!directory.startsWith("/")) {
            throw new IllegalArgumentException("not absolute: " + directory);
        }
        previousDirectory = cwd;
        cwd = directory;
    }

    /** OLDPWD: where {@code cd -} goes. */
    public String previousDirectory() {
        return previousDirectory;
    }

    /**
     * State a tool keeps for the whole session (client daemons' exit statuses, for example),
     * created on first use; one instance per key class per session.
     */
    public <T> T toolState(Class<T> key, Supplier<T> create) {
        return key.cast(toolState.computeIfAbsent(key, k -> create.get()));
    }

    /** zsh's default {@code %n@%m %1~ %#}: the last path component, or ~ at home. */
    public String prompt() {
        StringBuilder tags = new StringBuilder();
        for (SessionListener l : listeners) {
            String tag = l.promptTag();
            if (!tag.isEmpty()) {
                tags.append('[').append(tag).append("] ");
            }
        }
        return tags + (rootShell ? "root" : DEFAULT_USER) + "@" + HOST + " " + promptDirectory() + (rootShell ? " # " : " % ");
    }

    private String promptDirectory() {
        if (cwd.equals(HOME)) {
            return "~";
        }
        if (cwd.equals("/")) {
            return "/";
        }
        return cwd.substring(cwd.lastIndexOf('/') + 1);
    }

    private static String firstWord(String line) {
        if (line == null) {
            return "";
        }
        String trimmed = line.strip();
        int space = trimmed.indexOf(' ');
        return space < 0 ? trimmed : trimmed.substring(0, space);
    }
}
