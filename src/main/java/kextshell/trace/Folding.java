package kextshell.trace;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Folds the rows that concern a folded lane ("client ×98"): within each unbroken run of such
 * rows, rows that look the same (same lanes, same label) become one row that counts them, in the
 * order each first appeared. 100,000 clients' four phase-1 calls become four rows. Rows are fed
 * one at a time, so the million rows of a big unload never exist together.
 */
final class Folding {
    /** Above this many distinct rows in one run, a hash index replaces the linear search. */
    private static final int LINEAR = 16;

    private final boolean[] folded;
    private final List<Row> out = new ArrayList<>();
    private final List<Row> run = new ArrayList<>();
    private Map<Key, Integer> index;

    Folding(List<Lane> lanes) {
        folded = new boolean[lanes.size()];
        for (int i = 0; i < folded.length; i++) {
            folded[i] = lanes.get(i).folded();
        }
    }

    /** What makes two rows "the same" for folding: lanes, mark kind (null for a call) and label. */
    private record Key(int from, int to, Row.MarkKind kind, String label) {
    }

    void add(Row row) {
        if (!touchesFolded(row)) {
            endRun();
            out.add(row);
            return;
        }
        int at = find(row);
        if (at < 0) {
            run.add(row);
            if (index != null) {
                index.put(key(row), run.size() - 1);
            } else if (run.size() > LINEAR) {
                index = new HashMap<>();
                for (int i = 0; i < run.size(); i++) {
                    index.put(key(run.get(i)), i);
                }
            }
        } else {
            run.set(at, count(run.get(at), row));
        }
    }

    List<Row> rows() {
        endRun();
        return out;
    }

    private void endRun() {
        out.addAll(run);
        run.clear();
        index = null;
    }

    private int find(Row row) {
        if (index != null) {
            Integer at = index.get(key(row));
            return at == null ? -1 : at;
        }
        for (int i = 0; i < run.size(); i++) {
            if (same(run.get(i), row)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean same(Row a, Row b) {
        if (a instanceof Row.Message m && b instanceof Row.Message n) {
            return m.from() == n.from() && m.to() == n.to() && m.label().equals(n.label());
        }
        if (a instanceof Row.Mark m && b instanceof Row.Mark n) {
            return m.lane() == n.lane() && m.kind() == n.kind() && m.label().equals(n.label());
        }
        return false;
    }

    private boolean touchesFolded(Row row) {
        if (row instanceof Row.Message m) {
            return folded[m.from()] || folded[m.to()];
        }
        return row instanceof Row.Mark k && folded[k.lane()];
    }

    private static Key key(Row row) {
        if (row instanceof Row.Message m) {
            return new Key(m.from(), m.to(), null, m.label());
        }
        Row.Mark k = (Row.Mark) row;
        return new Key(k.lane(), k.lane(), k.kind(), k.label());
    }

    private static Row count(Row first, Row next) {
        if (first instanceof Row.Message m) {
            return new Row.Message(m.from(), m.to(), m.label(), m.times() + next.times(), m.seq());
        }
        Row.Mark k = (Row.Mark) first;
        return new Row.Mark(k.lane(), k.kind(), k.label(), k.times() + next.times(), k.seq());
    }
}
