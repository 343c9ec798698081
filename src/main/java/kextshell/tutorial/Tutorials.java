package kextshell.tutorial;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kextshell.shell.Result;
import kextshell.shell.Sysexits;
import kextshell.shell.Session;
import kextshell.shell.SessionConfig;
import kextshell.shell.SessionFactory;
import kextshell.transcript.Block;
import kextshell.transcript.StepOutcome;
import kextshell.transcript.Transcript;
import kextshell.transcript.TranscriptResult;
import kextshell.transcript.TranscriptRunner;
import kextshell.transcript.TranscriptUpdater;

/**
 * Entry points outside the shell: {@code ./kextshell tutorial validate [--update] [ID...]}.
 * Validation proves each lesson solvable and honest, the CI checks of ux-anchors §2.9:
 * <ol>
 * <li>the Setup block's output matches (it is a transcript like the Solution);</li>
 * <li>right after Setup the goal is <em>not</em> met (at least one item fails);</li>
 * <li>the Solution transcript's output matches;</li>
 * <li>after the Solution every goal item holds;</li>
 * <li>the Solution uses only commands in {@code allow} (plus check, exit, help);</li>
 * <li>every id in {@code requires} is a lesson in the same directory.</li>
 * </ol>
 */
public final class Tutorials {
    private Tutorials() {
    }

    /**
     * {@code ./kextshell tutorial ARGS}: today only {@code validate [--update] [ID...]}. Returns the
     * exit status: 0 all passed, 1 a failure, 2 bad arguments.
     */
    public static int main(SessionFactory sessions, List<String> args, PrintStream out) {
        if (!args.isEmpty() && args.get(0).equals("validate")) {
            return validate(sessions, args.subList(1, args.size()), out);
        }
        out.println("usage: kextshell tutorial validate [--update] [ID...]");
        return Sysexits.EX_USAGE;
    }

    /** Validates the lessons named by {@code ids} (all when empty) in the default directory; {@code --update} may be among them. */
    public static int validate(SessionFactory sessions, List<String> ids, PrintStream out) {
        List<String> chosen = new ArrayList<>();
        boolean update = false;
        for (String arg : ids) {
            if (arg.equals("--update")) {
                update = true;
            } else if (arg.startsWith("-")) {
                out.println("tutorial validate: unknown option " + arg + " (known: --update)");
                return Sysexits.EX_USAGE;
            } else {
                chosen.add(arg);
            }
        }
        return validate(sessions, LessonLibrary.defaultDir(), chosen, update, out);
    }

    /** One lesson's verdict: its id, whether it passed, why not, and whether its file was rewritten. */
    public record Report(String id, boolean passed, List<String> reasons, boolean updated) {
    }

    /** Validates in {@code dir}; prints per-lesson PASS/FAIL with reasons and a summary line. */
    public static int validate(SessionFactory sessions, Path dir, List<String> ids, boolean update, PrintStream out) {
        LessonLibrary library = new LessonLibrary(dir);
        List<LessonLibrary.Entry> entries = library.entries();
        Set<String> known = new HashSet<>();
        entries.forEach(e -> known.add(e.id()));
        List<Report> reports = new ArrayList<>();
        if (ids.isEmpty()) {
            for (LessonLibrary.Entry e : entries) {
                reports.add(check(sessions, e, known, update));
            }
            if (entries.isEmpty()) {
                out.println("tutorial validate: no lessons in " + dir);
                return 1;
            }
        } else {
            for (String id : ids) {
                LessonLibrary.Entry e = library.find(id);
                reports.add(e == null ? new Report(id, false, List.of("no lesson '" + id + "' in " + dir), false)
                        : check(sessions, e, known, update));
            }
        }
        int passed = 0;
        for (Report r : reports) {
            out.println((r.passed() ? "PASS " : "FAIL ") + r.id() + (r.updated() ? " (Solution/Setup output rewritten)" : ""));
            for (String reason : r.reasons()) {
                for (String line : reason.split("\n", -1)) {
                    out.println("  " + line);
                }
            }
            passed += r.passed() ? 1 : 0;
        }
        out.println(passed + " passed, " + (reports.size() - passed) + " failed");
        return passed == reports.size() ? 0 : 1;
    }

