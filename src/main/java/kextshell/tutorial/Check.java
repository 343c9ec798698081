package kextshell.tutorial;

import java.util.List;
import java.util.Locale;
import kextshell.kernel.Connection;
import kextshell.kernel.Kernel;
import kextshell.kernel.OSKext;
import kextshell.kernel.OSMetaClass;
import kextshell.kernel.Task;
import kextshell.kexts.MysteryStrategy;
import kextshell.shell.Result;

/**
 * One goal predicate in the shell's own language, e.g. {@code instances com_osxkernel_driver == 0}
 * (the words after {@code check}). Parsed once, evaluated against the live kernel as often as
 * needed; the grammar is documented in docs/tutorials.md.
 */
public final class Check {
    /** What a predicate looks at. */
    enum Kind {
        KEXT_LOADED("kext-loaded"), KEXT_UNLOADED("kext-unloaded"), INSTANCES("instances"),
        CONNECTIONS("connections"), PROCESS("process"), EVENT("event"), LAST_STATUS("last-status"),
        LAST_OUTPUT("last-output"), USER("user"), ANSWER("answer");

        final String word;

        Kind(String word) {
            this.word = word;
        }

        static Kind of(String word) {
            for (Kind k : values()) {
                if (k.word.equals(word)) {
                    return k;
                }
            }
            return null;
        }
    }

    /** Thrown for a predicate that does not follow the grammar; the message says what is wrong. */
    public static final class SyntaxError extends Exception {
        private static final long serialVersionUID = 1L;

        SyntaxError(String message) {
            super(message);
        }
    }

    /**
     * What the predicate was evaluated against: the kernel, the learner's last command, the shell,
     * and the learner's {@code answer} to the final challenge (null if none).
     */
    public record Context(Kernel kernel, Result last, boolean rootShell, MysteryStrategy answer) {
        public Context(Kernel kernel, Result last, boolean rootShell) {
            this(kernel, last, rootShell, null);
        }
    }

    /** The answer: whether it holds, and what was found when that helps ("found 2"), or "". */
    public record Verdict(boolean holds, String found) {
    }

    static final String USAGE = "usage: check kext-loaded ID | kext-unloaded ID | instances CLASS OP N"
            + " | connections PID OP N [state LIVE|DEAD|MAPPINGS|CLOSED] | process PID alive|exited"
            + " | event WHAT NAME [OP N] | last-status OP N | last-output contains TEXT | user root|learner | answer"
            + "   (OP is -eq, -ge or -le, as in test(1))";

    /** test(1)'s words, which need no quoting in a shell; the symbols work too when quoted ('>='). */
    private static final java.util.Map<String, String> OPS = java.util.Map.of("-eq", "-eq", "-ge", "-ge", "-le", "-le",
            "==", "-eq", ">=", "-ge", "<=", "-le");
    private static final List<String> STATES = List.of("LIVE", "DEAD", "MAPPINGS", "CLOSED");
    private static final String NAME = "[A-Za-z0-9_.:-]+";

    private final Kind kind;
    private final String subject;
    private final String op;
    private final long number;
    private final String extra;
    private final String text;

    private Check(Kind kind, String subject, String op, long number, String extra, String text) {
        this.kind = kind;
        this.subject = subject;
        this.op = op;
        this.number = number;
        this.extra = extra;
        this.text = text;
    }

    /** The predicate in its canonical spelling, as {@code check} prints it. */
    public String text() {
        return text;
    }

    @Override
    public String toString() {
        return text;
    }

