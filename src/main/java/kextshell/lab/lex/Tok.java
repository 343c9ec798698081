package kextshell.lab.lex;

/**
 * One token of a translation unit, with the place it was written (file, 1-based line and byte
 * column). A token produced by expanding an object-like macro keeps the place of the macro's use,
 * and names the macro in {@code macro}, as clang's "expanded from macro" notes do.
 */
public record Tok(Kind kind, String text, String file, int line, int col, boolean bol, String macro) {

    public enum Kind { IDENT, INT, STRING, CHAR, PUNCT, EOF }

    public boolean is(String s) {
        return (kind == Kind.PUNCT || kind == Kind.IDENT) && text.equals(s);
    }

    public boolean isIdent() {
        return kind == Kind.IDENT;
    }

    /** The column just past this token, where clang puts a fix-it such as a missing ';'. */
    public int endCol() {
        return col + text.length();
    }

    public Tok at(Tok use, String macroName) {
        return new Tok(kind, text, use.file, use.line, use.col, use.bol, macroName);
    }

    public Tok withBol(boolean b) {
        return new Tok(kind, text, file, line, col, b, macro);
    }
}
