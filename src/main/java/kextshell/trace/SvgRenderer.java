package kextshell.trace;

import java.util.Locale;

/**
 * Draws a {@link SequenceDiagram} as a standalone SVG document: no scripts, no external fonts
 * or styles, every text escaped, so it opens in a browser and embeds in an HTML page as is.
 */
public final class SvgRenderer {
    private static final int GAP = 150;
    private static final int MARGIN = 16;
    private static final int CHAR_W = 7;
    private static final int HEADER_H = 40;

    private final SequenceDiagram diagram;
    private final StringBuilder body = new StringBuilder();
    private int y;
    private int maxX;

    private SvgRenderer(SequenceDiagram diagram) {
        this.diagram = diagram;
    }

    /** A complete SVG document (with an XML declaration when {@code standalone}, else an inline element). */
    public static String render(SequenceDiagram diagram, boolean standalone) {
        SvgRenderer r = new SvgRenderer(diagram);
        r.draw();
        return r.document(standalone);
    }

    private void draw() {
        y = MARGIN;
        text(MARGIN, y + 12, diagram.title(), "title");
        y += 24;
        for (Lane lane : diagram.lanes()) {
            if (!lane.fullName().equals(lane.label())) {
                text(MARGIN, y + 10, lane.label() + " = " + lane.fullName(), "legend");
                y += 16;
            }
        }
        y += 8;
        headers();
        y += HEADER_H + 12;
        int lifelineStart = y - 12;
        int below = body.length();
        for (Row row : diagram.rows()) {
            row(row);
        }
        y += 10;
        StringBuilder lifelines = new StringBuilder();
        for (int i = 0; i < diagram.lanes().size(); i++) {
            lifelines.append(String.format(Locale.ROOT, "<line class=\"life\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\"/>%n",
                    x(i), lifelineStart, x(i), y));
        }
        body.insert(below, lifelines);
        maxX = Math.max(maxX, x(diagram.lanes().size() - 1) + GAP / 2 + MARGIN);
        y += MARGIN;
    }

    private void headers() {
        for (int i = 0; i < diagram.lanes().size(); i++) {
            Lane lane = diagram.lanes().get(i);
            int w = GAP - 20;
            int left = x(i) - w / 2;
            if (lane.folded()) {
                rect(left + 4, y - 4, w, HEADER_H, "lane folded");
            }
            rect(left, y, w, HEADER_H, "lane " + lane.kind().name().toLowerCase(Locale.ROOT));
            body.append(String.format(Locale.ROOT, "<text class=\"head\" x=\"%d\" y=\"%d\">%s</text>%n", x(i),
                    y + 25, escape(lane.label())));
        }
    }

    private void row(Row row) {
        if (row instanceof Row.Band band) {
            y += 6;
            body.append(String.format(Locale.ROOT, "<rect class=\"band %s\" x=\"0\" y=\"%d\" width=\"100%%\" height=\"20\"/>%n",
                    band.phase().isEmpty() ? "after" : band.phase(), y));
            text(MARGIN, y + 14, band.label(), "bandlabel");
            y += 28;
        } else if (row instanceof Row.Message m) {
            int a = x(m.from());
            int b = x(m.to());
            String label = m.label() + (m.times() > 1 ? " ×" + m.times() : "");
            int start = Math.min(a, b) + 6;
            text(start, y + 10, label, "call");
            maxX = Math.max(maxX, start + label.length() * CHAR_W + MARGIN);
            body.append(String.format(Locale.ROOT,
                    "<line class=\"arrow\" x1=\"%d\" y1=\"%d\" x2=\"%d\" y2=\"%d\" marker-end=\"url(#head)\"/>%n",
                    a, y + 16, a < b ? b - 2 : b + 2, y + 16));
            y += 28;
        } else {
            Row.Mark k = (Row.Mark) row;
            String cls = k.kind().name().toLowerCase(Locale.ROOT);
            body.append(String.format(Locale.ROOT, "<circle class=\"mark %s\" cx=\"%d\" cy=\"%d\" r=\"5\"/>%n", cls,
                    x(k.lane()), y + 8));
            String label = k.kind().symbol(true) + " " + k.label() + (k.times() > 1 ? " ×" + k.times() : "");
            text(x(k.lane()) + 10, y + 12, label, "mark " + cls);
            maxX = Math.max(maxX, x(k.lane()) + 10 + label.length() * CHAR_W + MARGIN);
            y += 22;
        }
    }

