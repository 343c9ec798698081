package kextshell.cli;

import java.io.Console;
import java.lang.reflect.Method;

/**
 * Decides whether to start the interactive editor or read plain lines. No terminal library is
 * touched here, so the piped path starts fast and never competes with JLine for stdin.
 *
 * <p>The rule: interactive only when both stdin and stdout are terminals. On JDK 17-21
 * {@code System.console()} is non-null exactly in that case. From JDK 22 it is non-null even
 * when the streams are redirected, but {@code Console.isTerminal()} (JDK 22+, called
 * reflectively because we compile for 17) answers the real question. The system property
 * {@code kextshell.interactive=true|false} (or the environment variable
 * {@code KEXTSHELL_INTERACTIVE}) overrides the guess.
 */
public final class Tty {
    private Tty() {
    }

    public static boolean interactive() {
        String forced = System.getProperty("kextshell.interactive", System.getenv("KEXTSHELL_INTERACTIVE"));
        if (forced != null && !forced.isBlank()) {
            return Boolean.parseBoolean(forced.strip());
        }
        Console console = System.console();
        if (console == null) {
            return false;
        }
        try {
            Method isTerminal = Console.class.getMethod("isTerminal");
            return Boolean.TRUE.equals(isTerminal.invoke(console));
        } catch (NoSuchMethodException e) {
            return true; // JDK 17-21: a non-null console already means both streams are terminals
        } catch (ReflectiveOperationException | RuntimeException e) {
            return false;
        }
    }
}
