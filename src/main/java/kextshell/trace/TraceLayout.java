package kextshell.trace;

import java.util.List;
import kextshell.kernel.JournalEvent;

/** Computes a {@link SequenceDiagram} from a slice of the journal; pure and deterministic. */
public final class TraceLayout {
    private TraceLayout() {
    }

    /**
     * @param commandLine the line that produced the events (its tool names the first lifeline)
     * @param context     journal events before the slice (who opened which user client)
     * @param range       the events to draw
     */
    public static SequenceDiagram compute(String commandLine, List<JournalEvent> context, List<JournalEvent> slice) {
        // one bulk copy: iterating a sub-list of the journal's unmodifiable view checks bounds twice
        // per element, and a big unload's slice is walked several times
        List<JournalEvent> range = flat(slice);
        Cast cast = new Cast(commandLine, flat(context), range);
        EventRows mapping = new EventRows(cast, range.isEmpty() ? 0 : range.get(0).timeNs());
        Folding rows = new Folding(cast.lanes);
        String phase = "";
        Row request = EventRows.request(commandLine, cast, range);
        if (request != null) {
            rows.add(request);
        }
        for (JournalEvent e : range) {
            Row row = mapping.row(e);
            if (row == null) {
                continue;
            }
            if (!e.phase().equals(phase)) {
                phase = e.phase();
                rows.add(new Row.Band(phase, EventRows.phaseLabel(phase, cast.synchronous)));
            }
            rows.add(row);
        }
        return new SequenceDiagram(commandLine.strip(), cast.lanes, rows.rows(), range.size());
    }

    static List<JournalEvent> flat(List<JournalEvent> events) {
        return java.util.Arrays.asList(events.toArray(new JournalEvent[0]));
    }


}
