package kextshell.shell;

import java.util.List;

/**
 * The files a session sees: the read-only system image, with {@code /Users/learner} (~) and
 * {@code /tmp} writable. Paths given to these methods are absolute and normal (see
 * {@link #resolve}). Failures are {@link FileError}s whose reason is the BSD strerror text in
 * lower case, as zsh and the BSD tools print it: "no such file or directory", "is a directory",
 * "not a directory", "read-only file system", "permission denied", "file exists",
 * "directory not empty".
 */
public interface FileSystem {
    /** Makes {@code path} absolute and normal against {@code cwd}; {@code ~} and {@code ~/x} mean the home. */
    String resolve(String cwd, String path);

    boolean exists(String absolute);

    boolean isDirectory(String absolute);

    /** Whether the learner may create, change or remove this path (it is under ~ or /tmp). */
    boolean isWritable(String absolute);

    /** A regular file's text. */
    String read(String absolute) throws FileError;

    /** Creates or replaces ({@code append} false) or extends a regular file in a writable folder. */
    void write(String absolute, String text, boolean append) throws FileError;

    /** The names in a folder, sorted. */
    List<String> list(String absolute) throws FileError;

    void mkdir(String absolute) throws FileError;

    /** Removes a file, or an empty folder. */
    void remove(String absolute) throws FileError;

    /** A file operation that failed, with the reason as the BSD tools word it. */
    final class FileError extends Exception {
        private static final long serialVersionUID = 1L;

        public static final String NO_SUCH_FILE = "no such file or directory";
        public static final String IS_A_DIRECTORY = "is a directory";
        public static final String NOT_A_DIRECTORY = "not a directory";
        public static final String READ_ONLY = "read-only file system";
        public static final String PERMISSION_DENIED = "permission denied";
        public static final String FILE_EXISTS = "file exists";
        public static final String NOT_EMPTY = "directory not empty";

        private final String reason;

        public FileError(String reason) {
            super(reason, null, false, false);
            this.reason = reason;
        }

        /** The lower-case strerror text: zsh prints {@code zsh: REASON: PATH}. */
        public String reason() {
            return reason;
        }

        /** The capitalised form the BSD tools print: {@code cat: PATH: No such file or directory}. */
        public String sentence() {
            return Character.toUpperCase(reason.charAt(0)) + reason.substring(1);
        }
    }
}
