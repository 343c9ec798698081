package kextshell.trace;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Draws a {@link SequenceDiagram} as text fitted to a width: Unicode box drawing, or plain ASCII
 * for dumb terminals. Headers are staggered over two lines so each may use two columns' room;
 * a call's label goes on the line(s) above its arrow and may run over other lifelines.
 */
public final class TextRenderer {
    private final SequenceDiagram diagram;
    private final int width;
    private final boolean unicode;
    private final int[] columns;
    private final List<String> lines = new ArrayList<>();

    private TextRenderer(SequenceDiagram diagram, int width, boolean unicode) {
        this.diagram = diagram;
        this.width = Math.max(width, 2 * diagram.lanes().size() + 1);
        this.unicode = unicode;
        int n = diagram.lanes().size();
        columns = new int[n];
        for (int i = 0; i < n; i++) {
            columns[i] = (int) ((i + 0.5) * this.width / n);
        }
    }

    /** The diagram's lines, without trailing spaces; lines never exceed {@code width} characters. */
    public static List<String> render(SequenceDiagram diagram, int width, boolean unicode) {
        TextRenderer r = new TextRenderer(diagram, width, unicode);
        r.legend();
        r.header();
        for (Row row : diagram.rows()) {
            r.row(row);
        }
        r.lines.add(r.finish(r.lifelines()));
        return r.lines;
    }

    private void legend() {
        for (Lane lane : diagram.lanes()) {
            if (!lane.fullName().equals(lane.label())) {
                lines.add(finish(fit(lane.label() + " = " + lane.fullName())));
            }
        }
    }

    private void header() {
        for (int line = 0; line < 2; line++) {
            char[] text = blank();
            for (int i = line; i < columns.length; i += 2) {
                String label = clip(diagram.lanes().get(i).label(), 2 * (width / columns.length) - 1);
                int start = Math.max(0, Math.min(columns[i] - label.length() / 2, width - label.length()));
                put(text, start, label);
            }
            lines.add(finish(text));
        }
    }

    private void row(Row row) {
        if (row instanceof Row.Band band) {
            String rule = unicode ? "═" : "=";
            String text = rule + rule + " " + band.label() + " ";
            lines.add(finish(fit(text + rule.repeat(Math.max(0, width - text.length())))));
        } else if (row instanceof Row.Message m) {
            message(m);
        } else {
            mark((Row.Mark) row);
        }
    }

    private void message(Row.Message m) {
        String label = m.label() + times(m.times());
        int a = columns[m.from()];
        int b = columns[m.to()];
        if (a == b) {
            mark(new Row.Mark(m.to(), Row.MarkKind.STATE, "↺ " + label, 1, m.seq()));
            return;
        }
        for (String part : wrap(label, width - 1)) {
            char[] text = lifelines();
            int start = Math.min(a, b) + 2;
            put(text, Math.min(start, width - part.length()), part);
            lines.add(finish(text));
        }
        char[] arrow = lifelines();
        int lo = Math.min(a, b);
        int hi = Math.max(a, b);
        for (int c = lo + 1; c < hi; c++) {
            arrow[c] = unicode ? '─' : '-';
        }
        arrow[a] = unicode ? (a < b ? '├' : '┤') : '|';
        if (a < b) {
            arrow[b - 1] = unicode ? '▶' : '>';
        } else {
            arrow[b + 1] = unicode ? '◀' : '<';
        }
        lines.add(finish(arrow));
    }

    private void mark(Row.Mark k) {
        char[] text = lifelines();
        int col = columns[k.lane()];
        String label = k.label() + times(k.times());
        text[col] = k.kind().symbol(unicode).charAt(0);
        if (col + 2 + label.length() <= width) {
            put(text, col + 2, label);
        } else if (col - 1 - label.length() >= 0) {
            put(text, col - 1 - label.length(), label);
        } else {
            // fits on neither side of its lifeline: the label goes on the line below, right-aligned
            lines.add(finish(text));
            text = lifelines();
            put(text, Math.max(0, width - label.length()), label);
        }
        lines.add(finish(text));
    }

    private String times(int n) {
        return n > 1 ? (unicode ? " ×" : " x") + n : "";
    }

    /** Splits a long label after '|' or ", " so every piece fits; continuation pieces are indented. */
    static List<String> wrap(String label, int max) {
        List<String> parts = new ArrayList<>();
        String rest = label;
        while (rest.length() > max) {
            int cut = Math.max(rest.lastIndexOf('|', max - 1), rest.lastIndexOf(", ", max - 2) + 1);
            if (cut <= 2) {
                cut = max - 1;
            }
            parts.add(rest.substring(0, cut + 1).stripTrailing());
            rest = "  " + rest.substring(cut + 1).stripLeading();
        }
        parts.add(rest);
        return parts;
    }

    private char[] blank() {
        char[] text = new char[width];
        Arrays.fill(text, ' ');
        return text;
    }

    private char[] lifelines() {
        char[] text = blank();
        for (int c : columns) {
            text[c] = unicode ? '│' : '|';
        }
        return text;
    }

    private char[] fit(String s) {
        char[] text = blank();
        put(text, 0, s);
        return text;
    }

    private void put(char[] text, int at, String s) {
        for (int i = 0; i < s.length(); i++) {
            int c = at + i;
            if (c >= 0 && c < text.length) {
                text[c] = s.charAt(i);
            }
        }
    }

    private static String clip(String s, int max) {
        return s.length() <= max ? s : s.substring(0, Math.max(0, max - 1)) + "…";
    }

    private String finish(char[] text) {
        String line = new String(text).stripTrailing();
        if (unicode) {
            return line;
        }
        String ascii = Ascii.of(line);
        return ascii.length() <= width ? ascii : ascii.substring(0, width).stripTrailing();
    }
}
