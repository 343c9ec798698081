package kextshell.shell;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * After a command fails, a near-miss argument (a bundle id, class name or kext path one or two
 * typos away from a real one) gets one "did you mean" line. It is printed by kextshell after the
 * tool's own output, which stays exactly what the real tool prints.
 */
final class ValueHints {
    private static final List<CompletionKind> KINDS =
            List.of(CompletionKind.BUNDLE_ID, CompletionKind.CLASS, CompletionKind.KEXT_PATH);

    private ValueHints() {
    }

    static void afterFailure(Session session, List<String> words, Console console) {
        if (words.get(0).equals("sudo")) {
            words = words.subList(1, words.size());
        }
        ShellCommand command = session.commands().get(words.get(0));
        List<String> options = command == null ? List.of() : command.options();
        Set<String> suggestions = new LinkedHashSet<>();
        for (String word : words.subList(1, words.size())) {
            if (word.startsWith("-") && word.length() > 3 && !options.contains(word)) {
                // A mistyped long option; single letters (-v2, -12) are left alone.
                List<String> longOptions = options.stream().filter(o -> o.length() > 3).toList();
                suggestions.addAll(Suggest.closest(word, longOptions, 2));
                continue;
            }
            if (word.startsWith("-") || word.length() < 6) {
                continue;
            }
            List<String> known = new ArrayList<>();
            for (CompletionKind kind : KINDS) {
                known.addAll(session.completionValues(kind));
            }
            if (!known.contains(word)) {
                suggestions.addAll(Suggest.closest(word, known, 2));
            }
        }
        if (!suggestions.isEmpty()) {
            console.err("kextshell: " + Suggest.didYouMean(new ArrayList<>(suggestions)));
        }
    }
}
