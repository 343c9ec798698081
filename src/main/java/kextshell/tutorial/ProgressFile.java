package kextshell.tutorial;

import java.io.IOException;
import java.nio.file.Path;
import java.time.Clock;
import kextshell.store.HostFiles;
import kextshell.store.LearnerFiles;

/**
 * {@code progress.json} on disk: loaded once, saved after every change. A file that cannot be read
 * is moved aside (never overwritten) and both paths are named; saving holds the file's lock and
 * merges the lessons another shell completed in the meantime, so two open shells lose nothing.
 */
final class ProgressFile {
    /** A progress file is a few hundred bytes; anything this big is not one. */
    static final long LIMIT = 1L << 20;

    private final Path file;
    private final Clock clock;

    ProgressFile(Path file, Clock clock) {
        this.file = file;
        this.clock = clock;
    }

    Path path() {
        return file;
    }

    /** What loading found; {@code notice} is null unless the file had to be moved aside. */
    record Loaded(Progress progress, String notice) {
    }

    /**
     * Reads the file (missing means no progress). An unreadable file is renamed to
     * {@code progress.json.corrupt-<time>}; if even that fails, throws, and the caller must not
     * save to this file.
     */
    Loaded load() throws IOException {
        return LearnerFiles.locked(file, () -> {
            try {
                return new Loaded(parse(), null);
            } catch (LearnerFiles.Unreadable e) {
                return new Loaded(new Progress(), keepAside(e.getMessage()) + "; starting with no completed lessons");
            }
        });
    }

    /**
     * Writes {@code progress}. With {@code merge}, lessons already in the file (another shell's)
     * are added to {@code progress} first; without it (reset, import) the file is replaced. An
     * unreadable file is moved aside first. Returns a notice to show, or null.
     */
    String save(Progress progress, boolean merge) throws IOException {
        return LearnerFiles.locked(file, () -> {
            String notice = null;
            try {
                Progress onDisk = parse();
                if (merge) {
                    onDisk.completed().forEach(progress::complete);
                }
            } catch (LearnerFiles.Unreadable e) {
                notice = keepAside(e.getMessage());
            }
            LearnerFiles.writeAtomically(file, progress.toJson());
            return notice;
        });
    }

    private Progress parse() throws IOException {
        String text = LearnerFiles.read(file, LIMIT);
        if (text == null) {
            return new Progress();
        }
        try {
            return Progress.parse(text);
        } catch (IOException e) {
            throw new LearnerFiles.Unreadable(e.getMessage());
        }
    }

    private String keepAside(String why) throws IOException {
        Path aside;
        try {
            aside = LearnerFiles.moveAside(file, clock);
        } catch (IOException e) {
            throw new IOException("tutorial: cannot read " + file + " (" + why + ") and cannot move it aside ("
                    + HostFiles.reason(e) + "); progress will not be saved this session", e);
        }
        return "tutorial: cannot read " + file + " (" + why + "); kept it as " + aside;
    }
}
