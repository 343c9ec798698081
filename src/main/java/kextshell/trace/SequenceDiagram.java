package kextshell.trace;

import java.util.List;

/**
 * A sequence-diagram layout computed from a slice of the kernel journal; renderers only draw it.
 *
 * @param title  what the diagram shows, e.g. the command line
 * @param lanes  lifelines, left to right
 * @param rows   calls, marks and phase bands, top to bottom
 * @param events how many journal events the diagram was computed from
 */
public record SequenceDiagram(String title, List<Lane> lanes, List<Row> rows, int events) {
    public SequenceDiagram {
        lanes = List.copyOf(lanes);
        rows = List.copyOf(rows);
    }

    /** Whether anything was terminated: the HTML export draws a diagram only under such commands. */
    public boolean terminatesSomething() {
        return rows.stream().anyMatch(r -> r instanceof Row.Message m && m.label().startsWith("terminate("));
    }
}