    /** Parses the words after {@code check}. */
    public static Check parse(List<String> words) throws SyntaxError {
        if (words.isEmpty()) {
            throw new SyntaxError("missing predicate");
        }
        Kind kind = Kind.of(words.get(0));
        if (kind == null) {
            throw new SyntaxError("unknown predicate '" + words.get(0) + "'");
        }
        List<String> rest = words.subList(1, words.size());
        switch (kind) {
            case ANSWER:
                exactly(rest, 0, "answer");
                return new Check(kind, "", "", 0, "", "answer");
            case KEXT_LOADED:
            case KEXT_UNLOADED:
                exactly(rest, 1, kind.word + " BUNDLE-ID");
                return make(kind, name(rest.get(0), "bundle id"), "", 0, "");
            case INSTANCES: {
                exactly(rest, 3, "instances CLASS OP N");
                return make(kind, name(rest.get(0), "class name"), op(rest.get(1)), count(rest.get(2)), "");
            }
            case CONNECTIONS: {
                if (rest.size() != 3 && rest.size() != 5) {
                    throw new SyntaxError("expected: connections PID OP N [state LIVE|DEAD|MAPPINGS|CLOSED]");
                }
                String state = "";
                if (rest.size() == 5) {
                    if (!rest.get(3).equals("state")) {
                        throw new SyntaxError("expected 'state' after the count, not '" + rest.get(3) + "'");
                    }
                    state = rest.get(4);
                    if (!STATES.contains(state)) {
                        throw new SyntaxError("unknown connection state '" + state + "' (LIVE, DEAD, MAPPINGS or CLOSED)");
                    }
                }
                return make(kind, pid(rest.get(0)), op(rest.get(1)), count(rest.get(2)), state);
            }
            case PROCESS: {
                exactly(rest, 2, "process PID alive|exited");
                String how = rest.get(1);
                if (!how.equals("alive") && !how.equals("exited")) {
                    throw new SyntaxError("expected 'alive' or 'exited', not '" + how + "'");
                }
                return make(kind, pid(rest.get(0)), "", 0, how);
            }
            case EVENT: {
                if (rest.size() != 2 && rest.size() != 4) {
                    throw new SyntaxError("expected: event WHAT NAME [OP N]");
                }
                String what = name(rest.get(0), "event name");
                if (kextshell.kernel.EventName.of(what).isEmpty()) {
                    throw new SyntaxError("no journal event is named '" + what + "' (see docs/tutorials.md)");
                }
                String who = name(rest.get(1), "class name or bundle id");
                if (rest.size() == 4) {
                    return make(kind, who, op(rest.get(2)), count(rest.get(3)), what);
                }
                return make(kind, who, "-ge", 1, what);
            }
            case LAST_STATUS:
                exactly(rest, 2, "last-status OP N");
                return make(kind, "", op(rest.get(0)), count(rest.get(1)), "");
            case LAST_OUTPUT: {
                if (rest.size() < 2 || !rest.get(0).equals("contains")) {
                    throw new SyntaxError("expected: last-output contains TEXT");
                }
                String needle = String.join(" ", rest.subList(1, rest.size()));
                if (needle.isEmpty()) {
                    throw new SyntaxError("last-output contains: TEXT is empty");
                }
                return make(kind, needle, "", 0, "");
            }
            case USER: {
                exactly(rest, 1, "user root|learner");
                String who = rest.get(0);
                if (!who.equals("root") && !who.equals("learner")) {
                    throw new SyntaxError("expected 'root' or 'learner', not '" + who + "'");
                }
                return make(kind, who, "", 0, "");
            }
            default:
                throw new SyntaxError("unknown predicate '" + words.get(0) + "'");
        }
    }

    private static Check make(Kind kind, String subject, String op, long number, String extra) {
        String text;
        switch (kind) {
            case INSTANCES:
                text = "instances " + subject + " " + op + " " + number;
                break;
            case CONNECTIONS:
                text = "connections " + subject + " " + op + " " + number + (extra.isEmpty() ? "" : " state " + extra);
                break;
            case PROCESS:
                text = "process " + subject + " " + extra;
                break;
            case EVENT:
                text = "event " + extra + " " + subject + (op.equals("-ge") && number == 1 ? "" : " " + op + " " + number);
                break;
            case LAST_STATUS:
                text = "last-status " + op + " " + number;
                break;
            case LAST_OUTPUT:
                text = "last-output contains " + subject;
                break;
            default:
                text = kind.word + " " + subject;
                break;
        }
        return new Check(kind, subject, op, number, extra, text);
    }

    private static void exactly(List<String> rest, int n, String form) throws SyntaxError {
        if (rest.size() != n) {
            throw new SyntaxError("expected: " + form);
        }
    }

