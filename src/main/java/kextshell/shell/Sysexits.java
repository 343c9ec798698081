package kextshell.shell;

/**
 * Exit statuses with a name: BSD's sysexits.h for usage and system errors, and the shell's own
 * 126/127. The emulated macOS tools keep their real codes (kextunload's 3, kextload's 71, ...).
 */
public final class Sysexits {
    public static final int EX_OK = 0;
    /** Any other failure: what a command returns when nothing more specific fits. */
    public static final int FAILURE = 1;
    /** sysexits.h: the command was used incorrectly (bad option, wrong number of arguments). */
    public static final int EX_USAGE = 64;
    /** sysexits.h: the input data was incorrect. */
    public static final int EX_DATAERR = 65;
    /** sysexits.h: an input file did not exist or was not readable. */
    public static final int EX_NOINPUT = 66;
    /** sysexits.h: an internal software error (a kextshell bug, never the learner's input). */
    public static final int EX_SOFTWARE = 70;
    /** sysexits.h: an operating-system error, e.g. kextload's "can't fork". */
    public static final int EX_OSERR = 71;
    /** sysexits.h: an output file could not be created. */
    public static final int EX_CANTCREAT = 73;
    /** sysexits.h: an error while reading or writing a file. */
    public static final int EX_IOERR = 74;
    /** sysexits.h: not enough privilege (kextload/kextunload without root). */
    public static final int EX_NOPERM = 77;
    /** zsh: the command was found but could not run. */
    public static final int NOT_EXECUTABLE = 126;
    /** zsh: command not found. */
    public static final int NOT_FOUND = 127;

    private Sysexits() {
    }
}
