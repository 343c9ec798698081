package kextshell.kexts;

import java.util.Locale;

/**
 * What com.osxkernel.Mystery really does: one of five sample strategies, chosen by the kernel's
 * seed so that a lesson's seed fixes it while its bundle (header only, source withheld) gives
 * nothing away. The learner names it with {@code answer WORD}; {@code check answer} compares.
 */
public enum MysteryStrategy {
    STOCK("stock"), RETAIN_PROVIDER("retain-provider"), NAIVE_VETO("naive-veto"), ROBUST_VETO("robust-veto"),
    KEXT_RETAIN("kext-retain");

    private final String word;

    MysteryStrategy(String word) {
        this.word = word;
    }

    /** The word {@code answer} takes, e.g. {@code robust-veto}. */
    public String word() {
        return word;
    }

    /** The strategy a kernel booted from {@code seed} gives the Mystery kext (SplitMix64 finalizer, mod 5). */
    public static MysteryStrategy forSeed(long seed) {
        long z = seed + 0x9E3779B97F4A7C15L;
        z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
        z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
        z = z ^ (z >>> 31);
        return values()[(int) Math.floorMod(z, (long) values().length)];
    }

    /** By its word (case-insensitive); null if none. */
    public static MysteryStrategy parse(String word) {
        for (MysteryStrategy s : values()) {
            if (s.word.equals(word.toLowerCase(Locale.ROOT))) {
                return s;
            }
        }
        return null;
    }

    /** "stock, retain-provider, ...", for usage lines. */
    public static String words() {
        StringBuilder b = new StringBuilder();
        for (MysteryStrategy s : values()) {
            b.append(b.length() == 0 ? "" : ", ").append(s.word);
        }
        return b.toString();
    }
}
