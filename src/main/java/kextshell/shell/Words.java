package kextshell.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits an input line into words the way a POSIX shell does for the simple cases a learner
 * types: whitespace separates words, single quotes are literal, double quotes and backslash
 * escape. Nothing is expanded: no globbing, no variables, no history ('!' stays a literal).
 */
public final class Words {
    private Words() {
    }

    /** Thrown for a quote that never closes; the message is what the shell prints. */
    public static final class UnmatchedQuote extends Exception {
        private static final long serialVersionUID = 1L;

        UnmatchedQuote(char quote) {
            super("unmatched " + quote);
        }
    }

    public static List<String> split(String line) throws UnmatchedQuote {
        List<String> words = new ArrayList<>();
        StringBuilder word = new StringBuilder();
        boolean inWord = false;
        int i = 0;
        while (i < line.length()) {
            char c = line.charAt(i);
            if (c == '\'' || c == '"') {
                int close = findClose(line, i + 1, c);
                if (close < 0) {
                    throw new UnmatchedQuote(c);
                }
                appendQuoted(word, line.substring(i + 1, close), c == '"');
                inWord = true;
                i = close + 1;
            } else if (c == '\\' && i + 1 < line.length()) {
                word.append(line.charAt(i + 1));
                inWord = true;
                i += 2;
            } else if (Character.isWhitespace(c)) {
                if (inWord) {
                    words.add(word.toString());
                    word.setLength(0);
                    inWord = false;
                }
                i++;
            } else {
                word.append(c);
                inWord = true;
                i++;
            }
        }
        if (inWord) {
            words.add(word.toString());
        }
        return words;
    }

    private static int findClose(String line, int from, char quote) {
        for (int j = from; j < line.length(); j++) {
            char c = line.charAt(j);
            if (c == '\\' && quote == '"' && j + 1 < line.length()) {
                j++;
            } else if (c == quote) {
                return j;
            }
        }
        return -1;
    }

    private static void appendQuoted(StringBuilder word, String body, boolean doubleQuoted) {
        if (!doubleQuoted) {
            word.append(body);
            return;
        }
        for (int j = 0; j < body.length(); j++) {
            char c = body.charAt(j);
            if (c == '\\' && j + 1 < body.length() && "\"\\$`".indexOf(body.charAt(j + 1)) >= 0) {
                word.append(body.charAt(++j));
            } else {
                word.append(c);
            }
        }
    }
}
