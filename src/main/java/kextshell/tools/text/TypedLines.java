package kextshell.tools.text;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.Questions;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.SessionListener;

/**
 * The lines typed in one session, for {@code history}: every typed line that ran, not blank ones,
 * not those that answered a {@code [y/N]} question, not lines a lesson or replay ran on the
 * learner's behalf ({@link Session#executeNested} does not report them). Install it when the
 * session is made ({@link #of}), so the first line is kept.
 */
public final class TypedLines implements SessionListener {
    private final Session session;
    private final List<String> lines = new ArrayList<>();
    private long answersSeen;

    private TypedLines(Session session) {
        this.session = session;
        session.addListener(this);
    }

    /** The session's list, created and hooked in on first use. */
    public static TypedLines of(Session session) {
        return session.toolState(TypedLines.class, () -> new TypedLines(session));
    }

    @Override
    public void executed(String line, Result result) {
        long answers = Questions.of(session).answers();
        boolean wasAnswer = answers != answersSeen;
        answersSeen = answers;
        if (!wasAnswer && !line.isBlank()) {
            lines.add(line.strip());
        }
    }

    /** Line {@code n} is {@code lines().get(n - 1)}. */
    public List<String> lines() {
        return List.copyOf(lines);
    }
}
