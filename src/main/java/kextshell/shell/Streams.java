package kextshell.shell;

import java.util.List;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.syntax.Ast.Redirect;
import kextshell.shell.syntax.Ast.RedirectKind;

/**
 * Where one command's descriptors 0, 1 and 2 point, after its redirections: stdin text, and for
 * stdout and stderr a {@link Sink}. Redirections apply left to right, so {@code >f 2>&1} sends
 * both streams to f while {@code 2>&1 >f} sends stderr where stdout was (the terminal or pipe).
 */
final class Streams {
    /** A destination for output. */
    private sealed interface Sink permits Terminal, Pipe, File, Discard {
    }

    /** The line's own output; {@code stderr} says which of the process's streams. */
    private record Terminal(boolean stderr) implements Sink {
    }

    private record Pipe() implements Sink {
    }

    private record File(String path) implements Sink {
    }

    private record Discard() implements Sink {
    }

    private static final String DEV_NULL = "/dev/null";

    private final FileSystem files;
    private final String cwd;
    private final Console terminal;
    private final StringBuilder pipe;
    private Sink out;
    private Sink err = new Terminal(true);
    String stdin;

    Streams(FileSystem files, String cwd, Console terminal, StringBuilder pipe) {
        this.files = files;
        this.cwd = cwd;
        this.terminal = terminal;
        this.pipe = pipe;
        this.out = pipe == null ? new Terminal(false) : new Pipe();
    }

    boolean stdoutIsTerminal() {
        return out instanceof Terminal t && !t.stderr();
    }

    void apply(Redirect r, Expander expander) throws ShellError {
        switch (r.kind()) {
            case HERE_DOCUMENT -> stdin = r.expand() ? expandBody(r.body(), expander) : r.body();
            case READ -> stdin = read(expander.single(r.target()), r.target().source());
            case DUPLICATE -> {
                if (r.fd() == 2) {
                    err = r.dupFrom() == 1 ? out : err;
                } else if (r.fd() == 1) {
                    out = r.dupFrom() == 2 ? err : out;
                }
            }
            case WRITE, APPEND -> {
                Sink sink = open(expander.single(r.target()), r.target().source(), r.kind() == RedirectKind.APPEND);
                if (r.fd() == 2) {
                    err = sink;
                } else if (r.fd() == 1) {
                    out = sink;
                }
            }
            case WRITE_BOTH, APPEND_BOTH -> {
                out = open(expander.single(r.target()), r.target().source(), r.kind() == RedirectKind.APPEND_BOTH);
                err = out;
            }
        }
    }

    private static String expandBody(String body, Expander expander) {
        StringBuilder b = new StringBuilder();
        for (int i = 0; i < body.length(); i++) {
            char c = body.charAt(i);
            if (c == '\\' && i + 1 < body.length() && "$\\`".indexOf(body.charAt(i + 1)) >= 0) {
                b.append(body.charAt(++i));
            } else if (c == '$' && i + 1 < body.length()) {
                int end = i + 1;
                if (body.charAt(end) == '?') {
                    end++;
                } else {
                    while (end < body.length() && (Character.isLetterOrDigit(body.charAt(end)) || body.charAt(end) == '_')) {
                        end++;
                    }
                }
                if (end == i + 1) {
                    b.append(c);
                } else {
                    b.append(expander.parameter(body.substring(i + 1, end)));
                    i = end - 1;
                }
            } else {
                b.append(c);
            }
        }
        return b.toString();
    }

    private String read(String path, String typed) throws ShellError {
        if (path.equals(DEV_NULL)) {
            return "";
        }
        try {
            return files.read(files.resolve(cwd, path));
        } catch (FileError e) {
            throw new ShellError("zsh: " + e.reason() + ": " + typed);
        }
    }

    /** Opens (creates, or truncates unless appending) a file for output, as the shell does before running. */
    private Sink open(String path, String typed, boolean append) throws ShellError {
        if (path.equals(DEV_NULL)) {
            return new Discard();
        }
        String absolute = files.resolve(cwd, path);
        try {
            files.write(absolute, "", append);
        } catch (FileError e) {
            throw new ShellError("zsh: " + e.reason() + ": " + typed);
        }
        return new File(absolute);
    }

    /** Sends each chunk a command wrote to where its descriptor points. */
    void route(List<Result.Chunk> chunks) {
        for (Result.Chunk chunk : chunks) {
            Sink sink = chunk.stderr() ? err : out;
            if (sink instanceof Terminal t) {
                terminal.write(t.stderr(), chunk.text());
            } else if (sink instanceof Pipe) {
                pipe.append(chunk.text());
            } else if (sink instanceof File f) {
                try {
                    files.write(f.path(), chunk.text(), true);
                } catch (FileError e) {
                    terminal.err("zsh: " + e.reason() + ": " + f.path());
                }
            }
        }
    }
}
