package kextshell.trace.export;

import java.util.List;
import kextshell.trace.SequenceDiagram;
import kextshell.trace.SvgRenderer;

/**
 * A self-contained web page of a session: headings, prose, each command with its output, and an
 * inline SVG diagram under every command that terminated something. No scripts, no network, inline
 * CSS; every text escaped. The markup is HTML5 written so that it is also well-formed XML (XHTML
 * syntax), which lets a plain XML parser check it.
 */
public final class HtmlPage {
    private final String title;
    private final StringBuilder body = new StringBuilder();

    public HtmlPage(String title) {
        this.title = title;
    }

    public void heading(int level, String text) {
        int h = Math.max(1, Math.min(level, 4));
        body.append("<h").append(h).append('>').append(escape(text)).append("</h").append(h).append(">\n");
    }

    /** A paragraph; `backticked` spans become code, as in the Markdown the text comes from. */
    public void paragraph(String text) {
        body.append("<p>");
        String[] parts = text.split("`", -1);
        for (int i = 0; i < parts.length; i++) {
            boolean code = i % 2 == 1 && i < parts.length - 1;
            body.append(code ? "<code>" + escape(parts[i]) + "</code>" : escape((i % 2 == 1 ? "`" : "") + parts[i]));
        }
        body.append("</p>\n");
    }

    public void preformatted(String text) {
        body.append("<pre class=\"code\">").append(escape(text)).append("</pre>\n");
    }

    /** One command: the prompt and input, its output lines, its status when not 0, and a diagram or null. */
    public void command(String prompt, String input, List<String> output, int status, SequenceDiagram diagram) {
        body.append("<div class=\"step\">\n<pre class=\"term\"><span class=\"prompt\">").append(escape(prompt))
                .append("</span><span class=\"input\">").append(escape(input)).append("</span>\n");
        for (String line : output) {
            body.append(escape(line)).append('\n');
        }
        if (status != 0) {
            body.append("<span class=\"status\">? ").append(status).append("</span>\n");
        }
        body.append("</pre>\n");
        if (diagram != null) {
            body.append("<figure class=\"trace\">\n").append(SvgRenderer.render(diagram, false))
                    .append("<figcaption>trace of: ").append(escape(diagram.title())).append("</figcaption>\n</figure>\n");
        }
        body.append("</div>\n");
    }

    public String render() {
        return "<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">\n<head>\n"
                + "<meta charset=\"utf-8\"/>\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\"/>\n"
                + "<title>" + escape(title) + "</title>\n<style>\n" + CSS + "</style>\n</head>\n<body>\n<main>\n"
                + "<h1>" + escape(title) + "</h1>\n" + body + "</main>\n</body>\n</html>\n";
    }

    private static String escape(String s) {
        return SvgRenderer.escape(s);
    }

    private static final String CSS = "body{font-family:-apple-system,'Segoe UI',Helvetica,Arial,sans-serif;"
            + "color:#222;background:#fff;margin:0}\n"
            + "main{max-width:72rem;margin:0 auto;padding:1rem 2rem}\n"
            + "pre{font-family:Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:.85rem;overflow-x:auto}\n"
            + "pre.term{background:#1e1e1e;color:#ddd;padding:.75rem 1rem;border-radius:6px}\n"
            + "pre.code{background:#f4f4f4;padding:.75rem 1rem;border-radius:6px}\n"
            + ".prompt{color:#8ac}.input{color:#fff;font-weight:bold}.status{color:#e88}\n"
            + "figure.trace{margin:.5rem 0 1.5rem 0;overflow-x:auto}figure.trace svg{display:block}\n"
            + "figcaption{font-size:.8rem;color:#666}\n"
            + "code{font-family:Menlo,Consolas,'DejaVu Sans Mono',monospace;font-size:.9em;background:#f4f4f4;"
            + "padding:0 .2em;border-radius:3px}\n";
}
