package kextshell.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines up expected lines (with wildcards) against actual output lines. This is a line-level
 * LCS/edit-distance table where "equal" means "the expected line matches", and where {@code ...}
 * may swallow any number of actual lines for free. Output matches exactly when the cheapest
 * alignment costs nothing, so the matcher, the diff and the updater all share one answer.
 *
 * <p>Memory is bounded: the table is built only when it has at most {@link #MAX_CELLS} cells
 * (about 20 MB). Larger blocks (a crafted 40 KB file once needed 8 GB here) are first tested
 * with a wildcard matcher that needs no table ({@link #globMatch}); if they match, its path is
 * the alignment; if not, equal leading and trailing lines are kept and only a middle that fits
 * the table is diffed line by line, anything bigger is shown as all '-' then all '+'.
 */
public final class Alignment {
    /** One step of the alignment, in order. */
    public enum Kind {
        /** expected line kept, it matched {@code actual}. */
        MATCH,
        /** a {@code ...} line, kept; the ABSORB ops after it are the lines it matched. */
        ELLIPSIS,
        /** an actual line matched by the preceding {@code ...}; not a line of the file. */
        ABSORB,
        /** expected line that has no counterpart: shown as '-'. */
        DELETE,
        /** actual line that has no counterpart: shown as '+'. */
        INSERT
    }

    /** {@code expected} is null for INSERT/ABSORB, {@code actual} is null for DELETE/ELLIPSIS. */
    public record Op(Kind kind, ExpectedLine expected, String actual) {
    }

    private static final int FAR = Integer.MAX_VALUE / 2;

    private final List<Op> ops;
    private final int cost;

    private Alignment(List<Op> ops, int cost) {
        this.ops = List.copyOf(ops);
        this.cost = cost;
    }

    public List<Op> ops() {
        return ops;
    }

    /** True when the actual lines satisfy the expected lines. */
    public boolean matches() {
        return cost == 0;
    }

    /** Table cells (expected lines + 1) x (actual lines + 1) the full alignment may use. */
    static final long MAX_CELLS = 4_000_000;

    public static Alignment of(List<ExpectedLine> expected, List<String> actual) {
        if ((long) (expected.size() + 1) * (actual.size() + 1) <= MAX_CELLS) {
            return table(expected, actual);
        }
        List<Op> matched = globMatch(expected, actual);
        if (matched != null) {
            return new Alignment(matched, 0);
        }
        return trimmed(expected, actual);
    }

    /**
     * Matches like a shell glob with {@code ...} as '*': O(1) extra memory, and each actual line
     * is retried only after the most recent ellipsis. Returns the ops of the match, or null.
     */
    static List<Op> globMatch(List<ExpectedLine> expected, List<String> actual) {
        int m = expected.size();
        int n = actual.size();
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        int star = -1;
        int starOps = 0;
        while (j < n) {
            if (i < m && expected.get(i).isEllipsis()) {
                ops.add(new Op(Kind.ELLIPSIS, expected.get(i), null));
                star = i++;
                starOps = ops.size();
            } else if (i < m && expected.get(i).matches(actual.get(j))) {
                ops.add(new Op(Kind.MATCH, expected.get(i++), actual.get(j++)));
            } else if (star >= 0) {
                // the last ellipsis swallows one more line; everything matched after it is retried
                j = j - (ops.size() - starOps);
                ops.subList(starOps, ops.size()).clear();
                ops.add(new Op(Kind.ABSORB, null, actual.get(j++)));
                starOps = ops.size();
                i = star + 1;
            } else {
                return null;
            }
        }
        while (i < m && expected.get(i).isEllipsis()) {
            ops.add(new Op(Kind.ELLIPSIS, expected.get(i++), null));
        }
        return i == m ? ops : null;
    }

    /** A mismatch too big for the table: equal ends kept, the middle diffed if it fits. */
    private static Alignment trimmed(List<ExpectedLine> expected, List<String> actual) {
        int m = expected.size();
        int n = actual.size();
        int head = 0;
        while (head < m && head < n && !expected.get(head).isEllipsis() && expected.get(head).matches(actual.get(head))) {
            head++;
        }
        int tail = 0;
        while (tail < m - head && tail < n - head && !expected.get(m - 1 - tail).isEllipsis()
                && expected.get(m - 1 - tail).matches(actual.get(n - 1 - tail))) {
            tail++;
        }
        List<Op> ops = new ArrayList<>();
        for (int k = 0; k < head; k++) {
            ops.add(new Op(Kind.MATCH, expected.get(k), actual.get(k)));
        }
        List<ExpectedLine> midExpected = expected.subList(head, m - tail);
        List<String> midActual = actual.subList(head, n - tail);
        if ((long) (midExpected.size() + 1) * (midActual.size() + 1) <= MAX_CELLS) {
            ops.addAll(table(midExpected, midActual).ops);
        } else {
            for (ExpectedLine e : midExpected) {
                ops.add(new Op(e.isEllipsis() ? Kind.ELLIPSIS : Kind.DELETE, e, null));
            }
            for (String a : midActual) {
                ops.add(new Op(Kind.INSERT, null, a));
            }
        }
        for (int k = tail; k > 0; k--) {
            ops.add(new Op(Kind.MATCH, expected.get(m - k), actual.get(n - k)));
        }
        return new Alignment(ops, 1); // globMatch already found that these lines do not match
    }

    /** The full edit-distance table: the best diff, for blocks of at most MAX_CELLS cells. */
    private static Alignment table(List<ExpectedLine> expected, List<String> actual) {
        int m = expected.size();
        int n = actual.size();
        // cost[i][j]: cheapest way to align expected[i..] with actual[j..]
        int[][] cost = new int[m + 1][n + 1];
        boolean[][] same = new boolean[m][n];
        for (int j = 0; j <= n; j++) {
            cost[m][j] = n - j;
        }
        for (int i = m - 1; i >= 0; i--) {
            ExpectedLine e = expected.get(i);
            for (int j = n; j >= 0; j--) {
                if (e.isEllipsis()) {
                    cost[i][j] = Math.min(cost[i + 1][j], j < n ? cost[i][j + 1] : FAR);
                    continue;
                }
                int best = 1 + cost[i + 1][j];
                if (j < n) {
                    same[i][j] = e.matches(actual.get(j));
                    best = Math.min(best, 1 + cost[i][j + 1]);
                    if (same[i][j]) {
                        best = Math.min(best, cost[i + 1][j + 1]);
                    }
                }
                cost[i][j] = best;
            }
        }
        return new Alignment(walk(expected, actual, cost, same), cost[0][0]);
    }

    /** Reads the table forwards; ties prefer a match, then '-' before '+' as diff(1) shows it. */
    private static List<Op> walk(List<ExpectedLine> expected, List<String> actual, int[][] cost, boolean[][] same) {
        int m = expected.size();
        int n = actual.size();
        List<Op> ops = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < m || j < n) {
            if (i == m) {
                ops.add(new Op(Kind.INSERT, null, actual.get(j++)));
                continue;
            }
            ExpectedLine e = expected.get(i);
            if (e.isEllipsis()) {
                ops.add(new Op(Kind.ELLIPSIS, e, null));
                i++;
                // swallow lines while skipping them is at least as cheap as ending the ellipsis here
                while (j < n && cost[i - 1][j] != cost[i][j] && cost[i - 1][j] == cost[i - 1][j + 1]) {
                    ops.add(new Op(Kind.ABSORB, null, actual.get(j++)));
                }
                continue;
            }
            if (j < n && same[i][j] && cost[i][j] == cost[i + 1][j + 1]) {
                ops.add(new Op(Kind.MATCH, e, actual.get(j)));
                i++;
                j++;
            } else if (cost[i][j] == 1 + cost[i + 1][j]) {
                ops.add(new Op(Kind.DELETE, e, null));
                i++;
            } else {
                ops.add(new Op(Kind.INSERT, null, actual.get(j++)));
            }
        }
        return ops;
    }
}