    /** Validates one lesson file; with {@code update}, output differences are blessed instead of failing. */
    public static Report check(SessionFactory sessions, LessonLibrary.Entry entry, Set<String> knownIds, boolean update) {
        if (!entry.ok()) {
            return new Report(entry.id(), false, List.of(entry.error().getMessage()), false);
        }
        Lesson lesson = entry.lesson();
        List<String> reasons = new ArrayList<>();
        for (String required : lesson.requires()) {
            if (!knownIds.contains(required)) {
                reasons.add("requires '" + required + "', which is not a lesson here");
            }
        }
        for (var step : lesson.solution().steps()) {
            for (String command : LessonParser.commandWords(step.input())) {
                if (!lesson.allow().contains(command) && !command.equals("check")
                        && !TutorialEngine.ALWAYS_ALLOWED.contains(command)) {
                    reasons.add(lesson.name() + ":" + step.line() + ": the Solution uses '" + command
                            + "', which is not in allow " + lesson.allow());
                }
            }
        }

        Session session = TranscriptRunner.newSession(sessions, SessionConfig.defaults().withSeed(lesson.seed()));
        TranscriptResult setup = TranscriptRunner.run(only(lesson, lesson.setup()), session);
        Check.Context start = new Check.Context(session.kernel(), new Result("", 0), session.isRoot(), Answer.current(session));
        if (allHold(lesson, start)) {
            reasons.add("the goal is already met right after Setup; it must need the learner's work");
        }
        TranscriptResult solution = TranscriptRunner.run(only(lesson, lesson.solution()), session);
        Result last = new Result("", 0);
        for (StepOutcome o : solution.outcomes()) {
            if (!LessonParser.commandWords(o.step().input()).contains("check")) {
                last = new Result(o.output().isEmpty() ? "" : String.join("\n", o.output()) + "\n", o.status());
            }
        }
        Check.Context end = new Check.Context(session.kernel(), last, session.isRoot(), Answer.current(session));
        for (Lesson.Goal goal : lesson.goals()) {
            Check.Verdict v = goal.check().evaluate(end);
            if (!v.holds()) {
                reasons.add(lesson.name() + ":" + goal.line() + ": goal not met after the Solution: ✗ " + goal.text()
                        + " (check " + goal.check().text() + (v.found().isEmpty() ? "" : "; " + v.found()) + ")");
            }
        }

        List<StepOutcome> outcomes = new ArrayList<>(setup.outcomes());
        outcomes.addAll(solution.outcomes());
        TranscriptResult whole = new TranscriptResult(lesson.transcript(), outcomes);
        boolean updated = false;
        if (!whole.passed()) {
            if (update && lesson.file() != null) {
                try {
                    String text = TranscriptUpdater.update(whole);
                    kextshell.transcript.TranscriptFiles.write(lesson.file(), text); // atomic: a crash keeps the old lesson
                    updated = true;
                } catch (IOException e) {
                    reasons.add("cannot rewrite " + lesson.name() + ": " + kextshell.store.HostFiles.reason(e));
                }
            } else {
                reasons.add("output differs from the file (bless with --update):\n" + whole.diff().stripTrailing());
            }
        }
        return new Report(lesson.id(), reasons.isEmpty(), reasons, updated);
    }

    private static Transcript only(Lesson lesson, Block block) {
        Transcript t = lesson.transcript();
        return new Transcript(t.name(), t.rawLines(), t.config(), List.of(block));
    }

    private static boolean allHold(Lesson lesson, Check.Context ctx) {
        for (Lesson.Goal goal : lesson.goals()) {
            if (!goal.check().evaluate(ctx).holds()) {
                return false;
            }
        }
        return true;
    }
}
