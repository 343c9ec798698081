package kextshell.lab.diag;

import java.util.ArrayList;
import java.util.List;
import kextshell.lab.lex.Tok;

/**
 * One compiler diagnostic in clang's model (TextDiagnostic.cpp): a level, a place, a message,
 * an optional warning flag, an optional fix-it text inserted at the caret, a highlighted width
 * under the caret ({@code ~}), and notes printed after it.
 */
public final class Diag {
    public enum Level {
        NOTE("note"), WARNING("warning"), ERROR("error"), FATAL("fatal error");

        final String word;

        Level(String word) {
            this.word = word;
        }
    }

    final Level level;
    final String file;
    final int line;
    final int col;
    final String message;
    String flag;
    String fixit;
    int rangeLen;
    int rangeFrom;
    final List<Diag> notes = new ArrayList<>();

    public Diag(Level level, String file, int line, int col, String message) {
        this.level = level;
        this.file = file;
        this.line = line;
        this.col = col;
        this.message = message;
    }

    public static Diag at(Level level, Tok t, String message) {
        return new Diag(level, t.file(), t.line(), t.col(), message);
    }

    public Diag flag(String f) {
        this.flag = f;
        return this;
    }

    public Diag fixit(String text) {
        this.fixit = text;
        return this;
    }

    public Diag range(int len) {
        this.rangeLen = len;
        return this;
    }

    /** Highlights from column {@code col} up to the caret ({@code ~~~~^}). */
    public Diag rangeFrom(int col) {
        this.rangeFrom = col;
        return this;
    }

    public Diag note(Diag n) {
        notes.add(n);
        return this;
    }

    public Level level() {
        return level;
    }

    public String message() {
        return message;
    }

    public int line() {
        return line;
    }

    public int col() {
        return col;
    }

    public String file() {
        return file;
    }
}
