package kextshell.trace;

import kextshell.app.Kextshell;
import java.util.List;
import kextshell.kernel.JournalEvent;
import kextshell.shell.Result;
import kextshell.shell.Session;

/** Runs shell lines and lays out the journal slice of the last one. */
final class Traces {
    private Traces() {
    }

    static SequenceDiagram lastLine(String... lines) {
        Session session = Kextshell.newSession();
        int from = 0;
        for (int i = 0; i < lines.length - 1; i++) {
            run(session, lines[i]);
        }
        from = session.kernel().journal().size();
        run(session, lines[lines.length - 1]);
        List<JournalEvent> all = session.kernel().journal().events();
        return TraceLayout.compute(lines[lines.length - 1], all.subList(0, from), all.subList(from, all.size()));
    }

    private static void run(Session session, String line) {
        Result r = session.execute(line);
        if (r.exitCode() != 0 && !line.contains("kextunload")) {
            throw new AssertionError(line + " failed: " + r.output());
        }
    }

    static SequenceDiagram question(int clients) {
        return lastLine("sudo kextload /Library/Extensions/driver.kext",
                "launch --count " + clients + " com_osxkernel_driver", "sudo kextunload -b com.osxkernel.driver");
    }

    static String laneOf(SequenceDiagram d, int lane) {
        return d.lanes().get(lane).label();
    }
}
