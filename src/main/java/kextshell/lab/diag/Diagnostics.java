package kextshell.lab.diag;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kextshell.lab.lex.Tok;

/**
 * Collects the diagnostics of one compile and prints them as clang does
 * (TextDiagnostic::emitDiagnosticMessage, emitSnippetAndCaret; CompilerInstance::ExecuteAction
 * for the "N errors generated." line). Past 19 errors clang stops ({@code -ferror-limit 19}).
 */
public final class Diagnostics {
    /** clang's driver default, -ferror-limit 19. */
    static final int ERROR_LIMIT = 19;

    private final String mainFile;
    private final Map<String, String[]> sources = new HashMap<>();
    private final Map<String, String> includedFrom = new HashMap<>();
    private final List<Diag> all = new ArrayList<>();
    private int errors;
    private int warnings;
    private boolean stopped;

    public Diagnostics(String mainFile, String source) {
        this.mainFile = mainFile;
        addSource(mainFile, source);
    }

    public void addSource(String file, String text) {
        sources.put(file, text.split("\n", -1));
    }

    /** Records "In file included from MAIN:LINE:" for a learner header. */
    public void included(String file, Tok includeLine) {
        includedFrom.putIfAbsent(file, includeLine.file() + ":" + includeLine.line());
    }

    public void report(Diag d) {
        if (stopped) {
            return;
        }
        if (d.level == Diag.Level.WARNING) {
            warnings++;
        } else {
            errors++;
        }
        all.add(d);
        if (d.level == Diag.Level.FATAL) {
            stopped = true;
        } else if (errors >= ERROR_LIMIT + 1) {
            all.remove(all.size() - 1);
            errors--;
            Diag f = new Diag(Diag.Level.FATAL, d.file, d.line, d.col, "too many errors emitted, stopping now");
            f.flag = "-ferror-limit=";
            all.add(f);
            errors++;
            stopped = true;
        }
    }

    public Diag error(Tok t, String message) {
        Diag d = Diag.at(Diag.Level.ERROR, t, message);
        report(d);
        return d;
    }

    public Diag warning(Tok t, String message, String flag) {
        Diag d = Diag.at(Diag.Level.WARNING, t, message).flag(flag);
        report(d);
        return d;
    }

    /** A construct the lab leaves out (§3.4): clang's shape, but a message clang never prints. */
    public Diag notSupported(Tok t, String construct) {
        return error(t, construct + " is not supported in the driver lab");
    }

    public boolean stopped() {
        return stopped;
    }

    public int errorCount() {
        return errors;
    }

    public int warningCount() {
        return warnings;
    }

    public List<Diag> all() {
        return List.copyOf(all);
    }

    /** Every diagnostic in clang's layout, then the summary line if anything was reported. */
    public String render() {
        StringBuilder b = new StringBuilder();
        String lastIncluded = null;
        for (Diag d : all) {
            String inc = includedFrom.get(d.file);
            if (inc != null && !inc.equals(lastIncluded)) {
                b.append("In file included from ").append(inc).append(":\n");
            }
            lastIncluded = inc;
            renderOne(b, d);
            for (Diag n : d.notes) {
                renderOne(b, n);
            }
        }
        String summary = summary();
        if (!summary.isEmpty()) {
            b.append(summary).append('\n');
        }
        return b.toString();
    }

    /** "1 warning and 2 errors generated." (CompilerInstance.cpp); empty when nothing was said. */
    public String summary() {
        if (errors == 0 && warnings == 0) {
            return "";
        }
        StringBuilder b = new StringBuilder();
        if (warnings > 0) {
            b.append(warnings).append(warnings == 1 ? " warning" : " warnings");
        }
        if (warnings > 0 && errors > 0) {
            b.append(" and ");
        }
        if (errors > 0) {
            b.append(errors).append(errors == 1 ? " error" : " errors");
        }
        return b.append(" generated.").toString();
    }

    private void renderOne(StringBuilder b, Diag d) {
        b.append(d.file).append(':').append(d.line).append(':').append(d.col).append(": ")
                .append(d.level.word).append(": ").append(d.message);
        if (d.flag != null) {
            b.append(" [").append(d.flag).append(']');
        }
        b.append('\n');
        String[] lines = sources.get(d.file);
        if (lines == null || d.line < 1 || d.line > lines.length) {
            return;
        }
        String src = expandTabs(lines[d.line - 1]);
        b.append(src).append('\n');
        int caret = visualColumn(lines[d.line - 1], d.col);
        StringBuilder c = new StringBuilder(" ".repeat(caret)).append('^');
        if (d.rangeFrom > 0 && d.rangeFrom < d.col) {
            int from = visualColumn(lines[d.line - 1], d.rangeFrom);
            c = new StringBuilder(" ".repeat(from)).append("~".repeat(caret - from)).append('^');
        }
        if (d.rangeLen > 1) {
            c.append("~".repeat(d.rangeLen - 1));
        }
        b.append(c).append('\n');
        if (d.fixit != null) {
            b.append(" ".repeat(caret)).append(d.fixit).append('\n');
        }
    }

    static String expandTabs(String s) {
        StringBuilder b = new StringBuilder();
        for (char ch : s.replace("\r", "").toCharArray()) {
            if (ch == '\t') {
                b.append(" ".repeat(8 - b.length() % 8));
            } else {
                b.append(ch);
            }
        }
        return b.toString();
    }

    private static int visualColumn(String line, int col) {
        int v = 0;
        for (int i = 0; i < col - 1 && i < line.length(); i++) {
            v = line.charAt(i) == '\t' ? v + 8 - v % 8 : v + 1;
        }
        return v + Math.max(0, col - 1 - line.length());
    }

    public String mainFile() {
        return mainFile;
    }
}
