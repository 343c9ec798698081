package kextshell.tools.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;
import kextshell.kernel.Kernel;
import kextshell.kernel.LogLine;
import kextshell.shell.Console;
import kextshell.shell.Invocation;
import kextshell.shell.SessionListener;
import kextshell.shell.ShellCommand;

/**
 * log(1), the unified log, over the model's kernel log: {@code log show} and a kextshell
 * {@code log stream on|off}.
 *
 * <p>Format ({@code --style default}), checked against public samples of real output (10.14-10.15
 * kext IOLog lines such as {@code kernel: (KauthORama) ...}, and later macOS):
 * <pre>
 * Filtering the log data using "sender == "driver""          (only with --predicate)
 * Skipping info and debug messages, pass --info and/or --debug to include.
 * Timestamp                       Thread     Type        Activity             PID    TTL
 * 2020-11-16 09:00:42.137512+0000 0x2f4      Default     0x0                  0      0    kernel: (driver) text
 * --------------------------------------------------------------------------------------------------------------------
 * Log      - Default:          1, Info:                0, Debug:             0, Error:          0, Fault:          0
 * Activity - Create:           0, Transition:          0, Actions:           0
 * </pre>
 * Choices not confirmed by a sample: every kernel line is type Default with PID 0 and TTL 0 (as
 * all kernel samples are); the thread id is a fixed 0x2f4 (real ids vary per kernel thread); the
 * time zone is UTC; counts of 1000 or more use en_US grouping ("106,706", seen in one pasted
 * footer); {@code --last} accepts s/m/h/d suffixes, a bare number as seconds, and {@code boot};
 * the error texts for bad options and predicates and the usage text are kextshell's own, exit 64.
 * The predicate language is a subset: {@code field op "value"} joined by AND, fields
 * {@code sender}, {@code process}, {@code eventMessage}/{@code composedMessage}, ops {@code ==},
 * {@code !=}, {@code CONTAINS}, {@code CONTAINS[c]}, {@code BEGINSWITH}.
 *
 * <p>{@code log stream on} registers an after-command printer with the session (see
 * {@code Session.addAfterCommandPrinter}); from then on the kernel log lines each command
 * produced are printed after its output. One LogCommand exists per session, so its state is
 * per session.
 */
public final class LogCommand implements ShellCommand {
    static final String HEADER = "Timestamp                       Thread     Type        Activity             PID    TTL  ";
    static final String RULE = "-".repeat(116);
    static final String THREAD = "0x2f4";
    private static final DateTimeFormatter STAMP =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSSSSSxx", Locale.ROOT).withZone(ZoneOffset.UTC);

    static final List<String> USAGE = List.of(
            "usage:",
            "    log <command>",
            "",
            "commands:",
            "    show            view/search system logs",
            "    stream          watch live system logs (kextshell: log stream on|off)");

    private StreamPrinter streamPrinter;

    /**
     * {@code log stream on}: after each command, the kernel log lines it produced. A reset boots a
     * new kernel; the printer then follows the new kernel's log from its start.
     */
    private static final class StreamPrinter implements SessionListener {
        private Kernel kernel;
        private int streamed;

        StreamPrinter(Kernel kernel) {
            this.kernel = kernel;
            streamed = kernel.log().size();
        }

        @Override
        public void afterCommand(Console c) {
            for (LogLine line : kernel.log().since(streamed)) {
                c.out(format(line));
            }
            streamed = kernel.log().size();
        }

