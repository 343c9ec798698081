package kextshell.transcript;

import java.util.List;
import kextshell.shell.SessionConfig;

/**
 * A parsed transcript file. The raw lines (with their original terminators) are kept so the
 * updater can rewrite expected output and leave every other byte of the file as it was.
 *
 * @param name     how the file is named in messages (the path as the user gave it)
 * @param rawLines every line of the file including its terminator ("\n", "\r\n" or none at EOF)
 * @param config   seed and width from the first kextshell block (defaults 0 and 80)
 */
public record Transcript(String name, List<String> rawLines, SessionConfig config, List<Block> blocks) {
    public Transcript {
        rawLines = List.copyOf(rawLines);
        blocks = List.copyOf(blocks);
    }

    /** The terminator new lines get: the one the file's first line uses, "\n" by default. */
    public String lineEnding() {
        if (!rawLines.isEmpty() && rawLines.get(0).endsWith("\r\n")) {
            return "\r\n";
        }
        return "\n";
    }

    public int commandCount() {
        return blocks.stream().mapToInt(b -> b.steps().size()).sum();
    }
}
