package kextshell.transcript;

import java.io.IOException;
import java.nio.file.Path;

/** Writes transcript files whole, via a temporary sibling, so a failed write never leaves half a file. */
public final class TranscriptFiles {
    /**
     * The largest transcript or lesson file read: 4 MiB is many times the biggest real one, and
     * small enough that parsing and checking it stays well within the heap and a few seconds.
     */
    public static final long MAX_BYTES = 4L << 20;

    private TranscriptFiles() {
    }

    /** A transcript or lesson file's text; every problem is a one-line TranscriptException. */
    public static String read(Path file, String name) throws TranscriptException {
        try {
            String text = kextshell.store.LearnerFiles.read(file, MAX_BYTES);
            if (text == null) {
                throw new TranscriptException(name, 0, "no such file");
            }
            return text;
        } catch (kextshell.store.LearnerFiles.Unreadable e) {
            throw new TranscriptException(name, 0, e.getMessage().equals("not UTF-8 text") ? "not valid UTF-8 text"
                    : e.getMessage());
        } catch (IOException e) {
            throw new TranscriptException(name, 0, "cannot read: " + kextshell.store.HostFiles.reason(e));
        }
    }

    /** Rewrites a transcript or lesson whole: temp file, fsync, atomic rename; the file keeps its mode. */
    public static void write(Path file, String text) throws IOException {
        kextshell.store.LearnerFiles.writeAtomically(file, text);
    }
}
