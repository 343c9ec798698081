package kextshell.trace.export;

import java.util.List;
import kextshell.kernel.JournalEvent;
import kextshell.shell.CommandMarks;
import kextshell.shell.Session;
import kextshell.trace.SequenceDiagram;
import kextshell.trace.TraceLayout;

/** The diagram of a session's last typed line, for exports that draw one under each command. */
public final class SessionTrace {
    private SessionTrace() {
    }

    /** The last typed line's diagram when that line terminated something, else null. */
    public static SequenceDiagram ofLastLineIfTerminating(Session session) {
        List<CommandMarks.Mark> marks = CommandMarks.of(session).all();
        if (marks.isEmpty()) {
            return null;
        }
        CommandMarks.Mark m = marks.get(marks.size() - 1);
        if (m.from() == m.to()) {
            return null;
        }
        SequenceDiagram d = TraceLayout.compute(m.line(), m.context(),
                m.range());
        return d.terminatesSomething() ? d : null;
    }
}
