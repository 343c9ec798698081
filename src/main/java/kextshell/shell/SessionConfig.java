package kextshell.shell;

/**
 * The knobs that make a session reproducible. A transcript records them in its first block
 * ({@code seed=N width=N}); the same config and input always give the same bytes.
 */
public record SessionConfig(long seed, int width) {
    public static final int DEFAULT_WIDTH = 80;

    public static SessionConfig defaults() {
        return new SessionConfig(0, DEFAULT_WIDTH);
    }

    public SessionConfig withSeed(long newSeed) {
        return new SessionConfig(newSeed, width);
    }

    public SessionConfig withWidth(int newWidth) {
        return new SessionConfig(seed, newWidth);
    }
}
