package kextshell.trace;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the rows that concern a folded lane ("client ×98"): within each unbroken run of such
 * rows, rows that look the same (same lanes, same label) become one row that counts them, in the
 * order each first appeared. 100,000 clients' four phase-1 calls become four rows.
 */
final class Folding {
    private Folding() {
    }

    static List<Row> fold(List<Row> rows, List<Lane> lanes) {
        List<Row> out = new ArrayList<>();
        Map<Object, Row> run = new LinkedHashMap<>();
        for (Row row : rows) {
            if (touchesFolded(row, lanes)) {
                run.merge(key(row), row, Folding::count);
            } else {
                out.addAll(run.values());
                run.clear();
                out.add(row);
            }
        }
        out.addAll(run.values());
        return out;
    }

    private static boolean touchesFolded(Row row, List<Lane> lanes) {
        if (row instanceof Row.Message m) {
            return lanes.get(m.from()).folded() || lanes.get(m.to()).folded();
        }
        return row instanceof Row.Mark k && lanes.get(k.lane()).folded();
    }

    private static Object key(Row row) {
        if (row instanceof Row.Message m) {
            return List.of("m", m.from(), m.to(), m.label());
        }
        Row.Mark k = (Row.Mark) row;
        return List.of("k", k.lane(), k.kind(), k.label());
    }

    private static Row count(Row first, Row next) {
        if (first instanceof Row.Message m) {
            return new Row.Message(m.from(), m.to(), m.label(), m.times() + next.times(), m.seq());
        }
        Row.Mark k = (Row.Mark) first;
        return new Row.Mark(k.lane(), k.kind(), k.label(), k.times() + next.times(), k.seq());
    }
}
