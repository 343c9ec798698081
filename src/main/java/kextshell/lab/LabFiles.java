package kextshell.lab;

import java.util.List;

/**
 * The learner's files as the lab sees them: paths relative to the learner's home, '/'-separated
 * ({@code Foo.kext/Contents/Sources/Foo.cpp}). The shell implements it over the writable home;
 * {@link MemoryLabFiles} is the test double.
 */
public interface LabFiles {
    /** The file's text, or null if there is no such file. */
    String read(String path);

    /** Creates or replaces the file (atomically, in the shell's implementation), making parent directories. */
    void write(String path, String text);

    boolean exists(String path);

    /** Removes the file if it exists. */
    void delete(String path);

    /** The names of the files directly in {@code dir}, sorted; empty if none. */
    List<String> list(String dir);
}
