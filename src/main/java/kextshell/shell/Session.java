package kextshell.shell;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import java.util.function.Supplier;
import kextshell.kernel.Kernel;
import kextshell.kexts.SampleKexts;
import java.util.TreeMap;

/**
 * The shell's core: one line in, one {@link Result} out. No terminal, no JLine, no System.out;
 * the interactive front end, transcript replay and the tests all drive this same method.
 */
public final class Session {
    public static final String DEFAULT_USER = "learner";
    public static final String HOST = "kextlab";
    /** The learner's home directory in the virtual filesystem; the prompt shows it as {@code ~}. */
    public static final String HOME = "/Users/" + DEFAULT_USER;

    private final SessionConfig config;
    private final Kernel kernel;
    private final Map<String, ShellCommand> commands = new TreeMap<>();
    private boolean rootShell;
    private boolean exited;
    private Result last = new Result("", 0);
    private final List<BiConsumer<String, Result>> listeners = new ArrayList<>();
    private final Map<Class<?>, Object> toolState = new HashMap<>();
    private String cwd = HOME;
    private String previousDirectory = HOME;

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
        Console console = new Console();
        int status;
        try {
            status = dispatch(line == null ? "" : line, console);
        } catch (RuntimeException | StackOverflowError e) {
            // A bug in kextshell, not in the learner's input: say so without a stack trace.
            console.err("kextshell: internal error in '" + firstWord(line) + "' (" + e.getClass().getSimpleName()
                    + "); the session state is unchanged up to the failing step");
            status = 70;
        }
        // Messages client processes received while the command ran are printed after its output.
        for (String notice : kernel.userSpace().drainNotices()) {
            console.out(notice);
        }
        last = new Result(console.text(), status);
        for (BiConsumer<String, Result> listener : List.copyOf(listeners)) {
            listener.accept(line, last);
        }
        return last;
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
