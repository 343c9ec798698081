package kextshell.tutorial;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kextshell.shell.syntax.ParseException;
import kextshell.shell.syntax.Parser;
import kextshell.text.Visible;
import kextshell.transcript.Block;
import kextshell.transcript.Step;
import kextshell.transcript.Transcript;
import kextshell.transcript.TranscriptException;
import kextshell.transcript.TranscriptParser;

/**
 * Reads a lesson file: front matter, then the six sections in a fixed order. Strict like the
 * transcript parser: every mistake is a {@link TranscriptException} naming {@code file:line}.
 * The text is only read; nothing is interpolated, included or evaluated.
 */
public final class LessonParser {
    /** Section headings, in the order a lesson must have them. */
    static final List<String> SECTIONS = List.of("Setup", "Story", "Goal", "Hints", "Solution", "Debrief");
    /** Engine commands a Setup or Solution block may not contain (they would recurse or write files). */
    static final Set<String> NOT_IN_BLOCKS = Set.of("tutorial", "lesson", "goal", "hint", "solution", "reset", "undo",
            "progress", "record");

    static final Pattern ID = Pattern.compile("[0-9]{2}-[a-z0-9]+(?:-[a-z0-9]+)*");
    private static final Pattern KEY = Pattern.compile("([a-z]+(?:-[a-z]+)*):(?:[ \t]+(.*))?");
    private static final Pattern COMMAND = Pattern.compile("[a-z][a-z0-9-]*");
    private static final Pattern GOAL = Pattern.compile("[-*][ \t]+(.*?)[ \t]*`(check[ \t][^`]*)`[ \t]*");
    private static final Pattern HINT = Pattern.compile("([0-9]{1,3})\\.[ \t]+(.*)");
    private static final Pattern FENCE = Pattern.compile(" {0,3}(`{3,}|~{3,})(.*)");

    private final String name;
    private final List<String> lines = new ArrayList<>();

    private LessonParser(String name, String text) {
        this.name = name;
        for (String line : text.split("\n", -1)) {
            lines.add(line.endsWith("\r") ? line.substring(0, line.length() - 1) : line);
        }
        if (text.endsWith("\n")) {
            lines.remove(lines.size() - 1);
        }
    }

    /** Reads and parses a lesson file; {@code name} is how messages name it. */
    public static Lesson read(Path file, String name) throws TranscriptException {
        String text = kextshell.transcript.TranscriptFiles.read(file, name);
        String stem = file.getFileName().toString().replaceFirst("\\.md$", "");
        return parse(file, name, text, stem);
    }

    /**
     * Parses lesson text. {@code expectedId}, when not null, is the file name without {@code .md};
     * the front matter's {@code id} must equal it so that ids and files can't drift apart.
     */
    public static Lesson parse(Path file, String name, String text, String expectedId) throws TranscriptException {
        return new LessonParser(name, text).parse(file, text, expectedId);
    }

    private TranscriptException error(int line, String message) {
        return new TranscriptException(name, line, message);
    }

