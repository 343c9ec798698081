package kextshell.app;

import java.util.ArrayList;
import java.util.List;
import kextshell.compare.Scenario;
import kextshell.compare.Strategy;
import kextshell.shell.CompletionKind;
import kextshell.shell.Session;
import kextshell.tutorial.LessonLibrary;
import kextshell.tutorial.TutorialEngine;

/** Backs the completion kinds whose values live above the shell: lesson ids, strategies, scenarios. */
final class Completions {
    private Completions() {
    }

    static void install(Session session) {
        session.provideCompletionValues(CompletionKind.LESSON, () -> lessons(session));
        session.provideCompletionValues(CompletionKind.STRATEGY, () -> Strategy.all().stream().map(Strategy::name).toList());
        session.provideCompletionValues(CompletionKind.SCENARIO, () -> scenarios());
    }

    private static List<String> lessons(Session session) {
        List<String> ids = new ArrayList<>();
        for (LessonLibrary.Entry e : TutorialEngine.of(session).library().entries()) {
            ids.add(e.id());
        }
        return ids;
    }

    private static List<String> scenarios() {
        List<String> ids = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            ids.add(s.id());
        }
        return ids;
    }
}
