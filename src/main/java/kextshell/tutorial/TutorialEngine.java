package kextshell.tutorial;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalInt;
import java.util.Set;
import java.util.function.ToIntFunction;
import kextshell.shell.InputEcho;
import kextshell.shell.Console;
import kextshell.shell.Questions;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.SessionListener;
import kextshell.shell.ShellCommand;
import kextshell.transcript.Step;

/**
 * The tutorial state of one session: the active lesson, hints shown, the learner's commands
 * since the lesson started (for undo), a pending [y/N] question, and the completed lessons.
 * Created on first use of a tutorial command ({@link #of}); it then installs itself as the
 * session's {@link SessionListener} to answer questions, enforce a lesson's {@code allow} list and
 * notice when a goal is met.
 *
 * <p>Progress is kept in memory unless {@link #useProgressFile} names a file: transcript replays
 * and tests never write to the learner's home directory by accident. The interactive front end
 * turns the file on with {@link #defaultProgressFile()}.
 */
public final class TutorialEngine implements SessionListener {
    /** The tutorial's own commands: always allowed in a lesson, never part of its undo history. */
    static final Set<String> ENGINE_COMMANDS = Set.of("tutorial", "lesson", "goal", "hint", "solution", "reset", "undo",
            "progress", "check");
    /** Commands a lesson can't forbid: leaving a root shell and reading help must always work. */
    static final Set<String> ALWAYS_ALLOWED = Set.of("exit", "help");

    private final Session session;
    private LessonLibrary library = new LessonLibrary(LessonLibrary.defaultDir());
    private ProgressFile progressFile;
    private final Progress progress = new Progress();
    private final List<String> notices = new ArrayList<>();

    private Lesson active;
    private int hintsShown;
    private boolean debriefShown;
    private final List<String> history = new ArrayList<>();
    private Result lastLearner;
    private Pending pending;
    private boolean busy;
    private boolean lineWasAnswer;
    private boolean lineRefused;

    private record Pending(String question, ToIntFunction<Console> action) {
    }

    private TutorialEngine(Session session) {
        this.session = session;
        this.lastLearner = session.lastResult();
        session.addListener(this);
    }

    private Long learnerSalt;

    /** The engine of {@code session}, created (and hooked in) on first use. */
    public static TutorialEngine of(Session session) {
        return session.toolState(TutorialEngine.class, () -> new TutorialEngine(session));
    }

    /** Where lessons are read from (tests point this at a temporary directory). */
    public TutorialEngine useLessons(Path dir) {
        library = new LessonLibrary(dir);
        return this;
    }

    /**
     * Keeps progress in {@code file} from now on (loads it; a missing file is no progress) and
     * allows {@code progress export/import}. Null keeps progress in memory only.
     */
    public TutorialEngine useProgressFile(Path file) throws IOException {
        return useProgressFile(file, java.time.Clock.systemUTC());
    }

    /**
     * As above; {@code clock} only names the backup of an unreadable file. Throws (and keeps
     * progress in memory) only when an unreadable file could not even be moved aside.
     */
    public TutorialEngine useProgressFile(Path file, java.time.Clock clock) throws IOException {
        progressFile = null;
        if (file != null) {
            ProgressFile candidate = new ProgressFile(file, clock);
            ProgressFile.Loaded loaded = candidate.load();
            progress.replaceWith(loaded.progress());
            if (loaded.notice() != null) {
                notices.add(loaded.notice());
            }
            progressFile = candidate;
        }
        return this;
    }

    /** Messages about the learner's files found while setting up (a file moved aside); then cleared. */
    public List<String> takeNotices() {
        List<String> taken = List.copyOf(notices);
        notices.clear();
        return taken;
    }

    /** {@code kextshell.progress} if set, else {@code ~/.kextshell/progress.json}. */
    public static Path defaultProgressFile() {
        String explicit = System.getProperty("kextshell.progress");
        if (explicit != null && !explicit.isEmpty()) {
            return Path.of(explicit);
        }
        return kextshell.shell.HostHome.kextshellDirectory().resolve("progress.json");
    }

