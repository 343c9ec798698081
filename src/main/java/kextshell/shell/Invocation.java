package kextshell.shell;

/**
 * What a command sees while it runs: the session's state, who is running it, where to write, and
 * its standard input.
 *
 * @param stdin what a pipe or redirection feeds the command ({@code a | b}, {@code b < file},
 *              {@code b <<EOF}); null when nothing does (the terminal: commands that would read it,
 *              like {@code cat} with no file, read nothing)
 */
public record Invocation(Session session, Console console, boolean root, String stdin) {
    public Invocation(Session session, Console console, boolean root) {
        this(session, console, root, null);
    }

    public String user() {
        return root ? "root" : Session.DEFAULT_USER;
    }

    /** Whether something is piped or redirected into this command. */
    public boolean hasStdin() {
        return stdin != null;
    }

    /** The session's files (the read-only system image with a writable home and /tmp). */
    public FileSystem files() {
        return session.files();
    }
}
