package kextshell.shell;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kextshell.kernel.Journal;
import kextshell.kernel.JournalEvent;

/**
 * Which journal events each typed line produced: a listener notes the journal's size after every
 * line, so a line's events are those between the previous mark and its own (on the same kernel;
 * after a kernel reset they start at 0). {@code trace} reads these marks.
 */
public final class CommandMarks implements SessionListener {
    /**
     * One typed line and its journal slice.
     *
     * @param number   1-based position among the session's typed lines
     * @param line     what was typed
     * @param journal  the journal of the kernel the line ran on
     * @param from     first event index (inclusive)
     * @param to       last event index (exclusive)
     * @param exitCode the line's status
     */
    public record Mark(int number, String line, Journal journal, int from, int to, int exitCode) {
        public int events() {
            return to - from;
        }

        /** The line's events (none when the kernel had not booted yet). */
        public List<JournalEvent> range() {
            return journal == null ? List.of() : journal.between(from, to);
        }

        /** What came before them that a trace needs (see {@link Journal#before}). */
        public List<JournalEvent> context() {
            return journal == null ? List.of() : journal.before(from);
        }
    }

    private final Session session;
    private final List<Mark> marks = new ArrayList<>();

    private CommandMarks(Session session) {
        this.session = session;
    }

    /** Starts marking the session's lines (called once, when the session is built). */
    static void install(Session session) {
        session.addListener(session.toolState(CommandMarks.class, () -> new CommandMarks(session)));
    }

    /** The marks of a session. */
    public static CommandMarks of(Session session) {
        return session.toolState(CommandMarks.class, () -> new CommandMarks(session));
    }

    @Override
    public void executed(String line, Result result) {
        if (!session.kernelBooted()) {
            marks.add(new Mark(marks.size() + 1, line, null, 0, 0, result.exitCode())); // touched no kernel
            return;
        }
        Journal journal = session.kernel().journal();
        int from = 0;
        if (!marks.isEmpty() && marks.get(marks.size() - 1).journal() == journal) {
            from = marks.get(marks.size() - 1).to();
        }
        marks.add(new Mark(marks.size() + 1, line, journal, Math.min(from, journal.size()), journal.size(),
                result.exitCode()));
    }

    public List<Mark> all() {
        return Collections.unmodifiableList(marks);
    }
}
