package kextshell.shell;

/**
 * Makes a fresh session from a config. The composition root ({@code kextshell.app}) provides the
 * one with every command and the sample kexts; replay, validation and benchmarks take it as a
 * parameter so they never need to know the commands themselves.
 */
@FunctionalInterface
public interface SessionFactory {
    Session create(SessionConfig config);
}
