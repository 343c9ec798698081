package kextshell.tutorial;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import kextshell.shell.CompletionKind;
import kextshell.shell.Console;
import kextshell.shell.Sysexits;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/**
 * The tutorial's shell commands: {@code tutorial}, {@code goal}, {@code hint}, {@code solution},
 * {@code reset}, {@code undo}, {@code progress} and {@code check}. They hold no state; everything
 * lives in the session's {@link TutorialEngine}.
 */
public final class TutorialCommands {
    private TutorialCommands() {
    }

    /** All of them, for Commands.all(). */
    public static List<ShellCommand> all() {
        return List.of(
                command("tutorial", "tutorial list | start ID | next | stop: the guided lessons", TutorialCommands::tutorial,
                        List.of("list", "start", "next", "stop"),
                        previous -> previous.equals("start") ? CompletionKind.LESSON : CompletionKind.NONE),
                command("lesson", "lesson: show the current lesson's story and goal again", TutorialCommands::lesson),
                command("goal", "goal: the current lesson's goal, each item ✓ or ✗", TutorialCommands::goal),
                command("hint", "hint [N]: the next hint for the current lesson, or hint N again", TutorialCommands::hint),
                command("solution", "solution [--yes]: run the current lesson's solution (asks first)", TutorialCommands::solution),
                command("reset", "reset [--yes]: back to the lesson's start, or a fresh kernel (asks first)", TutorialCommands::reset),
                command("undo", "undo: take back your last command that changed something in this lesson", TutorialCommands::undo),
                command("progress", "progress | export FILE | import FILE | reset [--yes]: completed lessons", TutorialCommands::progress,
                        List.of("export", "import", "reset"),
                        previous -> previous.equals("export") || previous.equals("import") ? CompletionKind.PATH : CompletionKind.NONE),
                Answer.command(),
                command("check", "check PREDICATE: test the kernel's state, e.g. check kext-loaded ID", TutorialCommands::check));
    }

    private interface Body {
        int run(TutorialEngine engine, Invocation invocation, List<String> args);
    }

    private static ShellCommand command(String name, String summary, Body body) {
        return command(name, summary, body, List.of(), previous -> CompletionKind.NONE);
    }

    /** A command whose completion offers {@code words} (sub-commands), or the kind {@code after} names. */
    private static ShellCommand command(String name, String summary, Body body, List<String> words,
            java.util.function.Function<String, CompletionKind> after) {
        return new ShellCommand() {
            @Override
            public List<String> options() {
                return words;
            }

            @Override
            public List<String> help() {
                return helpFromSummary(name, summary);
            }

            @Override
            public CompletionKind completionFor(String previousWord) {
                return after.apply(previousWord);
            }

            @Override
            public String name() {
                return name;
            }

            @Override
            public String summary() {
                return summary;
            }

            @Override
            public int run(Invocation invocation, List<String> args) {
                return body.run(TutorialEngine.of(invocation.session()), invocation, args);
            }
        };
    }

    /**
     * Help from a summary written as {@code forms: what it does}, e.g. {@code progress | export FILE:
     * completed lessons}: one usage line per form, then what it does.
     */
    static List<String> helpFromSummary(String name, String summary) {
        int colon = summary.indexOf(": ");
        List<String> out = new ArrayList<>();
        for (String form : (colon < 0 ? name : summary.substring(0, colon)).split(" \\| ")) {
            String line = form.strip().startsWith(name) ? form.strip() : name + " " + form.strip();
            out.add((out.isEmpty() ? "usage: " : "       ") + line);
        }
        out.add("");
        out.add(colon < 0 ? summary : summary.substring(colon + 2));
        return out;
    }

    private static int usage(Console console, String usage) {
        console.err("usage: " + usage);
        return Sysexits.EX_USAGE;
    }

    private static boolean noLesson(TutorialEngine engine, Console console, String command) {
        if (engine.active() != null) {
            return false;
        }
        console.err(command + ": no lesson is active; 'tutorial list' shows the lessons, 'tutorial start ID' starts one");
        return true;
    }

    /** Accepts no arguments, or exactly {@code --yes}; null means bad usage. */
    private static Boolean yesFlag(List<String> args) {
        if (args.isEmpty()) {
            return false;
        }
        if (args.size() == 1 && (args.get(0).equals("--yes") || args.get(0).equals("-y"))) {
            return true;
        }
        return null;
    }

    // ---- tutorial ----------------------------------------------------------------------------