    public LessonLibrary library() {
        return library;
    }

    public Progress progress() {
        return progress;
    }

    public Lesson active() {
        return active;
    }

    /** The learner's last command that was not a tutorial command: what last-status/last-output see. */
    public Result lastLearnerResult() {
        return lastLearner;
    }

    /** What a check is evaluated against right now. */
    public Check.Context context() {
        return new Check.Context(session.kernel(), lastLearner, session.isRoot(), Answer.current(session));
    }

    // ---- the hook ----------------------------------------------------------------------------

    @Override
    public OptionalInt answer(String line, Console console) {
        lineWasAnswer = false;
        lineRefused = false;
        if (pending == null) {
            return OptionalInt.empty();
        }
        Pending question = pending;
        pending = null;
        Questions.of(session).answered();
        lineWasAnswer = true;
        String answer = line.strip().toLowerCase(Locale.ROOT);
        if (answer.equals("y") || answer.equals("yes")) {
            return OptionalInt.of(question.action().applyAsInt(console));
        }
        console.out("Cancelled.");
        return OptionalInt.of(1);
    }

    @Override
    public String refuse(String command) {
        if (busy || active == null || ENGINE_COMMANDS.contains(command) || ALWAYS_ALLOWED.contains(command)
                || active.allow().contains(command) || readsOnly(command)) {
            return null;
        }
        lineRefused = true;
        return "tutorial: '" + command + "' is not part of this lesson. Allowed here: "
                + String.join(", ", active.allow()) + " (and goal, hint, solution, reset, undo, check,"
                + " and any command that only reads: cat, ls, ps, ioreg, log, man, grep, ...)."
                + " 'tutorial stop' returns to free play.";
    }

    /** The prompt names the lesson being played, e.g. {@code [06-hot-unplug] learner@kextlab ~ %}. */
    @Override
    public String promptTag() {
        return active == null ? "" : active.id();
    }

    /** Exploring never breaks a lesson: a command that only reads (cat, ps, ioreg, man, grep) is always allowed. */
    private boolean readsOnly(String command) {
        ShellCommand known = session.commands().get(command);
        return known != null && !known.changesState();
    }

    @Override
    public void after(String line, Result soFar, Console console) {
        boolean engineLine = lineWasAnswer || isEngineLine(line);
        boolean refused = lineRefused;
        lineWasAnswer = false;
        lineRefused = false;
        if (busy) {
            return;
        }
        if (!engineLine && !line.isBlank()) {
            lastLearner = soFar;
            if (active != null && !refused) {
                history.add(line);
            }
        }
        if (active != null && !debriefShown && allGoalsMet()) {
            debriefShown = true;
            boolean first = progress.complete(active.id());
            String saveProblem = save();
            console.out("");
            console.out("★ Lesson complete: " + active.title());
            console.out("");
            for (String text : active.debrief().split("\n", -1)) {
                console.out(text);
            }
            console.out("");
            if (saveProblem != null) {
                console.err(saveProblem);
            } else if (first) {
                console.out("Progress saved. 'tutorial next' starts the next lesson.");
            } else {
                console.out("'tutorial next' starts the next lesson.");
            }
        }
    }

    private static boolean isEngineLine(String line) {
        List<String> words = LessonParser.commandWords(line);
        return !words.isEmpty() && ENGINE_COMMANDS.contains(words.get(0));
    }

    boolean allGoalsMet() {
        Check.Context ctx = context();
        for (Lesson.Goal goal : active.goals()) {
            if (!goal.check().evaluate(ctx).holds()) {
                return false;
            }
        }
        return true;
    }

    /** Writes progress when a file is in use; returns an error message, or null. */
    private String save() {
        return save(true);
    }

