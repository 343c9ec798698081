package kextshell.tools.files;

import java.io.IOException;
import java.nio.file.Path;

/**
 * Replaces a host file so that a reader (or the next session after a crash) sees either the old
 * bytes or the new ones, never a mix: the bytes go to a temporary file in the same folder, are
 * forced to the disk, and the temporary file is renamed over the target (rename(2) is atomic
 * within one file system), then the folder is forced so the rename itself survives a power cut.
 * A temporary file left by a crash has {@link #PARTIAL_SUFFIX} in its name and is never read.
 */
public final class AtomicFiles {
    /** The ending of a temporary file that was being written; readers skip such files. */
    public static final String PARTIAL_SUFFIX = ".kextshell-partial";

    private AtomicFiles() {
    }

    /**
     * The learner-data writer everyone uses (kextshell.store.LearnerFiles: temp file, fsync, atomic
     * rename, fsync of the folder, the replaced file's permissions kept), with a temporary name the
     * home store recognises and skips if a crash leaves one behind.
     */
    public static void write(Path target, byte[] bytes) throws IOException {
        kextshell.store.LearnerFiles.writeAtomically(target, bytes, PARTIAL_SUFFIX);
    }

    public static boolean isPartial(Path file) {
        return file.getFileName().toString().endsWith(PARTIAL_SUFFIX);
    }
}
