package kextshell.tools.files;

import java.util.function.BiConsumer;
import kextshell.shell.FileSystem.FileError;

/**
 * Where a learner's writable home is kept between sessions (on the host, under
 * {@code ~/.kextshell/home/}). Paths are the virtual absolute paths under {@code /Users/learner}.
 * Once a store exists it is the whole truth about the home: the image's home files only seed a
 * new store, as /etc/skel seeds a new account.
 */
public interface HomeStore {
    /** Whether the store holds a home yet (false before the learner's first session). */
    boolean exists();

    /** Hands every stored entry to {@code into}: a file's text, or null for a folder. */
    void load(BiConsumer<String, String> into);

    /** Stores a file's new text, or a new folder (null); nothing changes if it fails. */
    void save(String absolute, String textOrNullForDirectory) throws FileError;

    /** Removes a stored file or empty folder. */
    void delete(String absolute) throws FileError;
}