    /**
     * Writes progress when a file is in use; {@code merge} keeps lessons another shell saved
     * meanwhile (false when the learner reset or imported on purpose). Returns a message, or null.
     */
    private String save(boolean merge) {
        if (progressFile == null) {
            return null;
        }
        try {
            return progressFile.save(progress, merge);
        } catch (kextshell.store.LearnerFiles.Unreadable e) {
            return "tutorial: could not save progress to " + progressFile.path() + ": " + e.getMessage();
        } catch (IOException e) {
            return e.getMessage() != null && e.getMessage().startsWith("tutorial: ") ? e.getMessage()
                    : "tutorial: could not save progress to " + progressFile.path() + ": "
                            + kextshell.store.HostFiles.reason(e);
        }
    }

    // ---- lesson life cycle -------------------------------------------------------------------

    /** Makes {@code lesson} active: fresh kernel from its seed, Setup run silently, story and goal printed. */
    int start(Lesson lesson, Console console) {
        active = lesson;
        hintsShown = 0;
        debriefShown = false;
        dropQuestion();
        history.clear();
        if (!rebuild(console)) {
            active = null;
            return 1;
        }
        showLesson(console);
        return 0;
    }

    /** The active lesson's title, story, goal and commands: at its start, and again with {@code lesson}. */
    void showLesson(Console console) {
        Lesson lesson = active;
        console.out("Lesson " + lesson.id() + ": " + lesson.title());
        console.out("");
        for (String text : lesson.story().split("\n", -1)) {
            console.out(text);
        }
        console.out("");
        printGoal(console);
        console.out("");
        console.out("Commands here: " + String.join(", ", lesson.allow()) + ".");
        console.out("Help: lesson, goal, hint, solution, reset, undo, check, tutorial stop.");
        List<String> missing = new ArrayList<>();
        for (String required : lesson.requires()) {
            if (!progress.isCompleted(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            console.out("(This lesson builds on " + String.join(", ", missing) + ", not completed yet.)");
        }
    }

    /**
     * A learner's own salt (the front end reads it from the progress file): challenge lessons are
     * then seeded from it, so the strategy they hide differs from the one in the lesson file.
     */
    public TutorialEngine useLearnerSalt(long salt) {
        learnerSalt = salt;
        return this;
    }

    /** The seed the active lesson runs with: its own, or the learner's for a challenge. */
    long seedFor(Lesson lesson) {
        if (lesson.seedPerLearner() && learnerSalt != null) {
            return Math.floorMod(learnerSalt ^ (lesson.id().hashCode() * 0x9E3779B97F4A7C15L), 1_000_000L);
        }
        return lesson.seed();
    }

    /** Fresh kernel and Setup for the active lesson; false (and a message) when Setup fails. */
    private boolean rebuild(Console console) {
        session.resetKernel(seedFor(active));
        busy = true;
        try {
            for (Step step : active.setup().steps()) {
                Result r = session.executeNested(step.input());
                if (r.exitCode() != step.expectedStatus()) {
                    console.err("tutorial: " + active.name() + ":" + step.line() + ": Setup step '" + step.input()
                            + "' exited with " + r.exitCode() + "; the lesson file is broken");
                    return false;
                }
            }
        } finally {
            busy = false;
        }
        lastLearner = new Result("", 0);
        return true;
    }

    void stop(Console console) {
        console.out("Left lesson " + active.id() + "; the kernel stays as it is (free play).");
        active = null;
        dropQuestion();
        history.clear();
    }

    /** Prints the goal checklist; returns true when every item holds. */
    boolean printGoal(Console console) {
        console.out("Goal:");
        Check.Context ctx = context();
        boolean all = true;
        for (Lesson.Goal goal : active.goals()) {
            boolean holds = goal.check().evaluate(ctx).holds();
            all &= holds;
            console.out("  " + Check.mark(holds) + " " + goal.text());
        }
        return all;
    }

    int hint(Console console) {
        List<String> hints = active.hints();
        if (hintsShown >= hints.size()) {
            console.out("No more hints (" + hints.size() + " of " + hints.size() + " shown). 'solution' shows the answer.");
            return 0;
        }
        hintsShown++;
        printHint(hintsShown, console);
        return 0;
    }

    /** {@code hint N}: shows hint N again; hints are revealed in order, so only those already seen. */
    int hint(int n, Console console) {
        if (n < 1 || n > hintsShown) {
            console.err("hint: hint " + n + " has not been shown yet (" + hintsShown + " of " + active.hints().size()
                    + " seen); 'hint' shows the next one");
            return 1;
        }
        printHint(n, console);
        return 0;
    }

    private void printHint(int n, Console console) {
        List<String> hints = active.hints();
        String[] lines = hints.get(n - 1).split("\n", -1);
        console.out("Hint " + n + " of " + hints.size() + ": " + lines[0]);
        for (int i = 1; i < lines.length; i++) {
            console.out("  " + lines[i]);
        }
    }

    /** Asks the question now; the next line typed answers it (y/yes runs {@code action}). */
    int ask(String question, boolean yes, Console console, ToIntFunction<Console> action) {
        if (yes) {
            return action.applyAsInt(console);
        }
        pending = new Pending(question, action);
        Questions.of(session).asked(() -> pending = null);
        console.out(question + " [y/N]");
        return 0;
    }

    /** Forgets a waiting question without running it. */
    private void dropQuestion() {
        pending = null;
        Questions.of(session).cancel();
    }

    /** Back to the lesson's start, then every Solution line, shown with its output. */
    int runSolution(Console console) {
        if (!rebuild(console)) {
            return 1;
        }
        history.clear();
        console.out("Back at the lesson's start; running the solution:");
        int status = 0;
        for (Step step : active.solution().steps()) {
            InputEcho.lines(kextshell.text.Visible.escape(step.input())).forEach(console::out);
            Result r = session.executeNested(step.input());
            console.outRaw(kextshell.text.Visible.escape(r.output())); // it echoes the file's text
            status = r.exitCode();
            if (!isEngineLine(step.input())) {
                lastLearner = r;
                history.add(step.input());
            }
        }
        return status;
    }

    int reset(Console console) {
        if (active == null) {
            session.resetKernel(session.config().seed());
            lastLearner = new Result("", 0);
            console.out("Booted a fresh kernel (seed " + session.config().seed() + ").");
            return 0;
        }
        history.clear();
        if (!rebuild(console)) {
            return 1;
        }
        debriefShown = false;
        console.out("Lesson " + active.id() + " is back at its start.");
        return 0;
    }

    /** Takes back the last command that changed state: fresh start, then replay all before it. */
    int undo(Console console) {
        int last = -1;
        for (int i = history.size() - 1; i >= 0; i--) {
            if (!readOnly(history.get(i))) {
                last = i;
                break;
            }
        }
        if (last < 0) {
            console.out("Nothing to undo: no command has changed anything since the lesson started.");
            return 1;
        }
        String undone = history.get(last);
        List<String> replay = new ArrayList<>(history.subList(0, last));
        history.clear();
        if (!rebuild(console)) {
            return 1;
        }
        for (String line : replay) {
            lastLearner = session.executeNested(line);
            history.add(line);
        }
        console.out("Undid: " + undone);
        return 0;
    }

    /** Whether a line only read state (each command says so itself); undo skips such lines. */
    boolean readOnly(String line) {
        List<String> words = LessonParser.commandWords(line);
        if (words.isEmpty()) {
            return true;
        }
        boolean ranSomething = false;
        for (String command : words) {
            if (command.equals("sudo")) {
                continue; // sudo alone (sudo -s) opens a root shell: that is a change
            }
            ShellCommand known = session.commands().get(command);
            if (known == null || known.changesState()) {
                return false;
            }
            ranSomething = true;
        }
        return ranSomething;
    }

    /** Lets an answer-less question in tests be inspected. */
    boolean hasPendingQuestion() {
        return pending != null;
    }

    List<String> history() {
        return List.copyOf(history);
    }

    // ---- progress ----------------------------------------------------------------------------

    Path progressFile() {
        return progressFile == null ? null : progressFile.path();
    }

    /** Saves after reset or import: the file becomes exactly this progress. */
    String saveProgress() {
        return save(false);
    }
}
