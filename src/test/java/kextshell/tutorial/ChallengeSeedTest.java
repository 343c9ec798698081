package kextshell.tutorial;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

/** A challenge is seeded from the learner's salt, so the file's own answer is not the learner's. */
class ChallengeSeedTest {
    private static final Path LESSONS = Path.of(System.getProperty("kextshell.root", "."), "tutorials");

    private static long seedOf(String lessonId, Long salt) {
        Session s = Kextshell.newSession();
        TutorialEngine engine = TutorialEngine.of(s).useLessons(LESSONS);
        if (salt != null) {
            engine.useLearnerSalt(salt);
        }
        assertEquals(0, s.execute("tutorial start " + lessonId).exitCode());
        return s.config().seed();
    }

    @Test
    void withoutASaltTheLessonRunsWithItsOwnSeed() {
        assertEquals(4, seedOf("11-mystery-driver", null), "what validate and the Solution use");
    }

    @Test
    void learnersGetTheirOwnSeedForChallengesOnly() {
        Set<Long> seeds = new HashSet<>();
        for (long salt = 1; salt <= 6; salt++) {
            seeds.add(seedOf("11-mystery-driver", salt));
            assertEquals(0, seedOf("00-welcome", salt), "ordinary lessons keep their seed");
        }
        assertTrue(seeds.size() > 1, "different learners, different mysteries: " + seeds);
        assertEquals(seedOf("11-mystery-driver", 42L), seedOf("11-mystery-driver", 42L), "stable per learner");
    }
}
