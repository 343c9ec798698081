package kextshell.kexts;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.SessionConfig;
import kextshell.compare.Scenario;
import kextshell.compare.Strategy;
import kextshell.compare.StrategyRun;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * com.osxkernel.Mystery behaves, for each seed, exactly like the sample kext of the strategy
 * {@link MysteryStrategy#forSeed} picks (same outcome cells as StrategyOutcomeTest's matrix), and
 * {@code check answer} accepts only that strategy.
 */
class MysteryKextTest {
    private static final Strategy MYSTERY = new Strategy("Mystery", "com.osxkernel.Mystery",
            "com_osxkernel_MysteryDriver", "com_osxkernel_MysteryClient", -1, -1, "");

    private static final Map<MysteryStrategy, String> SAMPLE = Map.of(
            MysteryStrategy.STOCK, "driver",
            MysteryStrategy.RETAIN_PROVIDER, "RetainProvider",
            MysteryStrategy.NAIVE_VETO, "NaiveVeto",
            MysteryStrategy.ROBUST_VETO, "RobustVeto",
            MysteryStrategy.KEXT_RETAIN, "KextRetain");

    /** The first two seeds that give each strategy. */
    static Stream<Arguments> seeds() {
        List<Arguments> out = new ArrayList<>();
        for (MysteryStrategy s : MysteryStrategy.values()) {
            int found = 0;
            for (long seed = 0; seed < 1000 && found < 2; seed++) {
                if (MysteryStrategy.forSeed(seed) == s) {
                    out.add(Arguments.of(s, seed));
                    found++;
                }
            }
            assertEquals(2, found, s + " is reachable from some seed");
        }
        return out.stream();
    }

    @ParameterizedTest(name = "{0} (seed {1})")
    @MethodSource("seeds")
    void behavesLikeTheSeededStrategy(MysteryStrategy strategy, long seed) {
        Strategy sample = Strategy.named(SAMPLE.get(strategy));
        assertNotNull(sample);
        for (Scenario scenario : List.of(Scenario.UNLOAD, Scenario.CLOSE, Scenario.KILL, Scenario.IDLE)) {
            StrategyRun mystery = scenario.run(MYSTERY, seed);
            StrategyRun expected = scenario.run(sample);
            assertEquals(scenario.cell(expected), scenario.cell(mystery), scenario + " of " + strategy);
            assertEquals(List.of(), mystery.kernel().violations(), "model invariants");
        }
    }

    @Test
    void isNotListedAsASampleStrategy() {
        assertTrue(Strategy.named("Mystery") == null);
        assertEquals(13, Strategy.all().size());
    }

    @Test
    void checkAnswerAcceptsOnlyTheSeededStrategy() {
        for (long seed : new long[] {0, 4, 6, 7}) {
            MysteryStrategy right = MysteryStrategy.forSeed(seed);
            Session s = Kextshell.newSession(SessionConfig.defaults().withSeed(seed));
            Result none = s.execute("check answer");
            assertEquals(1, none.exitCode());
            for (MysteryStrategy guess : MysteryStrategy.values()) {
                assertEquals(0, s.execute("answer " + guess.word()).exitCode());
                Result r = s.execute("check answer");
                assertEquals(guess == right ? 0 : 1, r.exitCode(), guess + " for seed " + seed);
                if (guess != right) {
                    assertFalse(r.output().contains(right.word()), "a wrong answer must not reveal the right one");
                }
            }
            assertEquals(64, s.execute("answer maybe").exitCode());
        }
    }

    @Test
    void aFreshKernelForgetsTheAnswer() {
        long seed = 4;
        Session s = Kextshell.newSession(SessionConfig.defaults().withSeed(seed));
        s.execute("answer " + MysteryStrategy.forSeed(seed).word());
        assertEquals(0, s.execute("check answer").exitCode());
        s.execute("reset --yes");
        assertEquals(1, s.execute("check answer").exitCode());
    }

    @Test
    void theBundleDoesNotRevealTheStrategy() {
        Session s = Kextshell.newSession();
        String listing = s.execute("cat /Library/Extensions/Mystery.kext/Contents/Sources/Mystery.cpp").output()
                + s.execute("cat /Library/Extensions/Mystery.kext/Contents/Sources/Mystery.h").output();
        assertTrue(listing.contains("withheld"), listing);
        for (String word : List.of("Recursing", "OSKextRetain", "retain()", "return false")) {
            assertFalse(listing.contains(word), word);
        }
    }
}
