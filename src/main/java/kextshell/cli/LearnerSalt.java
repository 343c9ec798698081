package kextshell.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.function.Consumer;
import kextshell.store.HostFiles;
import kextshell.store.LearnerFiles;

/**
 * A number chosen once per learner and kept beside the progress file. Challenge lessons are seeded
 * from it, so the strategy a challenge hides is not the one written in the lesson file. Only the
 * front end reads or writes it; the kernel just receives a seed.
 *
 * <p>A file that is not a number is reported by name and moved aside (never silently ignored:
 * that would quietly turn challenges back into the published seed); a fresh salt takes its place.
 */
public final class LearnerSalt {
    /** "9223372036854775807\n" is 20 bytes; a little room for hand edits. */
    static final long LIMIT = 64;

    private LearnerSalt() {
    }

    /** The salt stored in {@code file}, creating it on first use; null (reported) if that fails. */
    public static Long load(Path file, Clock clock, Consumer<String> report) {
        try {
            return LearnerFiles.locked(file, () -> readOrCreate(file, clock, report));
        } catch (IOException e) {
            report.accept("kextshell: learner seed " + file + " unusable (" + HostFiles.reason(e)
                    + "); challenges use the published seeds");
            return null;
        }
    }

    private static Long readOrCreate(Path file, Clock clock, Consumer<String> report) throws IOException {
        String why;
        try {
            String text = LearnerFiles.read(file, LIMIT);
            if (text == null) {
                return create(file);
            }
            long salt = Long.parseLong(text.strip());
            if (salt >= 0) {
                return salt;
            }
            why = "negative number";
        } catch (NumberFormatException e) {
            why = "not a number";
        } catch (LearnerFiles.Unreadable e) {
            why = e.getMessage();
        }
        Path aside = LearnerFiles.moveAside(file, clock);
        report.accept("kextshell: cannot read learner seed " + file + " (" + why + "); kept it as " + aside
                + " and chose a new seed");
        return create(file);
    }

    private static long create(Path file) throws IOException {
        long salt = new SecureRandom().nextLong() & Long.MAX_VALUE;
        LearnerFiles.writeAtomically(file, salt + "\n");
        return salt;
    }
}
