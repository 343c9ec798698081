package kextshell.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import kextshell.kernel.Kernel;
import kextshell.kexts.SampleKexts;

/**
 * The shell's core: one line in, one {@link Result} out. No terminal, no JLine, no System.out;
 * the interactive front end, transcript replay and the tests all drive this same method.
 */
public final class Session {
    public static final String DEFAULT_USER = "learner";
    public static final String HOST = "kextlab";

    private SessionConfig config;
    private Kernel kernel;
    private SessionHook hook;
    private final Map<Class<?>, Object> toolState = new HashMap<>();
    private final Map<String, ShellCommand> commands = new TreeMap<>();
    private boolean rootShell;
    private boolean exited;
    private Result last = new Result("", 0);
    private final List<BiConsumer<String, Result>> listeners = new ArrayList<>();

    public Session() {
        this(SessionConfig.defaults());
    }

    public Session(SessionConfig config) {
        this.config = config;
        this.kernel = new Kernel(config.seed(), SampleKexts.bundles());
        for (ShellCommand command : Commands.all()) {
            commands.put(command.name(), command);
        }
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
        Console console = new Console();
        int status;
        try {
            OptionalInt answered = typed && hook != null ? hook.answer(line, console) : OptionalInt.empty();
            status = answered.isPresent() ? answered.getAsInt() : dispatch(line, console);
        } catch (RuntimeException | StackOverflowError e) {
            status = internalError(line, e, console);
        }
        // Messages client processes received while the command ran are printed after its output.
        for (String notice : kernel.userSpace().drainNotices()) {
            console.out(notice);
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

    private static int internalError(String line, Throwable e, Console console) {
        // A bug in kextshell, not in the learner's input: say so without a stack trace.
        console.err("kextshell: internal error in '" + firstWord(line) + "' (" + e.getClass().getSimpleName()
                + "); the session state is unchanged up to the failing step");
        return 70;
    }

    /**
     * Throws the kernel away and boots a fresh one from {@code seed} (lesson start, reset, undo).
     * The shell goes back to the learner user and {@code $?} to 0; the commands, their
     * per-session state, the hook and the listeners stay. The config's seed becomes {@code seed},
     * so a recording made afterwards names the seed it needs.
     */
    public void resetKernel(long seed) {
        config = config.withSeed(seed);
        kernel = new Kernel(seed, SampleKexts.bundles());
        rootShell = false;
        last = new Result("", 0);
    }

    /** Installs the one {@link SessionHook} (null removes it); a second hook replaces the first. */
    public void setHook(SessionHook newHook) {
        hook = newHook;
    }

    /** Adds (or replaces) a command in this session only; tests use it for stand-in tools. */
    public void register(ShellCommand command) {
        commands.put(command.name(), command);
    }

    /**
     * State a tool keeps for the whole session, created on first use; one instance per key class
     * per session.
     */
    public <T> T toolState(Class<T> key, Supplier<T> create) {
        return key.cast(toolState.computeIfAbsent(key, k -> create.get()));
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
        return runWords(words, rootShell, console);
    }

    int runWords(List<String> words, boolean asRoot, Console console) {
        String name = words.get(0);
        List<String> args = words.subList(1, words.size());
        boolean builtin = name.equals("exit") || name.equals("whoami") || name.equals("sudo");
        if (hook != null && (builtin || commands.containsKey(name))) {
            String refusal = hook.refuse(name);
            if (refusal != null) {
                console.err(refusal);
                return 1;
            }
        }
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
                return sudo(args, console);
            default:
                break;
        }
        ShellCommand command = commands.get(name);
        if (command == null) {
            console.err("kextshell: command not found: " + name);
            return 127;
        }
        return command.run(new Invocation(this, console, asRoot), args);
    }

    private int sudo(List<String> args, Console console) {
        if (args.isEmpty()) {
            console.err("usage: sudo -s | sudo command");
            return 1;
        }
        if (args.get(0).equals("-s") && args.size() == 1) {
            rootShell = true;
            return 0;
        }
        return runWords(args, true, console);
    }

    /** Called after every executed line with the line and its result (recording, tutorials). */
    public void addListener(BiConsumer<String, Result> listener) {
        listeners.add(listener);
    }

    public void removeListener(BiConsumer<String, Result> listener) {
        listeners.remove(listener);
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

    public String prompt() {
        return rootShell ? "root@" + HOST + " ~ # " : DEFAULT_USER + "@" + HOST + " ~ % ";
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
