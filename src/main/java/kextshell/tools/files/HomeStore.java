package kextshell.tools.files;

import java.util.function.BiConsumer;

/**
 * Where a learner's writable home is kept between sessions (on the host, under
 * {@code ~/.kextshell/home/}). Paths are the virtual absolute paths under {@code /Users/learner}.
 */
public interface HomeStore {
    /** Hands every stored entry to {@code into}: a file's text, or null for a folder. */
    void load(BiConsumer<String, String> into);

    /** Stores a file's new text, or a new folder (null). */
    void save(String absolute, String textOrNullForDirectory);

    void delete(String absolute);
}