    private static int tutorial(TutorialEngine engine, Invocation inv, List<String> args) {
        Console console = inv.console();
        String usage = "tutorial list | tutorial start ID | tutorial next | tutorial stop";
        if (args.isEmpty()) {
            if (engine.active() != null) {
                console.out("In lesson " + engine.active().id() + ": " + engine.active().title()
                        + " ('goal' shows what is left).");
            } else {
                console.out("No lesson active. 'tutorial list' shows the lessons.");
            }
            return 0;
        }
        String sub = args.get(0);
        switch (sub) {
            case "list":
                return args.size() == 1 ? list(engine, console) : usage(console, usage);
            case "start": {
                if (args.size() != 2) {
                    return usage(console, "tutorial start ID (e.g. tutorial start 00-welcome)");
                }
                LessonLibrary.Entry entry = engine.library().find(args.get(1));
                if (entry == null) {
                    console.err("tutorial: no lesson '" + args.get(1) + "'; 'tutorial list' shows them");
                    return 1;
                }
                return startEntry(engine, entry, console);
            }
            case "next":
                return args.size() == 1 ? next(engine, console) : usage(console, usage);
            case "export-html":
                return LessonHtml.export(engine, inv.session(), args.subList(1, args.size()), console);
            case "stop":
                if (args.size() != 1) {
                    return usage(console, usage);
                }
                if (noLesson(engine, console, "tutorial stop")) {
                    return 1;
                }
                engine.stop(console);
                return 0;
            default:
                return usage(console, usage);
        }
    }

    private static int startEntry(TutorialEngine engine, LessonLibrary.Entry entry, Console console) {
        if (!entry.ok()) {
            console.err("tutorial: lesson " + entry.id() + " can't be read: " + entry.error().getMessage());
            return 1;
        }
        return engine.start(entry.lesson(), console);
    }

    private static int list(TutorialEngine engine, Console console) {
        List<LessonLibrary.Entry> entries = engine.library().entries();
        if (entries.isEmpty()) {
            console.out("No lessons found in " + engine.library().dir() + ".");
            return 0;
        }
        int width = 0;
        for (LessonLibrary.Entry e : entries) {
            width = Math.max(width, e.id().length());
        }
        for (LessonLibrary.Entry e : entries) {
            boolean current = engine.active() != null && engine.active().id().equals(e.id());
            String mark = engine.progress().isCompleted(e.id()) ? "✓" : " ";
            String title = e.ok() ? e.lesson().title() : "(can't be read: " + e.error().getMessage() + ")";
            String id = e.id() + " ".repeat(width - e.id().length());
            console.out((current ? "> " : "  ") + mark + " " + id + "  " + title);
        }
        return 0;
    }

    private static int next(TutorialEngine engine, Console console) {
        List<LessonLibrary.Entry> entries = engine.library().entries();
        LessonLibrary.Entry target = null;
        if (engine.active() != null) {
            boolean after = false;
            for (LessonLibrary.Entry e : entries) {
                if (after) {
                    target = e;
                    break;
                }
                after = e.id().equals(engine.active().id());
            }
        } else {
            for (LessonLibrary.Entry e : entries) {
                if (!engine.progress().isCompleted(e.id())) {
                    target = e;
                    break;
                }
            }
        }
        if (target == null) {
            console.out(engine.active() != null ? "This is the last lesson." : "You have completed every lesson.");
            return 0;
        }
        return startEntry(engine, target, console);
    }

    // ---- goal, hint, solution, reset, undo ---------------------------------------------------

    private static int goal(TutorialEngine engine, Invocation inv, List<String> args) {
        if (!args.isEmpty()) {
            return usage(inv.console(), "goal");
        }
        if (noLesson(engine, inv.console(), "goal")) {
            return 1;
        }
        return engine.printGoal(inv.console()) ? 0 : 1;
    }

    private static int lesson(TutorialEngine engine, Invocation inv, List<String> args) {
        if (!args.isEmpty()) {
            return usage(inv.console(), "lesson");
        }
        if (noLesson(engine, inv.console(), "lesson")) {
            return 1;
        }
        engine.showLesson(inv.console());
        return 0;
    }

    private static int hint(TutorialEngine engine, Invocation inv, List<String> args) {
        if (args.size() > 1 || args.size() == 1 && !args.get(0).matches("[0-9]{1,3}")) {
            return usage(inv.console(), "hint [N]");
        }
        if (noLesson(engine, inv.console(), "hint")) {
            return 1;
        }
        return args.isEmpty() ? engine.hint(inv.console()) : engine.hint(Integer.parseInt(args.get(0)), inv.console());
    }

    private static int solution(TutorialEngine engine, Invocation inv, List<String> args) {
        Boolean yes = yesFlag(args);
        if (yes == null) {
            return usage(inv.console(), "solution [--yes]");
        }
        if (noLesson(engine, inv.console(), "solution")) {
            return 1;
        }
        return engine.ask("Show and run the solution?", yes, inv.console(), engine::runSolution);
    }

    private static int reset(TutorialEngine engine, Invocation inv, List<String> args) {
        Boolean yes = yesFlag(args);
        if (yes == null) {
            return usage(inv.console(), "reset [--yes]");
        }
        String question = engine.active() != null
                ? "Reset lesson " + engine.active().id() + " to its start?"
                : "Throw this kernel away and boot a fresh one?";
        return engine.ask(question, yes, inv.console(), engine::reset);
    }

