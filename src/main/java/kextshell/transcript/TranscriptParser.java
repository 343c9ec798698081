package kextshell.transcript;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;
import kextshell.shell.SessionConfig;

/**
 * Reads the transcript format (see docs/transcripts.md). Line-based and strict: anything that is
 * probably a typo is a {@link TranscriptException} with the file line, never a silent skip.
 * The file's text is only read and matched, never interpolated or used to include other files.
 */
public final class TranscriptParser {
    private static final Pattern HEADING = Pattern.compile(" {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t]*#*[ \t]*");
    private static final int MAX_STATUS = 255;
    private static final int MAX_WIDTH = 1000;

    private final String name;
    private final List<String> raw;
    private final List<Block> blocks = new ArrayList<>();
    private SessionConfig config = SessionConfig.defaults();
    private boolean sawRunnableBlock;

    private TranscriptParser(String name, String text) {
        this.name = name;
        this.raw = SourceLines.split(text);
    }

    /** Parses text; {@code name} is used in messages ({@code name:line: ...}). */
    public static Transcript parse(String name, String text) throws TranscriptException {
        TranscriptParser parser = new TranscriptParser(name, text);
        parser.parseFile();
        return new Transcript(name, parser.raw, parser.config, parser.blocks);
    }

    /** Reads a UTF-8 file and parses it; I/O problems become a TranscriptException too. */
    public static Transcript read(Path file, String name) throws TranscriptException {
        String text = TranscriptFiles.read(file, name);
        return parse(name, text);
    }

    private String line(int number) {
        return SourceLines.content(raw.get(number - 1));
    }

    private TranscriptException error(int line, String message) {
        return new TranscriptException(name, line, message);
    }

    private void parseFile() throws TranscriptException {
        String heading = "";
        int n = 1;
        while (n <= raw.size()) {
            String text = line(n);
            Fence fence = Fence.of(text);
            if (fence == null) {
                var m = HEADING.matcher(text);
                if (m.matches()) {
                    heading = m.group(2) == null ? "" : m.group(2);
                }
                n++;
                continue;
            }
            int close = findClose(fence, n);
            if (fence.isKextshell()) {
                if (fence.indent() != 0) {
                    throw error(n, "a kextshell fence must start in the first column");
                }
                if (readOptions(fence, n)) {
                    blocks.add(new Block(n, heading, parseBody(n + 1, close)));
                }
            }
            n = close + 1;
        }
    }

    private int findClose(Fence fence, int open) throws TranscriptException {
        for (int n = open + 1; n <= raw.size(); n++) {
            if (fence.closedBy(line(n))) {
                return n;
            }
        }
        throw error(open, "unclosed code fence '" + String.valueOf(fence.marker()).repeat(fence.length())
                + "' (opened here, no closing fence before the end of the file)");
    }

    /** Applies {@code seed=} / {@code width=}; returns false for a {@code kextshell ignore} block. */
    private boolean readOptions(Fence fence, int n) throws TranscriptException {
        String[] words = fence.info().split("[ \t]+");
        if (words.length > 1 && words[1].equals("ignore")) {
            return false;
        }
        boolean first = !sawRunnableBlock;
        sawRunnableBlock = true;
        List<String> seen = new ArrayList<>();
        for (int i = 1; i < words.length; i++) {
            String word = words[i];
            int eq = word.indexOf('=');
            String key = eq < 0 ? word : word.substring(0, eq);
            if (!key.equals("seed") && !key.equals("width")) {
                throw error(n, "unknown block option '" + word + "' (known: seed=N, width=N, ignore)");
            }
            if (eq < 0) {
                throw error(n, "block option '" + key + "' needs a value, e.g. " + key + "=" + (key.equals("seed") ? 7 : 80));
            }
            if (!first) {
                throw error(n, "'" + key + "' is only allowed on the first kextshell block (it applies to the whole file)");
            }
            if (seen.contains(key)) {
                throw error(n, "block option '" + key + "' given twice");
            }
            seen.add(key);
            long value = number(word.substring(eq + 1), n, key);
            if (key.equals("seed")) {
                config = config.withSeed(value);
            } else if (value < 1 || value > MAX_WIDTH) {
                throw error(n, "width must be between 1 and " + MAX_WIDTH + ", not " + value);
            } else {
                config = config.withWidth((int) value);
            }
        }
        return true;
    }

