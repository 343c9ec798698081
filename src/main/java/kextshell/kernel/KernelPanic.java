package kextshell.kernel;

/**
 * The kernel model can no longer go on: the learner's code panicked it (a NULL dereference, a
 * call on a freed object, a corrupted registry) or hung a kernel thread. It unwinds out of the
 * kernel to whoever entered it; the shell then "reboots" to a fresh kernel, keeping the files.
 * {@link #report()} is what the machine would show, in the shape of 10.15's panic report.
 */
public final class KernelPanic extends RuntimeException {
    /** What stopped the machine. */
    public enum Kind { PAGE_FAULT, GENERAL_PROTECTION, PANIC_CALL, HANG }

    private final Kind kind;
    private final String report;

    public KernelPanic(Kind kind, String report) {
        super(kind.name(), null, false, false);
        this.kind = kind;
        this.report = report;
    }

    public Kind kind() {
        return kind;
    }

    /** The text to print, one line per element, no trailing newline. */
    public String report() {
        return report;
    }

    /** A hang is not a panic on a real Mac: the thread spins; the lab stops it and reboots the model. */
    public boolean isHang() {
        return kind == Kind.HANG;
    }
}
