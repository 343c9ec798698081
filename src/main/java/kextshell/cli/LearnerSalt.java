package kextshell.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;

/**
 * A number chosen once per learner and kept beside the progress file. Challenge lessons are seeded
 * from it, so the strategy a challenge hides is not the one written in the lesson file. Only the
 * front end reads or writes it; the kernel just receives a seed.
 */
public final class LearnerSalt {
    private LearnerSalt() {
    }

    /** The salt stored in {@code file}, creating it on first use; null if it cannot be read or made. */
    public static Long load(Path file) {
        try {
            if (Files.isRegularFile(file)) {
                return Long.parseLong(Files.readString(file, StandardCharsets.UTF_8).trim());
            }
            long salt = new SecureRandom().nextLong() & Long.MAX_VALUE;
            Files.createDirectories(file.getParent());
            Files.writeString(file, salt + "\n", StandardCharsets.UTF_8);
            return salt;
        } catch (IOException | NumberFormatException | SecurityException e) {
            return null;
        }
    }
}
