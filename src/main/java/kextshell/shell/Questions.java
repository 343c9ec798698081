package kextshell.shell;

/**
 * The {@code [y/N]} question a session may be waiting on, seen by the front end without knowing
 * who asked: the interactive shell keeps the answer out of history and cancels the question on
 * Ctrl-C, so the next line runs as a command. One per session ({@link #of}); the asker (the
 * tutorial engine) reports {@link #asked} and {@link #answered} and gives the way to cancel.
 */
public final class Questions {
    private Runnable cancel;
    private long answers;

    public static Questions of(Session session) {
        return session.toolState(Questions.class, Questions::new);
    }

    /** A question is waiting; {@code cancel} drops it without running its action. */
    public void asked(Runnable cancel) {
        this.cancel = cancel;
    }

    /** The asker took a line as the answer (or dropped the question itself). */
    public void answered() {
        if (cancel != null) {
            answers++;
        }
        cancel = null;
    }

    public boolean pending() {
        return cancel != null;
    }

    /** How many lines have answered a question so far: a line that changed it was an answer. */
    public long answers() {
        return answers;
    }

    /** Drops the waiting question (Ctrl-C); true if there was one. */
    public boolean cancel() {
        Runnable c = cancel;
        cancel = null;
        if (c != null) {
            c.run();
        }
        return c != null;
    }
}
