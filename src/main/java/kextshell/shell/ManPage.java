package kextshell.shell;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.apache.commons.text.WordUtils;

/**
 * One manual page, read from the class path ({@code man/NAME.txt}) and laid out as macOS's
 * {@code man} (mandoc) shows it: a title line, section headings at the margin, text indented five
 * columns, each option's tag at five and its text at twelve (on the next line when the tag is
 * longer), wrapped to the session width.
 *
 * <p>File format: the first line is {@code NAME SECTION} (e.g. {@code kextload 8}); a line with no
 * leading space starts a section; in a section, a line indented two spaces is text (a blank line
 * ends a paragraph) and, in OPTIONS, a line indented two spaces is an option's tag and the lines
 * indented four spaces under it are its description.
 */
public final class ManPage {
    private static final int BODY = 5;
    private static final int TAG_TEXT = 12;

    private final String name;
    private final String section;
    private final Map<String, List<String>> sections;

    private ManPage(String name, String section, Map<String, List<String>> sections) {
        this.name = name;
        this.section = section;
        this.sections = sections;
    }

    /** The page for {@code command}, if kextshell ships one. */
    public static Optional<ManPage> load(String command) {
        if (!command.matches("[A-Za-z0-9_.-]+")) {
            return Optional.empty();
        }
        try (InputStream in = ManPage.class.getResourceAsStream("/man/" + command + ".txt")) {
            return in == null ? Optional.empty() : Optional.of(parse(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        } catch (IOException e) {
            return Optional.empty();
        }
    }

    /** Parses a page in the format described above. */
    public static ManPage parse(String text) {
        String[] lines = text.split("\n", -1);
        String[] title = lines[0].strip().split("\\s+");
        Map<String, List<String>> sections = new LinkedHashMap<>();
        List<String> current = null;
        for (int i = 1; i < lines.length; i++) {
            String line = lines[i].stripTrailing();
            if (!line.isEmpty() && !line.startsWith(" ")) {
                current = sections.computeIfAbsent(line, k -> new ArrayList<>());
            } else if (current != null) {
                current.add(line);
            }
        }
        sections.values().forEach(ManPage::trimBlankEnds);
        return new ManPage(title[0], title.length > 1 ? title[1] : "1", sections);
    }

    /** A page in the same shape for a command that has none: its summary and its help lines. */
    public static ManPage fromHelp(ShellCommand command) {
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("NAME", List.of("  " + command.name() + " -- " + command.summary()));
        List<String> synopsis = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String line : command.help()) {
            if (line.startsWith("usage: ")) {
                synopsis.add("  " + line.substring("usage: ".length()).strip());
            } else if (!synopsis.isEmpty() && rest.isEmpty() && line.startsWith("       ")) {
                synopsis.add("  " + line.strip());
            } else {
                rest.add(line.isBlank() ? "" : "  " + line.strip());
            }
        }
        sections.put("SYNOPSIS", synopsis.isEmpty() ? List.of("  " + command.name()) : synopsis);
        trimBlankEnds(rest);
        if (!rest.isEmpty()) {
            sections.put("DESCRIPTION", rest);
        }
        return new ManPage(command.name(), "1", sections);
    }

    /**
     * The short help of {@code command}: its page's usage lines, its summary and its options with
     * the first sentence of each; without a page, {@code usage: NAME} and the summary.
     */
    public static List<String> helpOf(ShellCommand command) {
        Optional<ManPage> page = load(command.name());
        List<String> out = new ArrayList<>(page.map(ManPage::usage).filter(u -> !u.isEmpty())
                .orElse(List.of("usage: " + command.name())));
        out.add("");
        out.add(command.summary());
        List<String[]> options = page.map(ManPage::options).orElse(List.of());
        if (!options.isEmpty()) {
            out.add("");
            for (String[] option : options) {
                String first = option[1].split("(?<=\\.)\\s", 2)[0];
                out.add("  " + option[0] + (first.isEmpty() ? "" : "  " + first));
            }
        }
        return out;
    }

    public String name() {
        return name;
    }

    /** Lines of one section as written in the file (indentation kept); empty when absent. */
    public List<String> section(String heading) {
        return sections.getOrDefault(heading, List.of());
    }

    /** The synopsis as a usage message: {@code usage: kextstat [-a] ...}, later forms aligned under it. */
    public List<String> usage() {
        List<String> out = new ArrayList<>();
        for (String line : section("SYNOPSIS")) {
            if (!line.isBlank()) {
                out.add((out.isEmpty() ? "usage: " : "       ") + line.strip());
            }
        }
        return out;
    }

    /** The OPTIONS section as (tag, description) pairs, in order. */
    public List<String[]> options() {
        List<String> tags = new ArrayList<>();
        List<StringBuilder> texts = new ArrayList<>();
        for (String line : section("OPTIONS")) {
            if (line.startsWith("    ") && !texts.isEmpty()) {
                StringBuilder text = texts.get(texts.size() - 1);
                text.append(text.length() == 0 ? "" : " ").append(line.strip());
            } else if (!line.isBlank()) {
                tags.add(line.strip());
                texts.add(new StringBuilder());
            }
        }
        List<String[]> out = new ArrayList<>();
        for (int i = 0; i < tags.size(); i++) {
            out.add(new String[] {tags.get(i), texts.get(i).toString()});
        }
        return out;
    }

    /** The whole page, fitted to {@code width} columns. */
    public List<String> render(int width) {
        width = Math.max(40, width);
        String title = name.toUpperCase(java.util.Locale.ROOT) + "(" + section + ")";
        String middle = section.equals("8") ? "BSD System Manager's Manual" : "BSD General Commands Manual";
        List<String> out = new ArrayList<>();
        out.add(spread(title, middle, title, width));
        out.add("");
        for (Map.Entry<String, List<String>> s : sections.entrySet()) {
            out.add(s.getKey());
            if (s.getKey().equals("OPTIONS")) {
                renderOptions(width, out);
            } else {
                renderText(s.getValue(), width, out);
            }
            out.add("");
        }
        out.add(spread("macOS 10.15", "", "macOS 10.15", width));
        return out;
    }

    private void renderText(List<String> lines, int width, List<String> out) {
        StringBuilder paragraph = new StringBuilder();
        for (String line : lines) {
            if (line.isBlank()) {
                flush(paragraph, BODY, width, out);
                out.add("");
            } else {
                paragraph.append(paragraph.length() == 0 ? "" : " ").append(line.strip());
            }
        }
        flush(paragraph, BODY, width, out);
    }

    private void renderOptions(int width, List<String> out) {
        boolean first = true;
        for (String[] option : options()) {
            if (!first) {
                out.add("");
            }
            first = false;
            String tag = " ".repeat(BODY) + option[0];
            List<String> text = wrap(option[1], width - TAG_TEXT);
            if (tag.length() + 1 <= TAG_TEXT && !text.isEmpty()) {
                out.add(tag + " ".repeat(TAG_TEXT - tag.length()) + text.get(0));
                text = text.subList(1, text.size());
            } else {
                out.add(tag);
            }
            for (String line : text) {
                out.add(" ".repeat(TAG_TEXT) + line);
            }
        }
    }

    private static void flush(StringBuilder paragraph, int indent, int width, List<String> out) {
        if (paragraph.length() > 0) {
            for (String line : wrap(paragraph.toString(), width - indent)) {
                out.add(" ".repeat(indent) + line);
            }
            paragraph.setLength(0);
        }
    }

    /** Wraps at spaces to {@code columns}, one column short of the edge as man does. */
    static List<String> wrap(String text, int columns) {
        if (text.isBlank()) {
            return List.of();
        }
        return List.of(WordUtils.wrap(text, Math.max(20, columns - 1), "\n", true).split("\n"));
    }

    private static String spread(String left, String middle, String right, int width) {
        int gaps = width - 1 - left.length() - middle.length() - right.length();
        if (gaps < 2) {
            return left + " " + middle + " " + right;
        }
        int first = gaps / 2;
        return left + " ".repeat(first) + middle + " ".repeat(gaps - first) + right;
    }

    private static void trimBlankEnds(List<String> lines) {
        while (!lines.isEmpty() && lines.get(0).isBlank()) {
            lines.remove(0);
        }
        while (!lines.isEmpty() && lines.get(lines.size() - 1).isBlank()) {
            lines.remove(lines.size() - 1);
        }
    }
}
