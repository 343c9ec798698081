package kextshell.lab.lex;

import java.util.ArrayList;
import java.util.List;

/**
 * Splits C++ source into tokens (§3.1 of the lab reference): comments, identifiers, decimal and
 * hex integers with suffixes, string and character literals, and punctuators. String literal
 * text is kept as written (with its quotes); {@link #unescape} gives its value. Never throws: an
 * unknown byte becomes a one-character punctuator the parser then rejects.
 */
public final class Lexer {
    private static final String[] PUNCTS = {
        "<<=", ">>=", "...", "->", "::", "++", "--", "<<", ">>", "<=", ">=", "==", "!=", "&&", "||",
        "+=", "-=", "*=", "/=", "%=", "&=", "|=", "^=", "##",
    };

    private final String src;
    private final String file;
    private int pos;
    private int line = 1;
    private int lineStart;
    private boolean bol = true;

    private Lexer(String file, String src) {
        this.file = file;
        this.src = src;
    }

    public static List<Tok> lex(String file, String src) {
        return new Lexer(file, src).run();
    }

    private List<Tok> run() {
        List<Tok> out = new ArrayList<>();
        while (true) {
            skipSpace();
            if (pos >= src.length()) {
                out.add(new Tok(Tok.Kind.EOF, "", file, line, pos - lineStart + 1, true, null));
                return out;
            }
            out.add(next());
            bol = false;
        }
    }

    private void skipSpace() {
        while (pos < src.length()) {
            char c = src.charAt(pos);
            if (c == '\n') {
                pos++;
                line++;
                lineStart = pos;
                bol = true;
            } else if (c == ' ' || c == '\t' || c == '\r' || c == '\f' || c == 0x0b) {
                pos++;
            } else if (c == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) == '\n') {
                pos += 2;
                line++;
                lineStart = pos;
            } else if (src.startsWith("//", pos)) {
                while (pos < src.length() && src.charAt(pos) != '\n') {
                    pos++;
                }
            } else if (src.startsWith("/*", pos)) {
                int end = src.indexOf("*/", pos + 2);
                int stop = end < 0 ? src.length() : end + 2;
                for (int i = pos; i < stop; i++) {
                    if (src.charAt(i) == '\n') {
                        line++;
                        lineStart = i + 1;
                    }
                }
                pos = stop;
            } else {
                return;
            }
        }
    }

    private Tok next() {
        int start = pos;
        int col = start - lineStart + 1;
        char c = src.charAt(pos);
        Tok.Kind kind;
        if (Character.isLetter(c) || c == '_' || c == '$') {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '_'
                    || src.charAt(pos) == '$')) {
                pos++;
            }
            kind = Tok.Kind.IDENT;
        } else if (Character.isDigit(c)) {
            while (pos < src.length() && (Character.isLetterOrDigit(src.charAt(pos)) || src.charAt(pos) == '.')) {
                pos++;
            }
            kind = Tok.Kind.INT;
        } else if (c == '"' || c == '\'') {
            pos++;
            while (pos < src.length() && src.charAt(pos) != c && src.charAt(pos) != '\n') {
                pos += src.charAt(pos) == '\\' && pos + 1 < src.length() && src.charAt(pos + 1) != '\n' ? 2 : 1;
            }
            if (pos < src.length() && src.charAt(pos) == c) {
                pos++;
            }
            kind = c == '"' ? Tok.Kind.STRING : Tok.Kind.CHAR;
        } else {
            kind = Tok.Kind.PUNCT;
            pos++;
            for (String p : PUNCTS) {
                if (src.startsWith(p, start)) {
                    pos = start + p.length();
                    break;
                }
            }
        }
        return new Tok(kind, src.substring(start, pos), file, line, col, bol, null);
    }

    /** The value of a string or character literal as written (quotes included); null if malformed. */
    public static String unescape(String lit) {
        char q = lit.charAt(0);
        if (lit.length() < 2 || lit.charAt(lit.length() - 1) != q) {
            return null;
        }
        StringBuilder b = new StringBuilder();
        for (int i = 1; i < lit.length() - 1; i++) {
            char c = lit.charAt(i);
            if (c != '\\') {
                b.append(c);
                continue;
            }
            char e = lit.charAt(++i);
            switch (e) {
                case 'n' -> b.append('\n');
                case 't' -> b.append('\t');
                case 'r' -> b.append('\r');
                case '0' -> b.append('\0');
                case '\\', '"', '\'' -> b.append(e);
                default -> b.append(e);
            }
        }
        return b.toString();
    }
}
