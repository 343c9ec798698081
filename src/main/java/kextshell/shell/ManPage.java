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
    /** In the short help, a longer option tag gets a line of its own. */
    private static final int HELP_TAG_MAX = 18;
    /** A help line "  -a, --all   what it does". */
    private static final java.util.regex.Pattern HELP_OPTION = java.util.regex.Pattern.compile("^\\s+(-\\S.*?)\\s{2,}(\\S.*)$");

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

    /**
     * A page in the same shape for a command that has none, from its help: usage lines become the
     * synopsis, indented "tag  text" lines the options, the rest the description.
     */
    public static ManPage fromHelp(ShellCommand command) {
        List<String> synopsis = new ArrayList<>();
        List<String> options = new ArrayList<>();
        List<String> rest = new ArrayList<>();
        for (String line : command.help()) {
            java.util.regex.Matcher option = HELP_OPTION.matcher(line);
            if (line.regionMatches(true, 0, "usage: ", 0, "usage: ".length())) {
                synopsis.add("  " + line.substring("usage: ".length()).strip());
            } else if (!synopsis.isEmpty() && rest.isEmpty() && options.isEmpty() && line.startsWith("       ")) {
                synopsis.add("  " + line.strip());
            } else if (option.matches()) {
                options.add("  " + option.group(1));
                options.add("    " + option.group(2));
            } else {
                rest.add(line.isBlank() ? "" : "  " + line.strip());
            }
        }
        trimBlankEnds(rest);
        String what = rest.isEmpty() ? command.summary() : rest.get(0).strip();
        if (rest.size() == 1) {
            rest.clear(); // said in NAME already
        }
        Map<String, List<String>> sections = new LinkedHashMap<>();
        sections.put("NAME", List.of("  " + command.name() + " -- " + what));
        sections.put("SYNOPSIS", synopsis.isEmpty() ? List.of("  " + command.name()) : synopsis);
        if (!rest.isEmpty()) {
            sections.put("DESCRIPTION", rest);
        }
        if (!options.isEmpty()) {
            sections.put("OPTIONS", options);
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
        int column = 0;
        for (String[] option : options) {
            column = Math.max(column, option[0].length() <= HELP_TAG_MAX ? option[0].length() : 0);
        }
        if (!options.isEmpty()) {
            out.add("");
            for (String[] option : options) {
                // the first sentence: up to a full stop that a capital letter follows (not "e.g. -9")
                String first = option[1].split("(?<=\\.)\\s+(?=[A-Z])", 2)[0];
                if (option[0].length() > column && !first.isEmpty()) {
                    out.add("  " + option[0]);
                    out.add("  " + " ".repeat(column) + "  " + first);
                } else {
                    out.add("  " + option[0] + " ".repeat(column - option[0].length()) + "  " + first);
                }
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
            } else if (s.getKey().equals("SYNOPSIS")) {
                renderSynopsis(s.getValue(), width, out);
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

    /** One form a line, a long one wrapped under its arguments as man does. */
    private static void renderSynopsis(List<String> lines, int width, List<String> out) {
        for (String line : lines) {
            if (line.isBlank()) {
                continue;
            }
            String form = keepBracketsWhole(line.strip());
            int space = form.indexOf(' ');
            int hang = BODY + (space < 0 ? 0 : space + 1);
            List<String> parts = wrap(form, width - hang);
            out.add(" ".repeat(BODY) + parts.get(0).replace(NBSP, ' '));
            if (parts.size() > 1) {
                String restText = String.join(" ", parts.subList(1, parts.size()));
                for (String part : wrap(restText, width - hang)) {
                    out.add(" ".repeat(hang) + part.replace(NBSP, ' '));
                }
            }
        }
    }

    private static final char NBSP = '\u00a0';

    /** Spaces inside [...] become unbreakable, so "[-p plane]" is never split over two lines. */
    private static String keepBracketsWhole(String form) {
        StringBuilder sb = new StringBuilder(form.length());
        int depth = 0;
        for (char c : form.toCharArray()) {
            depth += c == '[' ? 1 : c == ']' ? -1 : 0;
            sb.append(c == ' ' && depth > 0 ? NBSP : c);
        }
        return sb.toString();
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
                for (String part : wrap(option[0], width - BODY)) {
                    out.add(" ".repeat(BODY) + part);
                }
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
            // too narrow for the middle: the titles alone, as mandoc leaves the middle out
            int side = width - 1 - left.length() - right.length();
            return side >= 1 ? left + " ".repeat(side) + right : left;
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
