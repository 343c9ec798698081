package kextshell.trace.command;

import java.util.List;
import kextshell.kernel.JournalEvent;
import kextshell.shell.CommandMarks;
import kextshell.shell.Console;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;
import kextshell.trace.SequenceDiagram;
import kextshell.trace.SvgRenderer;
import kextshell.trace.TextRenderer;
import kextshell.trace.TraceLayout;
import kextshell.trace.TraceQueries;
import kextshell.trace.export.HostFiles;
import kextshell.trace.export.HostWrites;

/**
 * {@code trace}: the journal of the last state-changing command drawn as a sequence diagram;
 * {@code trace N} for command N, {@code trace --list} to see the numbers, {@code trace --svg FILE}
 * to export, {@code trace --step} to walk the events one at a time.
 */
public final class TraceCommand implements ShellCommand {
    static final List<String> USAGE = List.of("usage: trace [N] [--ascii | --unicode] [--svg FILE [--force]]",
            "       trace --list", "       trace --step [N]", "       trace --step next | back | goto K | quit");

    /** The session's default drawing: ASCII when the front end says the terminal cannot show boxes. */
    private static final class Style {
        boolean ascii;
    }

    /** Called by the interactive front end: a dumb or non-UTF-8 terminal gets ASCII unless --unicode. */
    public static void useAscii(kextshell.shell.Session session, boolean ascii) {
        session.toolState(Style.class, Style::new).ascii = ascii;
    }

    private static final List<String> HELP = List.of("",
            "Draws the kernel journal of one command as a sequence diagram: a lifeline per",
            "actor, an arrow per callback with its option bits, phase 1/2/3 bands, vetoes,",
            "time-outs and dying ports.",
            "  N             command N of this session (see --list); by default the last",
            "                command that changed the kernel",
            "  --list        the commands that changed the kernel, numbered",
            "  --ascii       no box-drawing characters (the default on a dumb terminal);",
            "                --unicode forces them",
            "  --svg FILE    write the diagram as an SVG file; --force replaces a file",
            "  --step [N]    walk the events one at a time, then 'trace --step next',",
            "                'back', 'goto K', 'quit'");


    @Override
    public List<String> help() {
        List<String> lines = new java.util.ArrayList<>(USAGE);
        lines.addAll(HELP);
        return lines;
    }

    @Override
    public String name() {
        return "trace";
    }

    @Override
    public String summary() {
        return "draw what the last command did in the kernel as a sequence diagram";
    }

    @Override
    public List<String> options() {
        return List.of("--list", "--step", "--svg", "--force", "--ascii", "--unicode");
    }

    @Override
    public int run(Invocation invocation, List<String> args) {
        Console console = invocation.console();
        if (args.size() == 1 && (args.get(0).equals("-h") || args.get(0).equals("--help"))) {
            help().forEach(console::out);
            return 0;
        }
        TraceArgs parsed = TraceArgs.parse(args);
        if (parsed.error() != null) {
            console.err("trace: " + parsed.error());
            USAGE.forEach(console::err);
            return kextshell.shell.Sysexits.EX_USAGE;
        }
        List<CommandMarks.Mark> marks = CommandMarks.of(invocation.session()).all();
        if (parsed.list()) {
            return list(marks, console);
        }
        if (parsed.stepAction() != null && !parsed.stepAction().equals("start")) {
            return Stepper.of(invocation.session()).act(parsed.stepAction(), parsed.stepTarget(), console);
        }
        CommandMarks.Mark mark = pick(marks, parsed.number(), console);
        if (mark == null) {
            return 1;
        }
        // sequence numbers, not list positions: the journal may have dropped old events
        List<JournalEvent> context = mark.context();
        List<JournalEvent> range = mark.range();
        if (parsed.stepAction() != null) {
            return Stepper.of(invocation.session()).start(mark, context, range, console);
        }
        if (range.isEmpty() && parsed.svg() == null) {
            console.out("trace " + mark.number() + ": " + mark.line() + "  (no events: nothing changed in the kernel)");
            return 0;
        }
        SequenceDiagram diagram = TraceLayout.compute(mark.line(), context, range);
        if (parsed.svg() != null) {
            if (HostWrites.forbidden(invocation.session())) {
                console.err("trace: --svg: not available while replaying a transcript");
                return 1;
            }
            String error = HostFiles.write(parsed.svg(), SvgRenderer.render(diagram, true), parsed.force());
            if (error != null) {
                console.err("trace: " + error);
                return 1;
            }
            console.out("trace: wrote " + parsed.svg() + " (command " + mark.number() + ", "
                    + diagram.rows().size() + " rows)");
            return 0;
        }
        console.out("trace " + mark.number() + ": " + mark.line() + "  (" + TraceQueries.summary(range) + ")");
        boolean ascii = parsed.ascii()
                || !parsed.unicode() && invocation.session().toolState(Style.class, Style::new).ascii;
        for (String line : TextRenderer.render(diagram, invocation.session().config().width(), !ascii)) {
            console.out(line);
        }
        return 0;
    }

    private static int list(List<CommandMarks.Mark> marks, Console console) {
        boolean any = false;
        for (CommandMarks.Mark m : marks) {
            List<JournalEvent> range = m.range();
            if (TraceQueries.changesState(range)) {
                console.out(String.format(java.util.Locale.ROOT, "%5d  %s  (%s)", m.number(), m.line(),
                        TraceQueries.summary(range)));
                any = true;
            }
        }
        if (!any) {
            console.out("trace: no command has changed the kernel yet");
        }
        return 0;
    }

    /** Command {@code number}, or the last one that changed the kernel when number is 0. */
    private static CommandMarks.Mark pick(List<CommandMarks.Mark> marks, int number, Console console) {
        if (number > 0) {
            if (number > marks.size()) {
                console.err("trace: no command " + number + " (this session has run " + marks.size() + ")");
                return null;
            }
            return marks.get(number - 1);
        }
        for (int i = marks.size() - 1; i >= 0; i--) {
            CommandMarks.Mark m = marks.get(i);
            if (TraceQueries.changesState(m.range())) {
                return m;
            }
        }
        console.err("trace: no command has changed the kernel yet");
        return null;
    }
}