    private Lesson parse(Path file, String text, String expectedId) throws TranscriptException {
        // the file must also be a valid transcript; that gives the Setup and Solution blocks
        Transcript transcript = TranscriptParser.parse(name, text);
        if (lines.isEmpty() || !lines.get(0).equals("---")) {
            throw error(1, "a lesson starts with front matter: a '---' line, 'key: value' lines, a '---' line");
        }
        int end = 2;
        while (end <= lines.size() && !lines.get(end - 1).equals("---")) {
            end++;
        }
        if (end > lines.size()) {
            throw error(1, "front matter is not closed (no second '---' line)");
        }
        Map<String, String> front = frontMatter(end);
        String id = front.get("id");
        String title = front.get("title");
        if (id == null) {
            throw error(1, "front matter needs 'id:'");
        }
        if (title == null || title.isEmpty()) {
            throw error(1, "front matter needs 'title:'");
        }
        int idLine = keyLine("id", end);
        if (!ID.matcher(id).matches()) {
            throw error(idLine, "id must look like NN-words-with-dashes (e.g. 03-kextunload-with-clients), not '" + id + "'");
        }
        if (expectedId != null && !id.equals(expectedId)) {
            throw error(idLine, "id '" + id + "' does not match the file name '" + expectedId + ".md'");
        }
        List<String> requires = list(front.get("requires"), "requires", end, ID);
        if (!front.containsKey("allow")) {
            throw error(1, "front matter needs 'allow:' (the commands the learner may use, e.g. [kextload, ioreg])");
        }
        List<String> allow = list(front.get("allow"), "allow", end, COMMAND);
        long seed = 0;
        if (front.containsKey("seed")) {
            String value = front.get("seed");
            if (!value.matches("[0-9]{1,18}")) {
                throw error(keyLine("seed", end), "seed must be a non-negative whole number, not '" + value + "'");
            }
            seed = Long.parseLong(value);
        }
        // "seed-per-learner: yes" (challenges): a learner's own session reseeds the lesson from the
        // learner's salt, so the answer in this file's Solution (for `seed`) is not theirs.
        boolean seedPerLearner = "yes".equals(front.get("seed-per-learner"));
        if (front.containsKey("seed-per-learner") && !List.of("yes", "no").contains(front.get("seed-per-learner"))) {
            throw error(keyLine("seed-per-learner", end), "seed-per-learner must be yes or no");
        }

        int[] starts = sections(end + 1);
        String story = prose(starts, 1);
        List<Lesson.Goal> goals = goals(starts);
        List<String> hints = hints(starts);
        String debrief = prose(starts, 5);

        Block setup = null;
        Block solution = null;
        for (Block block : transcript.blocks()) {
            int section = sectionOf(starts, block.line());
            if (!lines.get(block.line() - 1).strip().matches("(`{3,}|~{3,})kextshell")) {
                throw error(block.line(), "lesson blocks take no options; put the seed in the front matter ('seed: 7')");
            }
            if (section == 0 && setup == null) {
                setup = block;
            } else if (section == 4 && solution == null) {
                solution = block;
            } else if (section == 0 || section == 4) {
                throw error(block.line(), "only one kextshell block is allowed in ## " + SECTIONS.get(section));
            } else {
                throw error(block.line(), "kextshell blocks run only in ## Setup and ## Solution; show examples elsewhere"
                        + " as ```text or ```kextshell ignore");
            }
        }
        if (setup == null) {
            throw error(starts[0], "## Setup needs a ```kextshell block (it may be empty)");
        }
        if (solution == null || solution.steps().isEmpty()) {
            throw error(starts[4], "## Solution needs a ```kextshell block with at least one '$ ' line");
        }
        checkBlockCommands(setup);
        checkBlockCommands(solution);
        // Prose is shown on the learner's terminal: control characters in the file are made visible (cat -v)
        title = Visible.escape(title);
        story = Visible.escape(story);
        debrief = Visible.escape(debrief);
        hints = hints.stream().map(Visible::escape).toList();
        goals = goals.stream().map(g -> new Lesson.Goal(g.line(), Visible.escape(g.text()), g.check())).toList();
        return new Lesson(file, id, title, requires, allow, seed, seedPerLearner, story, goals, hints, debrief, transcript, setup,
                solution);
    }

    private Map<String, String> frontMatter(int end) throws TranscriptException {
        Map<String, String> front = new LinkedHashMap<>();
        for (int n = 2; n < end; n++) {
            String line = lines.get(n - 1);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = KEY.matcher(line);
            if (!m.matches()) {
                throw error(n, "front matter lines are 'key: value', not '" + line + "'");
            }
            String key = m.group(1);
            if (!List.of("id", "title", "requires", "allow", "seed", "seed-per-learner").contains(key)) {
                throw error(n, "unknown front matter key '" + key
                        + "' (known: id, title, requires, allow, seed, seed-per-learner)");
            }
            if (front.containsKey(key)) {
                throw error(n, "front matter key '" + key + "' given twice");
            }
            front.put(key, m.group(2) == null ? "" : m.group(2).strip());
        }
        return front;
    }

    private int keyLine(String key, int end) {
        for (int n = 2; n < end; n++) {
            if (lines.get(n - 1).startsWith(key + ":")) {
                return n;
            }
        }
        return 1;
    }

    private List<String> list(String value, String key, int end, Pattern item) throws TranscriptException {
        List<String> items = new ArrayList<>();
        if (value == null) {
            return items;
        }
        int n = keyLine(key, end);
        if (!value.startsWith("[") || !value.endsWith("]")) {
            throw error(n, key + " is a list in brackets, e.g. " + key + ": [a, b]");
        }
        String inner = value.substring(1, value.length() - 1).strip();
        if (inner.isEmpty()) {
            return items;
        }
        for (String part : inner.split(",", -1)) {
            String word = part.strip();
            if (!item.matcher(word).matches()) {
                throw error(n, "bad " + key + " entry '" + word + "'");
            }
            if (items.contains(word)) {
                throw error(n, key + " lists '" + word + "' twice");
            }
            items.add(word);
        }
        return items;
    }