    private static int undo(TutorialEngine engine, Invocation inv, List<String> args) {
        if (!args.isEmpty()) {
            return usage(inv.console(), "undo");
        }
        if (noLesson(engine, inv.console(), "undo")) {
            return 1;
        }
        return engine.undo(inv.console());
    }

    // ---- progress ----------------------------------------------------------------------------

    private static int progress(TutorialEngine engine, Invocation inv, List<String> args) {
        Console console = inv.console();
        String usage = "progress | progress export [--force] FILE | progress import FILE | progress reset [--yes]";
        if (args.isEmpty()) {
            List<LessonLibrary.Entry> entries = engine.library().entries();
            int done = 0;
            List<String> lines = new ArrayList<>();
            for (LessonLibrary.Entry e : entries) {
                boolean completed = engine.progress().isCompleted(e.id());
                done += completed ? 1 : 0;
                lines.add("  " + (completed ? "✓" : " ") + " " + e.id());
            }
            console.out("Completed " + done + " of " + entries.size() + " lessons.");
            lines.forEach(console::out);
            return 0;
        }
        switch (args.get(0)) {
            case "export": {
                boolean force = args.size() == 3 && args.get(1).equals("--force");
                FileOp export = (e, file, c) -> export(e, file, force, c);
                return args.size() == 2 || force ? fileOp(engine, console, args.get(args.size() - 1), export)
                        : usage(console, usage);
            }
            case "import":
                return args.size() == 2 ? fileOp(engine, console, args.get(1), TutorialCommands::importFrom) : usage(console, usage);
            case "reset": {
                Boolean yes = yesFlag(args.subList(1, args.size()));
                if (yes == null) {
                    return usage(console, usage);
                }
                int n = engine.progress().completed().size();
                return engine.ask("Forget all " + n + " completed lesson" + (n == 1 ? "" : "s") + "?", yes, console, c -> {
                    engine.progress().clear();
                    String problem = engine.saveProgress();
                    if (problem != null) {
                        c.err(problem);
                        return 1;
                    }
                    c.out("Progress cleared.");
                    return 0;
                });
            }
            default:
                return usage(console, usage);
        }
    }

    private interface FileOp {
        int apply(TutorialEngine engine, Path file, Console console);
    }

    private static int fileOp(TutorialEngine engine, Console console, String name, FileOp op) {
        if (engine.progressFile() == null) {
            console.err("progress: files are not available in this session (transcript replays and tests keep progress in memory)");
            return 1;
        }
        Path file;
        try {
            file = Path.of(name);
        } catch (InvalidPathException e) {
            console.err("progress: not a file name: " + name);
            return 1;
        }
        return op.apply(engine, file, console);
    }

    private static int export(TutorialEngine engine, Path file, boolean force, Console console) {
        try {
            kextshell.store.HostFiles.create(file, engine.progress().toJson(), force);
        } catch (IOException e) {
            console.err("progress: " + e.getMessage());
            return 1;
        }
        int n = engine.progress().completed().size();
        console.out("Exported " + n + " completed lesson" + (n == 1 ? "" : "s") + " to " + file + ".");
        return 0;
    }

    private static int importFrom(TutorialEngine engine, Path file, Console console) {
        Progress imported;
        try {
            String text = kextshell.store.LearnerFiles.read(file, ProgressFile.LIMIT);
            if (text == null) {
                console.err("progress: no such file: " + file);
                return 1;
            }
            imported = Progress.parse(text);
        } catch (IOException e) {
            String why = e instanceof kextshell.store.LearnerFiles.Unreadable || e.getMessage() != null
                    && e.getMessage().startsWith("line ") ? e.getMessage() : kextshell.store.HostFiles.reason(e);
            console.err("progress: " + file + ": " + why + "; nothing imported");
            return 1;
        }
        engine.progress().replaceWith(imported);
        String problem = engine.saveProgress();
        if (problem != null) {
            console.err(problem);
            return 1;
        }
        int n = imported.completed().size();
        console.out("Imported " + n + " completed lesson" + (n == 1 ? "" : "s") + " from " + file + ".");
        return 0;
    }

    // ---- check -------------------------------------------------------------------------------

    private static int check(TutorialEngine engine, Invocation inv, List<String> args) {
        Check check;
        try {
            check = Check.parse(args);
        } catch (Check.SyntaxError e) {
            inv.console().err("check: " + e.getMessage());
            inv.console().err(Check.USAGE);
            return Sysexits.EX_USAGE;
        }
        Check.Verdict verdict = check.evaluate(engine.context());
        String found = verdict.found().isEmpty() || verdict.holds() ? "" : " (" + verdict.found() + ")";
        inv.console().out(Check.mark(verdict.holds()) + " " + check.text() + found);
        return verdict.holds() ? 0 : 1;
    }
}