    private static String name(String word, String what) throws SyntaxError {
        if (!word.matches(NAME)) {
            throw new SyntaxError("not a " + what + ": '" + word + "'");
        }
        return word;
    }

    private static String op(String word) throws SyntaxError {
        String op = OPS.get(word);
        if (op == null) {
            throw new SyntaxError("expected -eq, -ge or -le, not '" + word + "'");
        }
        return op;
    }

    private static long count(String word) throws SyntaxError {
        if (!word.matches("[0-9]{1,9}")) {
            throw new SyntaxError("expected a whole number, not '" + word + "'");
        }
        return Long.parseLong(word);
    }

    private static String pid(String word) throws SyntaxError {
        if (!word.matches("[1-9][0-9]{0,8}")) {
            throw new SyntaxError("expected a pid, not '" + word + "'");
        }
        return word;
    }

    private boolean compare(long actual) {
        switch (op) {
            case "-eq":
                return actual == number;
            case "-ge":
                return actual >= number;
            default:
                return actual <= number;
        }
    }

    private Verdict counted(long actual) {
        return new Verdict(compare(actual), "found " + actual);
    }

    /** Evaluates against the current state; never throws for a well-formed predicate. */
    public Verdict evaluate(Context ctx) {
        Kernel k = ctx.kernel();
        switch (kind) {
            case KEXT_LOADED:
            case KEXT_UNLOADED: {
                OSKext kext = k.kexts().lookup(subject);
                boolean loaded = kext != null && kext.isLoaded();
                if (!loaded && kext == null && k.kexts().bundleOnDisk(subject) == null) {
                    return new Verdict(false, "no kext with this bundle id is installed");
                }
                boolean holds = kind == Kind.KEXT_LOADED ? loaded : !loaded;
                return new Verdict(holds, holds ? "" : (loaded ? "it is loaded" : "it is not loaded"));
            }
            case INSTANCES: {
                OSMetaClass meta = k.metaClassNamed(subject);
                return counted(meta == null ? 0 : meta.getInstanceCount());
            }
            case CONNECTIONS: {
                Task task = k.userSpace().task(Integer.parseInt(subject));
                if (task == null && k.userSpace().wasReaped(Integer.parseInt(subject))) {
                    boolean holds = !extra.equals("alive"); // reaped from a long process table: it exited
                    return new Verdict(holds, holds ? "" : "it has exited");
                }
                if (task == null) {
                    return new Verdict(false, "no process " + subject);
                }
                long n = 0;
                for (Connection c : task.connections()) {
                    if (extra.isEmpty() || c.stateName().equals(extra)) {
                        n++;
                    }
                }
                return counted(n);
            }
            case PROCESS: {
                Task task = k.userSpace().task(Integer.parseInt(subject));
                if (task == null && k.userSpace().wasReaped(Integer.parseInt(subject))) {
                    boolean holds = !extra.equals("alive"); // reaped from a long process table: it exited
                    return new Verdict(holds, holds ? "" : "it has exited");
                }
                if (task == null) {
                    return new Verdict(false, "no process " + subject);
                }
                boolean holds = extra.equals("alive") == task.alive();
                return new Verdict(holds, holds ? "" : (task.alive() ? "it is alive" : "it has exited"));
            }
            case EVENT: {
                return counted(k.journal().count(extra, subject)); // counts survive journal compaction
            }
            case LAST_STATUS:
                return counted(ctx.last().exitCode());
            case LAST_OUTPUT: {
                boolean holds = ctx.last().output().contains(subject);
                return new Verdict(holds, holds ? "" : "not in the last command's output");
            }
            case ANSWER:
                return Answer.verdict(k, ctx.answer());
            case USER: {
                boolean holds = ctx.rootShell() == subject.equals("root");
                return new Verdict(holds, holds ? "" : "the shell runs as " + (ctx.rootShell() ? "root" : "learner"));
            }
            default:
                throw new IllegalStateException(kind.toString().toLowerCase(Locale.ROOT));
        }
    }

    /** {@code ✓ text} or {@code ✗ text (found …)}, as {@code check} and {@code goal} print it. */
    static String mark(boolean holds) {
        return holds ? "✓" : "✗";
    }
}
