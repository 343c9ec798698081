package kextshell.shell;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.LongFunction;
import java.util.function.Supplier;
import java.util.function.Consumer;
import kextshell.kernel.Kernel;
import kextshell.kexts.SampleKexts;

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

    private SessionConfig config;
    private final LongFunction<Kernel> kernelFactory;
    private Kernel kernel;
    private SessionHook hook;
    private final Map<String, ShellCommand> commands = new TreeMap<>();
    private boolean rootShell;
    private boolean exited;
    private Result last = new Result("", 0);
    private final List<BiConsumer<String, Result>> listeners = new ArrayList<>();
    private final Map<CompletionKind, Supplier<List<String>>> completionValues = new EnumMap<>(CompletionKind.class);
    private final List<Consumer<Console>> afterCommand = new ArrayList<>();
    private final Map<Class<?>, Object> toolState = new HashMap<>();
    private String cwd = HOME;
    private String previousDirectory = HOME;

    public Session() {
        this(SessionConfig.defaults());
    }

    public Session(SessionConfig config) {
        this(config, Session::bootKernel);
    }

    /**
     * A session whose kernel comes from {@code kernelFactory}, called with the config's seed. The
     * robustness tests use it to run the shell on a deliberately broken kernel
     * ({@code seed -> new Kernel(seed, SampleKexts.bundles(), EnumSet.of(fault))}). Anything that
     * boots this session's kernel again (a future reset) must go through {@link #kernelFactory()}
     * so such a session stays on its kind of kernel.
     */
    public Session(SessionConfig config, LongFunction<Kernel> kernelFactory) {
        this.config = config;
        this.kernelFactory = kernelFactory;
        this.kernel = kernelFactory.apply(config.seed());
        KernelCompletions.install(this);
        for (ShellCommand command : Commands.all()) {
            commands.put(command.name(), command);
        }
    }

    /** The normal kernel: the sample kexts on disk, no faults. What {@code new Session(config)} boots. */
    public static Kernel bootKernel(long seed) {
        return new Kernel(seed, SampleKexts.bundles());
    }

    /** How this session boots a kernel from a seed (see {@link #Session(SessionConfig, LongFunction)}). */
    public LongFunction<Kernel> kernelFactory() {
        return kernelFactory;
    }

    /** The emulated kernel this session's commands act on. */
    public Kernel kernel() {
        return kernel;
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
     * like {@link #execute} but the hook's {@code answer}/{@code after} and the listeners are
     * skipped, so a recording keeps only the line the user typed.
     */
    public Result executeNested(String line) {
        return run(line == null ? "" : line, false);
    }

    private Result run(String line, boolean typed) {
        kernel.beginCommand(); // a command boundary: the journal and log may drop old entries here
        Console console = new Console();
        int status;
        try {
            java.util.OptionalInt answered = typed && hook != null ? hook.answer(line, console)
                    : java.util.OptionalInt.empty();
            status = answered.isPresent() ? answered.getAsInt() : dispatch(line, console);
            if (status != 0 && answered.isEmpty() && typed) {
                hintNearMisses(line, console);
            }
        } catch (RuntimeException | StackOverflowError e) {
            status = internalError(line, e, console);
        }
        // Messages client processes received while the command ran are printed after its output.
        for (String notice : kernel.userSpace().drainNotices()) {
            console.out(notice);
        }
        for (Consumer<Console> printer : List.copyOf(afterCommand)) {
            printer.accept(console);
        }
        if (typed && hook != null) {
            try {
                hook.after(line, new Result(console.text(), status), console);
            } catch (RuntimeException | StackOverflowError e) {
                status = internalError(line, e, console);
            }
        }
        Result result = new Result(console.text(), status);
        last = result;
        if (typed) {
            for (BiConsumer<String, Result> listener : List.copyOf(listeners)) {
                listener.accept(line, result);
            }
        }
        return result;
    }

    private void hintNearMisses(String line, Console console) {
        try {
            List<String> words = Words.split(line);
            if (words.size() > 1 && !(words.get(0).equals("sudo") && words.size() < 3)) {
                ValueHints.afterFailure(this, words, console);
            }
        } catch (Words.UnmatchedQuote e) {
            // nothing to suggest for a line that did not parse
        }
    }

    private static int internalError(String line, Throwable e, Console console) {
        // A bug in kextshell, not in the learner's input: say so without a stack trace.
        console.err("kextshell: internal error in '" + firstWord(line) + "' (" + e.getClass().getSimpleName()
                + "); the session state is unchanged up to the failing step");
        return 70;
    }

    /**
     * Throws the kernel away and boots a fresh one from {@code seed} through the session's kernel
     * factory (lesson start, reset, undo), so a deliberately broken session stays broken. The shell
     * goes back to the learner user in the home directory and {@code $?} to 0; the commands, their
     * per-session state, the hook and the listeners stay.
     */
    public void resetKernel(long seed) {
        config = config.withSeed(seed);
        kernel = kernelFactory.apply(seed);
        rootShell = false;
        cwd = HOME;
        previousDirectory = HOME;
        last = new Result("", 0);
    }

    /** Installs the one {@link SessionHook} (null removes it); a second hook replaces the first. */
    public void setHook(SessionHook newHook) {
        hook = newHook;
    }

    private int dispatch(String line, Console console) {
        List<String> words;
        try {
            words = Words.split(line);
        } catch (Words.UnmatchedQuote e) {
            console.err("kextshell: " + e.getMessage());
            return 1;
        }
        if (words.isEmpty()) {
            return last.exitCode();
        }
        // Every command takes a little time, so the log's timestamps move like a real session's;
        // timers that fall due meanwhile (autounload, a driver's I/O) fire first.
        // `record` is left out of recordings, so it takes no time: a replay must see the same clock.
        if (!words.get(0).equals("record")) {
            kernel.advance(COMMAND_TIME_NS);
        }
        return runWords(words, rootShell, console);
    }

    /**
     * Runs one command. {@code sudo CMD} is unwrapped in a loop, not by recursion, so a line of
     * 8,000 {@code sudo}s costs a few microseconds instead of the thread's stack.
     */
    int runWords(List<String> words, boolean asRoot, Console console) {
        while (true) {
            String name = words.get(0);
            boolean builtin = name.equals("exit") || name.equals("whoami") || name.equals("sudo");
            if (hook != null && (builtin || commands.containsKey(name))) {
                String refusal = hook.refuse(name);
                if (refusal != null) {
                    console.err(refusal);
                    return 1;
                }
            }
            List<String> args = words.subList(1, words.size());
            switch (name) {
                case "exit":
                    if (rootShell) {
                        rootShell = false;
                    } else {
                        exited = true;
                    }
                    return 0;
                case "whoami":
                    console.out(asRoot ? "root" : DEFAULT_USER);
                    return 0;
                case "sudo":
                    Sudo step = sudo(args, console);
                    if (step.command() == null) {
                        return step.status();
                    }
                    words = step.command();
                    asRoot = true;
                    continue;
                default:
                    return runCommand(name, args, asRoot, console);
            }
        }
    }

    private int runCommand(String name, List<String> args, boolean asRoot, Console console) {
        ShellCommand command = commands.get(name);
        if (command == null) {
            console.err("kextshell: command not found: " + name);
            List<String> near = Suggest.closest(name, commands.keySet());
            if (!near.isEmpty()) {
                console.err("kextshell: " + Suggest.didYouMean(near));
            }
            return 127;
        }
        return command.run(new Invocation(this, console, asRoot), args);
    }

    /** What {@code sudo ARGS} comes to: a command to run as root, or a status when it ends here. */
    private record Sudo(List<String> command, int status) {
    }

    private Sudo sudo(List<String> args, Console console) {
        if (args.isEmpty()) {
            console.err("usage: sudo -s | sudo command");
            return new Sudo(null, 1);
        }
        if (args.get(0).equals("-s") && args.size() == 1) {
            rootShell = true;
            return new Sudo(null, 0);
        }
        if (args.get(0).equals("-s")) {
            // sudo -s COMMAND runs COMMAND through a root shell.
            return new Sudo(args.subList(1, args.size()), 0);
        }
        if (args.get(0).startsWith("--") && args.get(0).length() > 2) {
            console.err("sudo: unrecognized option `" + args.get(0) + "'");
            console.err("usage: sudo -s | sudo command");
            return new Sudo(null, 1);
        }
        if (args.get(0).startsWith("-") && args.get(0).length() > 1) {
            console.err("sudo: illegal option -- " + args.get(0).charAt(1));
            console.err("usage: sudo -s | sudo command");
            return new Sudo(null, 1);
        }
        return new Sudo(args, 0);
    }

    /**
     * After-command printers: each runs after every executed line (after client notices), and what
     * it writes becomes part of that line's output. {@code log stream on} uses one to print the
     * kernel log lines the command produced. Printers keep their own state (e.g. how much of the
     * log they have shown); the session only calls them.
     */
    public void addAfterCommandPrinter(Consumer<Console> printer) {
        afterCommand.add(printer);
    }

    public void removeAfterCommandPrinter(Consumer<Console> printer) {
        afterCommand.remove(printer);
    }

    /** Called after every executed line with the line and its result (recording, tutorials). */
    public void addListener(BiConsumer<String, Result> listener) {
        listeners.add(listener);
    }

    public void removeListener(BiConsumer<String, Result> listener) {
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
        return (rootShell ? "root" : DEFAULT_USER) + "@" + HOST + " " + promptDirectory() + (rootShell ? " # " : " % ");
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