        @Override
        public void kernelReplaced(Kernel previous, Kernel current) {
            kernel = current; // what the fresh kernel logged while booting is not news
            streamed = current.log().size();
        }
    }

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "log";
    }

    @Override
    public String summary() {
        return "show the unified log (kernel lines)";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Console console = inv.console();
        if (args.isEmpty()) {
            USAGE.forEach(console::err);
            return 64;
        }
        switch (args.get(0)) {
            case "show":
                return show(inv, args.subList(1, args.size()));
            case "stream":
                return stream(inv, args.subList(1, args.size()));
            default:
                console.err("log: unknown command '" + args.get(0) + "'");
                USAGE.forEach(console::err);
                return 64;
        }
    }

    // ------------------------------------------------------------------ show

    private int show(Invocation inv, List<String> args) {
        Console console = inv.console();
        Kernel k = inv.session().kernel();
        boolean info = false;
        boolean debug = false;
        long sinceNs = Long.MIN_VALUE;
        LogPredicate predicate = null;
        for (int i = 0; i < args.size(); i++) {
            String arg = args.get(i);
            String value = null;
            int eq = arg.indexOf('=');
            if (arg.startsWith("--") && eq > 0) {
                value = arg.substring(eq + 1);
                arg = arg.substring(0, eq);
            }
            switch (arg) {
                case "--info" -> info = true;
                case "--debug" -> debug = true;
                case "--last", "--predicate", "--style" -> {
                    if (value == null) {
                        if (i + 1 >= args.size()) {
                            console.err("log: option " + arg + " requires an argument");
                            return 64;
                        }
                        value = args.get(++i);
                    }
                    if (arg.equals("--last")) {
                        if (value.equals("boot")) {
                            sinceNs = Long.MIN_VALUE;
                        } else {
                            long span = parseDuration(value);
                            if (span < 0) {
                                console.err("log: invalid time '" + value + "' for --last (use e.g. 30s, 5m, 1h, 2d or boot)");
                                return 64;
                            }
                            sinceNs = k.clock().now() - span;
                        }
                    } else if (arg.equals("--predicate")) {
                        try {
                            predicate = LogPredicate.parse(value);
                        } catch (IllegalArgumentException e) {
                            console.err("log: invalid predicate: " + e.getMessage());
                            return 64;
                        }
                    } else if (!value.equals("default")) {
                        console.err("log: kextshell supports only --style default");
                        return 64;
                    }
                }
                default -> {
                    console.err("log: unknown option '" + args.get(i) + "'");
                    return 64;
                }
            }
        }
        if (predicate != null) {
            console.out("Filtering the log data using \"" + predicate.description() + "\"");
        }
        if (!info && !debug) {
            console.out("Skipping info and debug messages, pass --info and/or --debug to include.");
        } else if (!debug) {
            console.out("Skipping debug messages, pass --debug to include.");
        }
        console.out(HEADER);
        int count = 0;
        for (LogLine line : k.log().lines()) {
            if (line.timeNs() < sinceNs || (predicate != null && !predicate.test(line))) {
                continue;
            }
            console.out(format(line));
            count++;
        }
        console.out(RULE);
        console.out("Log      - Default: " + num(count, 10) + ", Info: " + num(0, 16) + ", Debug: " + num(0, 13)
                + ", Error: " + num(0, 10) + ", Fault: " + num(0, 10));
        console.out("Activity - Create: " + num(0, 11) + ", Transition: " + num(0, 10) + ", Actions: " + num(0, 11));
        return 0;
    }

    private static String num(long n, int width) {
        return String.format(Locale.US, "%," + width + "d", n);
    }

    /** s/m/h/d suffix or seconds; -1 if malformed. */
    static long parseDuration(String value) {
        if (value.isEmpty()) {
            return -1;
        }
        char unit = value.charAt(value.length() - 1);
        long factor;
        String digits = value.substring(0, value.length() - 1);
        switch (unit) {
            case 's' -> factor = 1;
            case 'm' -> factor = 60;
            case 'h' -> factor = 3600;
            case 'd' -> factor = 86400;
            default -> {
                factor = 1;
                digits = value;
            }
        }
        if (digits.isEmpty() || !digits.chars().allMatch(Character::isDigit) || digits.length() > 9) {
            return -1;
        }
        return Long.parseLong(digits) * factor * 1_000_000_000L;
    }

    /** One line in the default style. */
    static String format(LogLine line) {
        long totalNs = Kernel.BOOT_EPOCH_SECONDS * 1_000_000_000L + line.timeNs();
        Instant t = Instant.ofEpochSecond(Math.floorDiv(totalNs, 1_000_000_000L), Math.floorMod(totalNs, 1_000_000_000L));
        return String.format(Locale.ROOT, "%s %-10s %-11s %-20s %-6s %-4s kernel: %s",
                STAMP.format(t), THREAD, "Default", "0x0", "0", "0", line.message());
    }

    // ------------------------------------------------------------------ stream

    private int stream(Invocation inv, List<String> args) {
        Console console = inv.console();
        Kernel k = inv.session().kernel();
        String mode = args.size() == 1 ? args.get(0) : "";
        switch (mode) {
            case "on" -> {
                if (streamPrinter == null) {
                    streamPrinter = new StreamPrinter(k);
                    inv.session().addListener(streamPrinter);
                    console.out(HEADER);
                }
                return 0;
            }
            case "off" -> {
                if (streamPrinter != null) {
                    inv.session().removeListener(streamPrinter);
                    streamPrinter = null;
                }
                return 0;
            }
            default -> {
                console.err("usage: log stream on|off");
                console.err("kextshell prints new kernel log lines after each command while streaming is on");
                return 64;
            }
        }
    }

    /** The supported predicate subset. */
    static final class LogPredicate implements Predicate<LogLine> {
        private final List<Predicate<LogLine>> terms = new ArrayList<>();
        private final List<String> described = new ArrayList<>();

        static LogPredicate parse(String text) {
            LogPredicate p = new LogPredicate();
            String rest = text.strip();
            while (true) {
                int at = 0;
                while (at < rest.length() && (Character.isLetterOrDigit(rest.charAt(at)))) {
                    at++;
                }
                String field = rest.substring(0, at);
                rest = rest.substring(at).stripLeading();
                int opEnd = 0;
                while (opEnd < rest.length() && !Character.isWhitespace(rest.charAt(opEnd))
                        && rest.charAt(opEnd) != '"' && rest.charAt(opEnd) != '\'') {
                    opEnd++;
                }
                String op = rest.substring(0, opEnd);
                rest = rest.substring(opEnd).stripLeading();
                if (rest.isEmpty() || (rest.charAt(0) != '"' && rest.charAt(0) != '\'')) {
                    throw new IllegalArgumentException("expected a quoted value after '" + field + " " + op + "'");
                }
                int close = rest.indexOf(rest.charAt(0), 1);
                if (close < 0) {
                    throw new IllegalArgumentException("unterminated string");
                }
                String value = rest.substring(1, close);
                rest = rest.substring(close + 1).strip();
                p.add(field, op, value);
                if (rest.isEmpty()) {
                    return p;
                }
                String conj = rest.startsWith("&&") ? "&&" : rest.length() >= 3 ? rest.substring(0, 3) : rest;
                if (!conj.equals("&&") && !conj.equalsIgnoreCase("and")) {
                    throw new IllegalArgumentException("only AND is supported, at '" + rest + "'");
                }
                rest = rest.substring(conj.length()).strip();
            }
        }

        private void add(String field, String op, String value) {
            java.util.function.Function<LogLine, String> get;
            String name;
            switch (field) {
                case "sender" -> {
                    get = LogLine::sender;
                    name = "sender";
                }
                case "process" -> {
                    get = l -> "kernel";
                    name = "process";
                }
                case "eventMessage", "composedMessage" -> {
                    get = LogLine::text;
                    name = "composedMessage";
                }
                default -> throw new IllegalArgumentException("unsupported field '" + field
                        + "' (kextshell knows sender, process, eventMessage)");
            }
            String upper = op.toUpperCase(Locale.ROOT);
            Predicate<String> test = switch (upper) {
                case "==" -> s -> s.equals(value);
                case "!=" -> s -> !s.equals(value);
                case "CONTAINS" -> s -> s.contains(value);
                case "CONTAINS[C]" -> s -> s.toLowerCase(Locale.ROOT).contains(value.toLowerCase(Locale.ROOT));
                case "BEGINSWITH" -> s -> s.startsWith(value);
                default -> throw new IllegalArgumentException("unsupported operator '" + op + "'");
            };
            terms.add(l -> test.test(get.apply(l)));
            described.add(name + " " + (upper.equals("CONTAINS[C]") ? "CONTAINS[c]" : upper) + " \"" + value + "\"");
        }

        String description() {
            return String.join(" AND ", described);
        }

        @Override
        public boolean test(LogLine line) {
            return terms.stream().allMatch(t -> t.test(line));
        }
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return List.of("show", "stream", "--last", "--predicate", "--info", "--debug");
    }
}
