package kextshell.shell;

/** What a command sees while it runs: the session's state, who is running it, and where to write. */
public record Invocation(Session session, Console console, boolean root) {
    public String user() {
        return root ? "root" : Session.DEFAULT_USER;
    }
}
