package kextshell.cli;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.jline.builtins.Less;
import org.jline.builtins.Source;
import org.jline.terminal.Terminal;

/** Shows text in JLine's {@code less} on a real terminal; a dumb terminal cannot page. */
final class Pager {
    private Pager() {
    }

    /** Pages {@code text}; false if this terminal cannot (the caller prints it instead). */
    static boolean show(Terminal terminal, String text) {
        String type = terminal.getType();
        if (type == null || type.startsWith(Terminal.TYPE_DUMB)) {
            return false;
        }
        try {
            new Less(terminal, Path.of("")).run(new TextSource(text));
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return true;
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }

    /** The text as a source less may read more than once (it re-reads to go back). */
    private record TextSource(String text) implements Source {
        @Override
        public String getName() {
            return "(standard input)";
        }

        @Override
        public InputStream read() {
            return new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8));
        }

        @Override
        public Long lines() {
            return text.chars().filter(c -> c == '\n').count();
        }
    }
}