    /** Line numbers of the six "## " headings, in SECTIONS order; checks order and stray text. */
    private int[] sections(int from) throws TranscriptException {
        int[] starts = new int[SECTIONS.size()];
        int next = 0;
        String openFence = null;
        for (int n = from; n <= lines.size(); n++) {
            String line = lines.get(n - 1);
            Matcher fence = FENCE.matcher(line);
            if (fence.matches()) {
                String marker = fence.group(1);
                if (openFence == null) {
                    openFence = marker;
                } else if (marker.charAt(0) == openFence.charAt(0) && marker.length() >= openFence.length()
                        && fence.group(2).isBlank()) {
                    openFence = null;
                }
                continue;
            }
            if (openFence != null) {
                continue;
            }
            if (line.startsWith("## ")) {
                String heading = line.substring(3).strip();
                int index = SECTIONS.indexOf(heading);
                if (index < 0) {
                    throw error(n, "unknown section '## " + heading + "' (sections: ## " + String.join(", ## ", SECTIONS) + ")");
                }
                if (index != next) {
                    throw error(n, next < SECTIONS.size() && index > next
                            ? "'## " + heading + "' comes too early: '## " + SECTIONS.get(next) + "' is missing before it"
                            : "'## " + heading + "' is out of order or repeated (order: " + String.join(", ", SECTIONS) + ")");
                }
                starts[next++] = n;
            } else if (next == 0 && !line.isBlank() && !line.startsWith("# ")) {
                throw error(n, "text before '## Setup' (only a '# Title' line may come before the sections)");
            }
        }
        if (next < SECTIONS.size()) {
            throw error(lines.size(), "missing section '## " + SECTIONS.get(next) + "'");
        }
        return starts;
    }

    private int sectionEnd(int[] starts, int section) {
        return section + 1 < starts.length ? starts[section + 1] : lines.size() + 1;
    }

    private int sectionOf(int[] starts, int line) {
        int section = -1;
        for (int i = 0; i < starts.length; i++) {
            if (line > starts[i]) {
                section = i;
            }
        }
        return section;
    }

    /** Text of a prose section with the blank lines around it trimmed; must not be empty. */
    private String prose(int[] starts, int section) throws TranscriptException {
        List<String> body = new ArrayList<>(lines.subList(starts[section], sectionEnd(starts, section) - 1));
        while (!body.isEmpty() && body.get(0).isBlank()) {
            body.remove(0);
        }
        while (!body.isEmpty() && body.get(body.size() - 1).isBlank()) {
            body.remove(body.size() - 1);
        }
        if (body.isEmpty()) {
            throw error(starts[section], "## " + SECTIONS.get(section) + " is empty");
        }
        return String.join("\n", body);
    }

    private List<Lesson.Goal> goals(int[] starts) throws TranscriptException {
        List<Lesson.Goal> goals = new ArrayList<>();
        for (int n = starts[2] + 1; n < sectionEnd(starts, 2); n++) {
            String line = lines.get(n - 1);
            if (line.isBlank()) {
                continue;
            }
            Matcher m = GOAL.matcher(line);
            if (!m.matches()) {
                throw error(n, "a goal is a list item ending in a backticked check: - text `check ...`");
            }
            String text = m.group(1);
            if (text.isEmpty()) {
                throw error(n, "goal item has no text before its check");
            }
            Check check;
            try {
                List<String> words = Parser.literalWords(m.group(2));
                check = Check.parse(words.subList(1, words.size()));
            } catch (ParseException e) {
                throw error(n, "goal check: " + e.getMessage());
            } catch (Check.SyntaxError e) {
                throw error(n, "goal check: " + e.getMessage());
            }
            goals.add(new Lesson.Goal(n, text, check));
        }
        if (goals.isEmpty()) {
            throw error(starts[2], "## Goal needs at least one item");
        }
        return goals;
    }

    private List<String> hints(int[] starts) throws TranscriptException {
        List<String> hints = new ArrayList<>();
        StringBuilder current = null;
        for (int n = starts[3] + 1; n < sectionEnd(starts, 3); n++) {
            String line = lines.get(n - 1);
            Matcher m = HINT.matcher(line);
            if (m.matches()) {
                if (current != null) {
                    hints.add(current.toString());
                }
                if (Integer.parseInt(m.group(1)) != hints.size() + 1) {
                    throw error(n, "hints are numbered 1., 2., 3. in order; expected " + (hints.size() + 1) + ".");
                }
                current = new StringBuilder(m.group(2).strip());
            } else if (line.isBlank()) {
                if (current != null) {
                    hints.add(current.toString());
                    current = null;
                }
            } else if (current != null && (line.startsWith("  ") || line.startsWith("\t"))) {
                current.append('\n').append(line.strip());
            } else {
                throw error(n, "## Hints is an ordered list: '1. text' (indent continuation lines)");
            }
        }
        if (current != null) {
            hints.add(current.toString());
        }
        if (hints.isEmpty()) {
            throw error(starts[3], "## Hints needs at least one item ('1. text')");
        }
        return hints;
    }

    private void checkBlockCommands(Block block) throws TranscriptException {
        for (Step step : block.steps()) {
            for (String command : commandWords(step.input())) {
                if (NOT_IN_BLOCKS.contains(command)) {
                    throw error(step.line(), "'" + command + "' can't be used in a lesson block (only 'check' of the tutorial commands can)");
                }
            }
        }
    }

    /**
     * The command names an input line runs: the first word, and after {@code sudo} (and its
     * options) the command it runs. Unparseable lines give none.
     */
    static List<String> commandWords(String input) {
        return Parser.commandNames(input);
    }
}
