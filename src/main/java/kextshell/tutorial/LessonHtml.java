package kextshell.tutorial;

import java.util.List;
import kextshell.shell.Console;
import kextshell.trace.export.HostFiles;
import kextshell.transcript.TranscriptHtml;

/**
 * {@code tutorial export-html ID [-o OUT] [--force]}: the lesson as a web page for a course site,
 * its Setup and Solution replayed with the lesson's own seed, a diagram under every command that
 * terminated something. Writes ID.html in the current host directory unless -o says otherwise.
 */
final class LessonHtml {
    static final String USAGE = "tutorial export-html ID [-o OUT] [--force]";

    private LessonHtml() {
    }

    static int export(TutorialEngine engine, kextshell.shell.Session session, List<String> args, Console console) {
        String id = null;
        String out = null;
        boolean force = false;
        for (int i = 0; i < args.size(); i++) {
            String a = args.get(i);
            if (a.equals("--force")) {
                force = true;
            } else if (a.equals("-o") && i + 1 < args.size()) {
                out = args.get(++i);
            } else if (!a.startsWith("-") && id == null) {
                id = a;
            } else {
                console.err("usage: " + USAGE);
                return 2;
            }
        }
        if (id == null) {
            console.err("usage: " + USAGE);
            return kextshell.shell.Sysexits.EX_USAGE;
        }
        if (kextshell.trace.export.HostWrites.forbidden(session)) {
            console.err("tutorial: export-html: not available while replaying a transcript");
            return 1;
        }
        LessonLibrary.Entry entry = engine.library().find(id);
        if (entry == null) {
            console.err("tutorial: no lesson '" + id + "'; 'tutorial list' shows them");
            return 1;
        }
        if (!entry.ok()) {
            console.err("tutorial: lesson " + entry.id() + " can't be read: " + entry.error().getMessage());
            return 1;
        }
        Lesson lesson = entry.lesson();
        String target = out != null ? out : lesson.id() + ".html";
        String html = TranscriptHtml.render(lesson.transcript(),
                lesson.transcript().config().withSeed(lesson.seed()),
                session.toolState(kextshell.shell.SessionFactory.class, () -> config -> {
                    throw new IllegalStateException("no session factory installed");
                }));
        String error = HostFiles.write(target, html, force);
        if (error != null) {
            console.err("tutorial: " + error);
            return 1;
        }
        console.out("wrote " + target);
        return 0;
    }
}
