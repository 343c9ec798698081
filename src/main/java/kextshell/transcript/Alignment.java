package kextshell.transcript;

import java.util.ArrayList;
import java.util.List;

/**
 * Lines up expected lines (with wildcards) against actual output lines. This is a line-level
 * LCS/edit-distance table where "equal" means "the expected line matches", and where {@code ...}
 * may swallow any number of actual lines for free. Output matches exactly when the cheapest
 * alignment costs nothing, so the matcher, the diff and the updater all share one answer.
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

    public static Alignment of(List<ExpectedLine> expected, List<String> actual) {
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