    private long number(String digits, int n, String key) throws TranscriptException {
        if (!digits.matches("[0-9]{1,18}")) {
            throw error(n, key + " must be a non-negative whole number, not '" + digits + "'");
        }
        return Long.parseLong(digits);
    }

    /** Lines {@code from .. close-1} of one block; the steps end where the next one starts. */
    private List<Step> parseBody(int from, int close) throws TranscriptException {
        List<Step> steps = new ArrayList<>();
        StepBuilder current = null;
        for (int n = from; n < close; n++) {
            String text = line(n);
            if (text.equals("$") || text.startsWith("$ ")) {
                if (current != null) {
                    steps.add(current.build(n));
                }
                current = new StepBuilder(n, text.length() > 2 ? text.substring(2) : "");
            } else if (current == null) {
                if (!text.isBlank()) {
                    throw error(n, "output before the first '$ ' line (input lines start with '$ ')");
                }
            } else if ((text.equals(">") || text.startsWith("> ")) && current.expected.isEmpty()
                    && current.statusLine == 0) {
                current.input.append('\n').append(text.length() > 2 ? text.substring(2) : "");
                current.inputLines++;
            } else if (current.statusLine != 0) {
                throw error(n, "'? " + current.status + "' must be the last line of a command's output");
            } else if (text.startsWith("? ")) {
                current.status = status(text, n);
                current.statusLine = n;
            } else {
                current.expected.add(expected(text, n));
            }
        }
        if (current != null) {
            steps.add(current.build(close));
        }
        return steps;
    }

    private int status(String text, int n) throws TranscriptException {
        String value = text.substring(2).strip();
        if (!value.matches("[0-9]{1,9}")) {
            throw error(n, "exit status must be a number: '" + text + "'");
        }
        int status = Integer.parseInt(value);
        if (status == 0) {
            throw error(n, "'? 0' is implied; write a status line only for a non-zero status");
        }
        if (status > MAX_STATUS) {
            throw error(n, "exit status must be between 1 and " + MAX_STATUS + ", not " + status);
        }
        return status;
    }

    private ExpectedLine expected(String text, int n) throws TranscriptException {
        if (text.equals(ExpectedLine.ELLIPSIS)) {
            return new ExpectedLine(n, text, ExpectedLine.Kind.ELLIPSIS, null);
        }
        if (text.endsWith(ExpectedLine.REGEX_SUFFIX)) {
            String regex = text.substring(0, text.length() - ExpectedLine.REGEX_SUFFIX.length());
            try {
                return new ExpectedLine(n, text, ExpectedLine.Kind.REGEX, com.google.re2j.Pattern.compile(regex));
            } catch (com.google.re2j.PatternSyntaxException e) {
                throw error(n, "bad (re) line: " + e.getDescription().toLowerCase(Locale.ROOT));
            }
        }
        if (text.contains(ExpectedLine.INLINE_WILDCARD)) {
            return new ExpectedLine(n, text, ExpectedLine.Kind.INLINE, ExpectedLine.inlinePattern(text));
        }
        return new ExpectedLine(n, text, ExpectedLine.Kind.EXACT, null);
    }

    /** Collects one step while its lines are read. */
    private static final class StepBuilder {
        final int line;
        final StringBuilder input;
        int inputLines = 1;
        final List<ExpectedLine> expected = new ArrayList<>();
        int status;
        int statusLine;

        StepBuilder(int line, String input) {
            this.line = line;
            this.input = new StringBuilder(input);
        }

        Step build(int endLine) {
            return new Step(line, input.toString(), expected, status, statusLine, endLine, inputLines);
        }
    }
}
