package kextshell.lab.pre;

import kextshell.lab.lex.Tok;
import kextshell.lab.lex.Lexer;
import kextshell.lab.lex.Headers;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import kextshell.lab.diag.Diag;
import kextshell.lab.diag.Diagnostics;

/**
 * The preprocessor subset of §3.2: {@code #include} of the known system headers and of the
 * learner's own {@code "name.h"}, object-like {@code #define} / {@code #undef}, the guard form
 * {@code #ifndef X ... #endif}, and {@code #pragma}. Its output is the unit's token stream with
 * macros expanded, plus the features the includes made visible.
 */
public final class Preprocessor {
    private static final int MAX_DEPTH = 16;

    public record Macro(String name, List<Tok> body, Tok where) {
    }

    private final Diagnostics diags;
    private final Function<String, String> headers;
    private final Map<String, Macro> macros = new HashMap<>();
    private final Set<String> features = new HashSet<>();
    private final List<Tok> out = new ArrayList<>();

    private Preprocessor(Diagnostics diags, Function<String, String> headers) {
        this.diags = diags;
        this.headers = headers;
    }

    public record Result(List<Tok> tokens, Set<String> features, Map<String, Macro> macros) {
    }

    /** Preprocesses {@code source}; {@code headers} returns a learner header's text or null. */
    public static Result run(String file, String source, Function<String, String> headers, Diagnostics diags) {
        Preprocessor p = new Preprocessor(diags, headers);
        p.unit(Lexer.lex(file, source), 0);
        Tok eof = p.out.isEmpty() ? new Tok(Tok.Kind.EOF, "", file, 1, 1, true, null) : null;
        List<Tok> toks = new ArrayList<>(p.out);
        toks.add(eof != null ? eof : endOf(file, source));
        return new Result(toks, p.features, p.macros);
    }

    private static Tok endOf(String file, String source) {
        List<Tok> all = Lexer.lex(file, source);
        return all.get(all.size() - 1);
    }

    private void unit(List<Tok> toks, int depth) {
        List<Tok> conds = new ArrayList<>();
        int i = 0;
        while (i < toks.size() && toks.get(i).kind() != Tok.Kind.EOF && !diags.stopped()) {
            Tok t = toks.get(i);
            if (t.bol() && t.is("#")) {
                int end = lineEnd(toks, i + 1);
                i = directive(toks, i, end, conds, depth);
                continue;
            }
            expand(t, out, new HashSet<>());
            i++;
        }
        for (Tok c : conds) {
            diags.error(c, "unterminated conditional directive");
        }
    }

    private static int lineEnd(List<Tok> toks, int from) {
        int j = from;
        while (j < toks.size() && toks.get(j).kind() != Tok.Kind.EOF && !toks.get(j).bol()) {
            j++;
        }
        return j;
    }

    private int directive(List<Tok> toks, int hash, int end, List<Tok> conds, int depth) {
        if (hash + 1 >= end) {
            return end; // the null directive
        }
        Tok name = toks.get(hash + 1);
        List<Tok> rest = toks.subList(hash + 2, end);
        switch (name.text()) {
            case "include" -> include(name, rest, depth);
            case "define" -> define(name, rest);
            case "undef" -> {
                if (!rest.isEmpty()) {
                    macros.remove(rest.get(0).text());
                }
            }
            case "ifndef" -> {
                if (!rest.isEmpty() && macros.containsKey(rest.get(0).text())) {
                    return skipToEndif(toks, end);
                }
                conds.add(name);
            }
            case "endif" -> {
                if (conds.isEmpty()) {
                    diags.error(name, "#endif without #if");
                } else {
                    conds.remove(conds.size() - 1);
                }
            }
            case "pragma" -> {
            }
            case "if", "ifdef", "elif", "else" -> {
                diags.notSupported(name, "'#" + name.text() + "'");
                if (name.is("if") || name.is("ifdef")) {
                    conds.add(name);
                } else {
                    return skipToEndif(toks, end);
                }
            }
            default -> diags.error(name, "invalid preprocessing directive");
        }
        return end;
    }

    /** After a false #ifndef: skip to the matching #endif (nested conditionals counted). */
    private static int skipToEndif(List<Tok> toks, int from) {
        int level = 0;
        int i = from;
        while (i < toks.size() && toks.get(i).kind() != Tok.Kind.EOF) {
            Tok t = toks.get(i);
            if (t.bol() && t.is("#") && i + 1 < toks.size()) {
                String d = toks.get(i + 1).text();
                if (d.startsWith("if")) {
                    level++;
                } else if (d.equals("endif")) {
                    if (level == 0) {
                        return lineEnd(toks, i + 1);
                    }
                    level--;
                }
            }
            i++;
        }
        return i;
    }

    private void include(Tok name, List<Tok> rest, int depth) {
        if (rest.isEmpty()) {
            diags.error(name, "expected \"FILENAME\" or <FILENAME>");
            return;
        }
        Tok first = rest.get(0);
        if (first.kind() == Tok.Kind.STRING) {
            String path = first.text().substring(1, Math.max(1, first.text().length() - 1));
            String text = headers.apply(path);
            if (text == null) {
                diags.report(Diag.at(Diag.Level.FATAL, first, "'" + path + "' file not found")
                        .range(first.text().length()));
                return;
            }
            if (depth >= MAX_DEPTH) {
                diags.error(first, "#include nested too deeply");
                return;
            }
            diags.addSource(path, text);
            diags.included(path, name);
            unit(Lexer.lex(path, text), depth + 1);
            return;
        }
        if (first.is("<")) {
            StringBuilder path = new StringBuilder();
            int width = 1;
            for (Tok t : rest.subList(1, rest.size())) {
                width += t.text().length();
                if (t.is(">")) {
                    break;
                }
                path.append(t.text());
            }
            Set<String> f = Headers.system(path.toString());
            if (f == null) {
                diags.report(Diag.at(Diag.Level.FATAL, first, "'" + path + "' file not found").range(width));
                return;
            }
            features.addAll(f);
            return;
        }
        diags.error(first, "expected \"FILENAME\" or <FILENAME>");
    }

    private void define(Tok name, List<Tok> rest) {
        if (rest.isEmpty() || !rest.get(0).isIdent()) {
            diags.error(rest.isEmpty() ? name : rest.get(0), "macro name must be an identifier");
            return;
        }
        Tok id = rest.get(0);
        List<Tok> body = List.copyOf(rest.subList(1, rest.size()));
        if (!body.isEmpty() && body.get(0).is("(") && body.get(0).line() == id.line()
                && body.get(0).col() == id.endCol()) {
            diags.notSupported(body.get(0), "a function-like macro");
            return;
        }
        Macro old = macros.get(id.text());
        if (old != null && !sameBody(old.body(), body)) {
            Diag d = diags.warning(id, "'" + id.text() + "' macro redefined", "-Wmacro-redefined");
            d.note(Diag.at(Diag.Level.NOTE, old.where(), "previous definition is here"));
        }
        macros.put(id.text(), new Macro(id.text(), body, id));
    }

    private static boolean sameBody(List<Tok> a, List<Tok> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!a.get(i).text().equals(b.get(i).text())) {
                return false;
            }
        }
        return true;
    }

    private void expand(Tok t, List<Tok> into, Set<String> active) {
        Macro m = t.isIdent() ? macros.get(t.text()) : null;
        if (m == null || active.contains(m.name())) {
            into.add(t);
            return;
        }
        active.add(m.name());
        for (Tok b : m.body()) {
            expand(b.at(t, t.macro() != null ? t.macro() : m.name()), into, active);
        }
        active.remove(m.name());
    }
}
