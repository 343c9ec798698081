package kextshell.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.TreeSet;
import org.apache.commons.text.similarity.DamerauLevenshteinDistance;

/**
 * "Did you mean ...?" for mistyped words: command names now, bundle ids, class names and paths
 * later. Pure functions, deterministic order (closest first, then alphabetical).
 */
public final class Suggest {
    /** At most this many names are suggested at once. */
    public static final int MAX_SUGGESTIONS = 3;

    private Suggest() {
    }

    /**
     * The candidates closest to {@code word}, using a typo allowance that grows with the word: one
     * edit for words of up to four characters, two for longer ones. When no candidate is that close,
     * candidates that start with {@code word} (three characters or more) are offered instead.
     */
    public static List<String> closest(String word, Collection<String> candidates) {
        int allowance = word.length() <= 4 ? 1 : 2;
        List<String> found = closest(word, candidates, allowance);
        return found.isEmpty() ? byPrefix(word, candidates) : found;
    }

    /**
     * The candidates within {@code maxEdits} edits of {@code word} (an edit is an insertion, a
     * deletion, a substitution or a swap of two neighbouring characters; case is ignored). Only
     * those at the smallest distance are returned, alphabetically, at most
     * {@link #MAX_SUGGESTIONS}. A candidate exactly equal to {@code word} is never suggested.
     */
    public static List<String> closest(String word, Collection<String> candidates, int maxEdits) {
        DamerauLevenshteinDistance distance = new DamerauLevenshteinDistance(maxEdits);
        String typed = word.toLowerCase(Locale.ROOT);
        int best = Integer.MAX_VALUE;
        TreeSet<String> bestNames = new TreeSet<>();
        for (String candidate : candidates) {
            if (candidate.equals(word)) {
                continue;
            }
            int d = distance.apply(typed, candidate.toLowerCase(Locale.ROOT));
            if (d < 0 || d > best) {
                continue;
            }
            if (d < best) {
                best = d;
                bestNames.clear();
            }
            bestNames.add(candidate);
        }
        return limit(bestNames);
    }

    /**
     * The message tail for a list of suggestions: {@code did you mean 'a'?},
     * {@code did you mean 'a' or 'b'?}, {@code did you mean 'a', 'b' or 'c'?}; empty for none.
     */
    public static String didYouMean(List<String> names) {
        if (names.isEmpty()) {
            return "";
        }
        StringBuilder text = new StringBuilder("did you mean ");
        for (int i = 0; i < names.size(); i++) {
            if (i > 0) {
                text.append(i == names.size() - 1 ? " or " : ", ");
            }
            text.append('\'').append(names.get(i)).append('\'');
        }
        return text.append('?').toString();
    }

    private static List<String> byPrefix(String word, Collection<String> candidates) {
        if (word.length() < 3) {
            return List.of();
        }
        String typed = word.toLowerCase(Locale.ROOT);
        TreeSet<String> names = new TreeSet<>();
        for (String candidate : candidates) {
            if (!candidate.equals(word) && candidate.toLowerCase(Locale.ROOT).startsWith(typed)) {
                names.add(candidate);
            }
        }
        return limit(names);
    }

    private static List<String> limit(TreeSet<String> names) {
        List<String> out = new ArrayList<>(names);
        return List.copyOf(out.subList(0, Math.min(MAX_SUGGESTIONS, out.size())));
    }
}
