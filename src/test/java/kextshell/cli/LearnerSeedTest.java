package kextshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 defect 7: a corrupt learner-seed was silently ignored (challenges fell back to the published seed). */
class LearnerSeedTest {
    static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-30T01:02:03Z"), ZoneOffset.UTC);

    @TempDir
    Path tmp;

    @Test
    void D7_aCorruptLearnerSeedIsReportedByNameAndKept() throws IOException {
        Path file = tmp.resolve("learner-seed");
        for (String bad : List.of("not a number\n", "-5\n", "x".repeat(200))) {
            Files.writeString(file, bad);
            List<String> said = new ArrayList<>();
            Long salt = LearnerSalt.load(file, CLOCK, said::add);
            assertNotNull(salt, "a fresh seed replaces it");
            Path aside = tmp.resolve("learner-seed.corrupt-20261130T010203Z");
            assertEquals(1, said.size(), bad);
            assertTrue(said.get(0).contains(file.toString()) && said.get(0).contains(aside.toString()), said.get(0));
            assertEquals(bad, Files.readString(aside));
            assertEquals(salt + "\n", Files.readString(file));
            Files.delete(aside);
        }
    }

    @Test
    void D7_aGoodLearnerSeedIsReadQuietlyAndStable() throws IOException {
        Path file = tmp.resolve("sub/learner-seed");
        List<String> said = new ArrayList<>();
        Long first = LearnerSalt.load(file, CLOCK, said::add);
        assertEquals(first, LearnerSalt.load(file, CLOCK, said::add));
        assertEquals(List.of(), said);
    }
}
