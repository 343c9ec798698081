package kextshell.cli;

import java.util.List;
import kextshell.shell.CompletionSource;
import org.jline.reader.Candidate;
import org.jline.reader.Completer;
import org.jline.reader.LineReader;
import org.jline.reader.ParsedLine;

/**
 * Tab completion for the line editor: turns JLine's parsed line into "words before the cursor"
 * plus "partial word", asks the session's {@link CompletionSource}, and hands back every
 * candidate; JLine itself keeps those matching the partial word.
 */
public final class ShellCompleter implements Completer {
    private final CompletionSource source;

    public ShellCompleter(CompletionSource source) {
        this.source = source;
    }

    @Override
    public void complete(LineReader reader, ParsedLine line, List<Candidate> candidates) {
        int index = Math.max(0, Math.min(line.wordIndex(), line.words().size()));
        List<String> before = List.copyOf(line.words().subList(0, index));
        String current = line.word() == null ? "" : line.word().substring(0, Math.min(line.wordCursor(), line.word().length()));
        for (String value : source.candidates(before, current)) {
            // A folder ("Extensions/") is not finished: no space after it, so Tab can go on inside.
            candidates.add(new Candidate(value, value, null, null, null, null, !value.endsWith("/")));
        }
    }
}
