package kextshell.transcript;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.trace.export.HtmlPage;
import kextshell.trace.export.SessionTrace;

/**
 * A transcript as a web page: its prose (headings, paragraphs, other code blocks as they are),
 * and each kextshell block replayed in a fresh session, with the real output and a sequence
 * diagram under every command that terminated something.
 */
public final class TranscriptHtml {
    private final Transcript transcript;
    private final HtmlPage page;
    private final List<String> paragraph = new ArrayList<>();

    private TranscriptHtml(Transcript transcript, String title) {
        this.transcript = transcript;
        this.page = new HtmlPage(title);
    }

    /** The page for {@code transcript}, replayed in a fresh session built from its config. */
    public static String render(Transcript transcript, kextshell.shell.SessionFactory sessions) {
        return render(transcript, transcript.config(), sessions);
    }

    /** The page for {@code transcript}, replayed in a fresh session built from {@code config}. */
    public static String render(Transcript transcript, kextshell.shell.SessionConfig config,
            kextshell.shell.SessionFactory sessions) {
        String title = firstHeading(transcript.rawLines());
        TranscriptHtml html = new TranscriptHtml(transcript, title.isEmpty() ? transcript.name() : title);
        html.build(TranscriptRunner.newSession(sessions, config), title);
        return html.page.render();
    }

    private void build(Session session, String title) {
        List<String> raw = transcript.rawLines();
        int next = frontMatterEnd(raw); // 0-based index of the next raw line not yet shown
        for (Block block : transcript.blocks()) {
            prose(raw.subList(next, block.line() - 1), title);
            for (Step step : block.steps()) {
                String prompt = session.prompt();
                Result r = session.execute(step.input());
                page.command(prompt, step.input(), TranscriptRunner.lines(r.output()), r.exitCode(),
                        SessionTrace.ofLastLineIfTerminating(session));
            }
            next = closingFence(raw, block) + 1;
        }
        prose(raw.subList(Math.min(next, raw.size()), raw.size()), title);
    }

    private void prose(List<String> lines, String title) {
        StringBuilder code = null;
        for (String rawLine : lines) {
            String line = rawLine.stripTrailing();
            if (code != null) {
                if (line.startsWith("```") || line.startsWith("~~~")) {
                    page.preformatted(code.toString());
                    code = null;
                } else {
                    code.append(line).append('\n');
                }
            } else if (line.startsWith("```") || line.startsWith("~~~")) {
                flush();
                code = new StringBuilder();
            } else if (line.startsWith("#")) {
                flush();
                String text = line.replaceFirst("^#+\\s*", "");
                if (!text.equals(title)) {
                    page.heading(Math.max(2, Math.min(4, line.indexOf(' '))), text);
                }
            } else if (line.isBlank()) {
                flush();
            } else {
                paragraph.add(line.strip());
            }
        }
        if (code != null) {
            page.preformatted(code.toString());
        }
        flush();
    }

    private void flush() {
        if (!paragraph.isEmpty()) {
            page.paragraph(String.join(" ", paragraph));
            paragraph.clear();
        }
    }

    /** 0-based index of the block's closing fence line. */
    private static int closingFence(List<String> raw, Block block) {
        int from = block.steps().isEmpty() ? block.line() : block.steps().get(block.steps().size() - 1).endLine() - 1;
        for (int i = Math.max(from, block.line()); i < raw.size(); i++) {
            String line = raw.get(i).strip();
            if (line.startsWith("```") || line.startsWith("~~~")) {
                return i;
            }
        }
        return raw.size() - 1;
    }

    /** A lesson's "---" front matter is metadata, not prose: the index after it, or 0. */
    private static int frontMatterEnd(List<String> raw) {
        if (raw.isEmpty() || !raw.get(0).strip().equals("---")) {
            return 0;
        }
        for (int i = 1; i < raw.size(); i++) {
            if (raw.get(i).strip().equals("---")) {
                return i + 1;
            }
        }
        return 0;
    }

    private static String firstHeading(List<String> raw) {
        for (String line : raw) {
            if (line.startsWith("# ")) {
                return line.substring(2).strip();
            }
        }
        return "";
    }
}
