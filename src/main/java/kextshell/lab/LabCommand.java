package kextshell.lab;

import static kextshell.shell.Sysexits.EX_CANTCREAT;
import static kextshell.shell.Sysexits.EX_DATAERR;
import static kextshell.shell.Sysexits.EX_NOINPUT;
import static kextshell.shell.Sysexits.EX_USAGE;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import kextshell.lab.grade.Grader;
import kextshell.lab.grade.ReportCard;
import kextshell.shell.Invocation;
import kextshell.shell.Session;
import kextshell.shell.ShellCommand;
import kextshell.compare.Strategy;

/**
 * {@code lab new NAME [--from STRATEGY] [--usb]}, {@code lab build NAME}, {@code lab grade NAME}:
 * the driver lab's workflow over the learner's home. Compiler output goes to stderr, as clang's
 * does; build status lines follow xcodebuild ("** BUILD SUCCEEDED **", exit 65 on failure).
 */
public final class LabCommand implements ShellCommand {

    private final Function<Invocation, LabFiles> files;

    /** {@code files} gives the learner's home for an invocation (the shell's writable home). */
    public LabCommand(Function<Invocation, LabFiles> files) {
        this.files = files;
    }

    @Override
    public String name() {
        return "lab";
    }

    @Override
    public String summary() {
        return "write, build and grade your own kext (lab new | build | grade)";
    }

    @Override
    public List<String> options() {
        return List.of("new", "build", "grade", "--from", "--usb");
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        if (args.isEmpty()) {
            return usage(inv);
        }
        List<String> rest = args.subList(1, args.size());
        return switch (args.get(0)) {
            case "new" -> newKext(inv, rest);
            case "build" -> withName(inv, rest, this::build);
            case "grade" -> withName(inv, rest, this::grade);
            default -> usage(inv);
        };
    }

    private int usage(Invocation inv) {
        inv.console().err("usage: lab new NAME [--from STRATEGY] [--usb]");
        inv.console().err("       lab build NAME");
        inv.console().err("       lab grade NAME");
        return EX_USAGE;
    }

    private interface Action {
        int run(Invocation inv, String name);
    }

    private int withName(Invocation inv, List<String> args, Action action) {
        if (args.size() != 1) {
            return usage(inv);
        }
        String name = bare(args.get(0));
        if (!LabNew.validName(name)) {
            inv.console().err("lab: " + args.get(0) + ": not a kext name (letters, digits and _)");
            return EX_USAGE;
        }
        return action.run(inv, name);
    }

    /** NAME, NAME.kext, ~/NAME.kext and /Users/learner/NAME.kext all name the same kext. */
    static String bare(String arg) {
        String s = arg.endsWith("/") ? arg.substring(0, arg.length() - 1) : arg;
        s = s.substring(s.lastIndexOf('/') + 1);
        return s.endsWith(".kext") ? s.substring(0, s.length() - 5) : s;
    }

    private int newKext(Invocation inv, List<String> args) {
        String name = null;
        String from = "driver";
        boolean usb = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--usb")) {
                usb = true;
            } else if (a.equals("--from") && i + 1 < args.size()) {
                from = args.get(++i);
            } else if (a.startsWith("-") || name != null) {
                return usage(inv);
            } else {
                name = bare(a);
            }
        }
        if (name == null) {
            return usage(inv);
        }
        if (!LabNew.validName(name)) {
            inv.console().err("lab: " + name + ": not a kext name (letters, digits and _)");
            return EX_USAGE;
        }
        Strategy strategy = Strategy.named(from);
        if (strategy == null) {
            inv.console().err("lab: no sample strategy named '" + from + "' (see: compare --list)");
            return EX_USAGE;
        }
        LabFiles home = files.apply(inv);
        if (home.exists(name + ".kext")) {
            inv.console().err("lab: ~/" + name + ".kext: File exists");
            return EX_CANTCREAT;
        }
        for (Map.Entry<String, String> f : LabNew.files(name, strategy, usb).entrySet()) {
            home.write(f.getKey(), f.getValue());
        }
        inv.console().out("Created ~/" + name + ".kext (com.example." + name + ": " + name + " and " + name
                + "Client, from " + strategy.name() + ".kext" + (usb || strategy.usb() ? ", on the USB device" : "")
                + ").");
        inv.console().out("Edit ~/" + LabBuild.sourcesDir(name) + "/" + name + ".cpp, then: lab build " + name);
        return 0;
    }

    private int build(Invocation inv, String name) {
        LabFiles home = files.apply(inv);
        Map<String, String> sources = LabBuild.sources(home, name);
        if (!sources.containsKey(name + ".cpp")) {
            inv.console().err("lab: ~/" + LabBuild.sourcesDir(name) + "/" + name + ".cpp: No such file or directory");
            return EX_NOINPUT;
        }
        LabCompiler.Result r = LabBuild.build(home, name, sources);
        for (String line : r.diagnostics().lines().toList()) {
            inv.console().err(line);
        }
        if (!r.ok()) {
            inv.console().out("** BUILD FAILED **");
            return EX_DATAERR;
        }
        inv.console().out("** BUILD SUCCEEDED **");
        return 0;
    }

    private int grade(Invocation inv, String name) {
        LabFiles home = files.apply(inv);
        LabBuild.Loaded loaded = LabBuild.load(home, name, Session.HOME + "/" + name + ".kext");
        if (loaded.bundle() == null) {
            inv.console().err("lab: " + loaded.error().replace(Session.HOME, "~"));
            return EX_NOINPUT;
        }
        Grader.Card card = Grader.grade(loaded.bundle());
        for (String line : ReportCard.render(card)) {
            inv.console().out(line);
        }
        List<String> notes = loaded.kext().notes();
        if (!notes.isEmpty()) {
            inv.console().out("");
            notes.forEach(n -> inv.console().out("kextshell: note: " + n));
        }
        String panic = card.firstPanic();
        if (panic != null) {
            inv.console().out("");
            inv.console().out("The first panic, as the Mac would have reported it:");
            panic.lines().forEach(l -> inv.console().out("  " + l));
            inv.console().out("(Each scenario ran in its own kernel; your shell's kernel was not touched.)");
        }
        return card.passed() ? 0 : 1;
    }
}
