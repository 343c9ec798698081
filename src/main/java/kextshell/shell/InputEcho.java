package kextshell.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * How an input is shown after the fact (piped mode's echo, transcripts, replay, a lesson's
 * Solution): its first line after {@code $ }, each continuation line after {@code > }, as a
 * terminal showed them after the prompt and zsh's continuation prompt.
 */
public final class InputEcho {
    public static final String PROMPT = "$";
    public static final String CONTINUATION = ">";

    private InputEcho() {
    }

    public static List<String> lines(String input) {
        List<String> out = new ArrayList<>();
        String[] parts = input.split("\n", -1);
        for (int i = 0; i < parts.length; i++) {
            String mark = i == 0 ? PROMPT : CONTINUATION;
            out.add(parts[i].isEmpty() ? mark : mark + " " + parts[i]);
        }
        return out;
    }

    /** The lines joined, each ending in a newline. */
    public static String text(String input) {
        return String.join("\n", lines(input)) + "\n";
    }
}
