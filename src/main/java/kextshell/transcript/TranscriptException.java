package kextshell.transcript;

/**
 * A transcript file that cannot be read or parsed. Checked on purpose: every caller must turn it
 * into a one-line {@code file:line: message} for the user instead of letting a stack trace out.
 */
public final class TranscriptException extends Exception {
    private static final long serialVersionUID = 1L;

    private final String file;
    private final int line;
    private final String reason;

    public TranscriptException(String file, int line, String reason) {
        super(line > 0 ? file + ":" + line + ": " + reason : file + ": " + reason);
        this.file = file;
        this.line = line;
        this.reason = reason;
    }

    public String file() {
        return file;
    }

    /** 1-based line in the file, or 0 when the problem is the whole file (missing, unreadable). */
    public int line() {
        return line;
    }

    /** The message without the {@code file:line: } prefix. */
    public String reason() {
        return reason;
    }
}