    private int x(int lane) {
        return MARGIN + GAP / 2 + lane * GAP;
    }

    private int width() {
        return Math.max(maxX, x(diagram.lanes().size() - 1) + GAP / 2 + MARGIN);
    }

    private void rect(int x, int top, int w, int h, String cls) {
        body.append(String.format(Locale.ROOT, "<rect class=\"%s\" x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" rx=\"4\"/>%n",
                cls, x, top, w, h));
    }

    private void text(int x, int baseline, String s, String cls) {
        body.append(String.format(Locale.ROOT, "<text class=\"%s\" x=\"%d\" y=\"%d\">%s</text>%n", cls, x, baseline,
                escape(s)));
        maxX = Math.max(maxX, x + s.length() * CHAR_W + MARGIN);
    }

    private String document(boolean standalone) {
        int w = width();
        StringBuilder b = new StringBuilder();
        if (standalone) {
            b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        }
        b.append(String.format(Locale.ROOT, "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"%d\" height=\"%d\" "
                + "viewBox=\"0 0 %d %d\" role=\"img\" aria-label=\"%s\">%n", w, y, w, y, escape(diagram.title())));
        b.append("<title>").append(escape(diagram.title())).append("</title>\n");
        b.append(STYLE);
        b.append("<rect class=\"bg\" x=\"0\" y=\"0\" width=\"").append(w).append("\" height=\"").append(y)
                .append("\"/>\n");
        b.append(body);
        b.append("</svg>\n");
        return b.toString();
    }

    private static final String STYLE = "<defs><marker id=\"head\" viewBox=\"0 0 10 10\" refX=\"10\" refY=\"5\" "
            + "markerWidth=\"8\" markerHeight=\"8\" orient=\"auto-start-reverse\"><path d=\"M0,0 L10,5 L0,10 z\" "
            + "fill=\"#222\"/></marker></defs>\n<style>\n"
            + "text{font-family:Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:11px;fill:#222}\n"
            + ".bg{fill:#fff}.title{font-size:13px;font-weight:bold}.legend{fill:#555}\n"
            + ".head{text-anchor:middle;font-weight:bold}.lane{fill:#eef3fb;stroke:#4a6fa5}\n"
            + ".lane.tool,.lane.kernel{fill:#f3f3f3;stroke:#777}.lane.process{fill:#f6efe2;stroke:#a07a2c}\n"
            + ".lane.thread{fill:#eef7ee;stroke:#4a8a4a}.lane.folded{fill:#dde6f3}\n"
            + ".life{stroke:#999;stroke-dasharray:4 3}.arrow{stroke:#222;stroke-width:1.2}\n"
            + ".band{opacity:.35}.band.phase1{fill:#ffd9a8}.band.phase2{fill:#c9e4ff}.band.phase3{fill:#d6f0c8}"
            + ".band.after{fill:#e4e4e4}.bandlabel{font-weight:bold}\n"
            + ".mark{fill:#777}.mark.veto{fill:#c0392b}.mark.timeout{fill:#d35400}.mark.port_dead{fill:#6c3483}"
            + ".mark.kext{fill:#1f618d}\n</style>\n";

    /** Text made safe for XML and HTML element content and attribute values. */
    public static String escape(String s) {
        StringBuilder b = new StringBuilder(s.length());
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<': b.append("&lt;"); break;
                case '>': b.append("&gt;"); break;
                case '&': b.append("&amp;"); break;
                case '"': b.append("&quot;"); break;
                case '\'': b.append("&#39;"); break;
                default:
                    if (c < 0x20 && c != '\t' && c != '\n') {
                        b.append('?');
                    } else {
                        b.append(c);
                    }
            }
        }
        return b.toString();
    }
}
