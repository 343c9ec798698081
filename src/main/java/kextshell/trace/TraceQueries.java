package kextshell.trace;

import java.util.List;
import kextshell.kernel.JournalEvent;

/** Questions the {@code trace} command asks of a journal slice. */
public final class TraceQueries {
    private TraceQueries() {
    }

    /** Whether a command changed anything: any event but the autounload timer's periodic scan. */
    public static boolean changesState(List<JournalEvent> range) {
        for (JournalEvent e : range) {
            if (!EventRows.isRoutineScan(e)) {
                return true;
            }
        }
        return false;
    }

    /** One line saying what a slice did, for {@code trace --list}: e.g. "3 terminated, 1 veto". */
    public static String summary(List<JournalEvent> slice) {
        List<JournalEvent> range = TraceLayout.flat(slice);
        int terminated = 0;
        int vetoes = 0;
        int timeouts = 0;
        int calls = 0;
        for (JournalEvent e : range) {
            calls += e.kind().equals("call") ? 1 : 0;
            terminated += e.isCall("terminate", null) ? 1 : 0;
            vetoes += EventRows.isVeto(e) ? 1 : 0;
            timeouts += e.what().equals("sync-timeout") ? 1 : 0;
        }
        StringBuilder b = new StringBuilder();
        b.append(range.size()).append(range.size() == 1 ? " event" : " events");
        b.append(", ").append(calls).append(calls == 1 ? " callback" : " callbacks");
        if (terminated > 0) {
            b.append(", ").append(terminated).append(" terminate()");
        }
        if (vetoes > 0) {
            b.append(", ").append(vetoes).append(vetoes == 1 ? " refusal" : " refusals");
        }
        if (timeouts > 0) {
            b.append(", time-out");
        }
        return b.toString();
    }
}
