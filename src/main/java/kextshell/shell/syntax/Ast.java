package kextshell.shell.syntax;

import java.util.List;

/**
 * The syntax tree of one input (a line, or several joined by continuation): the small subset of
 * zsh's grammar kextshell runs. Built once by {@link Parser}; the executor, did-you-mean hints,
 * the tutorial engine and the recorder all read it.
 */
public final class Ast {
    private Ast() {
    }

    /** Lists separated by {@code ;} or newlines, run in order. */
    public record Script(List<AndOr> items) {
        /** Every simple command in the script, in order. */
        public List<SimpleCommand> commands() {
            return items.stream().flatMap(a -> a.pipelines().stream()).flatMap(p -> p.commands().stream()).toList();
        }
    }

    /** Pipelines joined by {@code &&} / {@code ||}: {@code ops.get(i)} joins pipeline i and i+1. */
    public record AndOr(List<Pipeline> pipelines, List<String> ops) {
    }

    /** Commands joined by {@code |}; {@code negated} for a leading {@code !}. */
    public record Pipeline(List<SimpleCommand> commands, boolean negated) {
    }

    /** Words and redirections of one command, in the order written. */
    public record SimpleCommand(List<Word> words, List<Redirect> redirects) {
        /** The command word as typed with quotes removed (no expansion), or "" for a bare redirection. */
        public String name() {
            return words.isEmpty() ? "" : words.get(0).literal();
        }
    }

    /** One word: its pieces, and the text as typed (for messages). */
    public record Word(List<Part> parts, String source) {
        /** The word with quotes removed and nothing expanded. */
        public String literal() {
            StringBuilder b = new StringBuilder();
            for (Part p : parts) {
                b.append(p.kind() == PartKind.PARAMETER ? "$" + p.text() : p.text());
            }
            return b.toString();
        }
    }

    /** How a piece of a word is expanded. */
    public enum PartKind {
        /** Text as written; {@code quoted} text is never a glob pattern. */
        TEXT,
        /** {@code $NAME}, {@code ${NAME}} or {@code $?}: the text is the parameter's name. */
        PARAMETER,
        /** A leading unquoted {@code ~} or {@code ~user}: the text is the user name (may be empty). */
        TILDE
    }

    public record Part(PartKind kind, String text, boolean quoted) {
    }

    /** What a redirection does. */
    public enum RedirectKind {
        /** {@code >}, {@code N>}, {@code >|}. */
        WRITE,
        /** {@code >>}, {@code N>>}. */
        APPEND,
        /** {@code <}. */
        READ,
        /** {@code N>&M}: fd N becomes a copy of fd M. */
        DUPLICATE,
        /** {@code &>}: stdout and stderr to one file. */
        WRITE_BOTH,
        /** {@code &>>}. */
        APPEND_BOTH,
        /** {@code <<WORD}: the here-document's body is stdin. */
        HERE_DOCUMENT
    }

    /**
     * @param fd        the descriptor redirected (0, 1 or 2)
     * @param target    the file word (WRITE, APPEND, READ, *_BOTH), else null
     * @param dupFrom   for DUPLICATE, the descriptor copied
     * @param body      for HERE_DOCUMENT, the body text (each line ends in a newline)
     * @param expand    for HERE_DOCUMENT, whether {@code $} parameters in the body expand (unquoted delimiter)
     */
    public record Redirect(RedirectKind kind, int fd, Word target, int dupFrom, String body, boolean expand) {
    }
}
