package kextshell.tools.files;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import kextshell.shell.Session;

/**
 * The read-only virtual filesystem: only the classpath resources under {@code /vfs}, never the
 * host's files. Which files exist comes from the {@code /vfs/INDEX} resource, because listing a
 * directory inside a jar is unreliable (no portable directory entries, different in an IDE, a
 * shaded jar and the test classpath). The index is a committed text file; {@code VfsIndexTest}
 * fails when it drifts from {@code src/main/resources/vfs} and can rewrite it. Directories are
 * implied by the files below them. File contents are read lazily, on {@code cat}.
 */
public final class Vfs {
    /** What a path resolved to. */
    public enum Kind { FILE, DIRECTORY, MISSING, NOT_A_DIRECTORY }

    private static Vfs shared;

    /** Directory path → its entry names in byte order. "/" is the root. */
    private final Map<String, TreeSet<String>> directories = new TreeMap<>();
    private final Map<String, Integer> fileSizes = new TreeMap<>();

    private Vfs(List<String> files) {
        directories.put("/", new TreeSet<>());
        for (String file : files) {
            fileSizes.put(file, -1);
            String child = file;
            while (!child.equals("/")) {
                String parent = parent(child);
                directories.computeIfAbsent(parent, p -> new TreeSet<>()).add(child.substring(child.lastIndexOf('/') + 1));
                if (!parent.equals("/")) {
                    directories.computeIfAbsent(parent, p -> new TreeSet<>());
                }
                child = parent;
            }
        }
    }

    /** The filesystem of the shipped resources, indexed once per JVM. */
    public static synchronized Vfs get() {
        if (shared == null) {
            shared = new Vfs(readIndex());
        }
        return shared;
    }

    public static List<String> readIndex() {
        try (InputStream in = Vfs.class.getResourceAsStream("/vfs/INDEX")) {
            if (in == null) {
                throw new IllegalStateException("missing resource /vfs/INDEX");
            }
            List<String> files = new ArrayList<>();
            for (String line : new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n")) {
                String path = line.strip();
                if (!path.isEmpty() && !path.startsWith("#")) {
                    files.add(path);
                }
            }
            return files;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    // ------------------------------------------------------------------ paths

    /**
     * Makes {@code path} absolute and normal: relative to {@code cwd}, {@code ~} and {@code ~/x}
     * expanded to the home directory (the shell would have), "." and ".." folded, ".." at "/"
     * staying at "/". Pure string work; whether the result exists is {@link #kind}'s business.
     */
    public static String resolve(String cwd, String path) {
        String p = path;
        if (p.equals("~") || p.startsWith("~/")) {
            p = Session.HOME + p.substring(1);
        }
        List<String> parts = new ArrayList<>();
        if (!p.startsWith("/")) {
            for (String s : cwd.split("/")) {
                if (!s.isEmpty()) {
                    parts.add(s);
                }
            }
        }
        for (String s : p.split("/")) {
            if (s.isEmpty() || s.equals(".")) {
                continue;
            }
            if (s.equals("..")) {
                if (!parts.isEmpty()) {
                    parts.remove(parts.size() - 1);
                }
            } else {
                parts.add(s);
            }
        }
        return "/" + String.join("/", parts);
    }

    public static String parent(String absolute) {
        int slash = absolute.lastIndexOf('/');
        return slash <= 0 ? "/" : absolute.substring(0, slash);
    }

    /**
     * What the kernel's namei would find for the path as typed: like a real lookup, "a/../b"
     * checks "a" (so {@code file/..} is "Not a directory"), and a trailing slash after a file is too.
     */
    public Kind kind(String cwd, String path) {
        if (path.isEmpty()) {
            return Kind.MISSING;
        }
        String p = path;
        if (p.equals("~") || p.startsWith("~/")) {
            p = Session.HOME + p.substring(1);
        }
        String at = p.startsWith("/") ? "/" : cwd;
        if (!isDirectory(at)) {
            return Kind.MISSING;
        }
        String[] parts = p.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String s = parts[i];
            if (s.isEmpty() || s.equals(".")) {
                if (i > 0 && isFile(at)) {
                    // "file/" or "file/.": a path component after a regular file
                    return Kind.NOT_A_DIRECTORY;
                }
                continue;
            }
            if (isFile(at)) {
                return Kind.NOT_A_DIRECTORY;
            }
            at = s.equals("..") ? parent(at) : (at.equals("/") ? "/" + s : at + "/" + s);
            if (!isFile(at) && !isDirectory(at)) {
                return Kind.MISSING;
            }
        }
        return isFile(at) ? Kind.FILE : Kind.DIRECTORY;
    }

    public boolean isDirectory(String absolute) {
        return directories.containsKey(absolute);
    }

    public boolean isFile(String absolute) {
        return fileSizes.containsKey(absolute);
    }

    /** The names in a directory, byte order (as macOS ls sorts in the C locale). */
    public List<String> list(String absoluteDirectory) {
        TreeSet<String> names = directories.get(absoluteDirectory);
        return names == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(names));
    }

    /** A file's bytes, read from the classpath; never a host path. */
    public byte[] read(String absoluteFile) {
        if (!isFile(absoluteFile)) {
            throw new IllegalArgumentException("not a file: " + absoluteFile);
        }
        try (InputStream in = Vfs.class.getResourceAsStream("/vfs" + absoluteFile)) {
            if (in == null) {
                throw new IllegalStateException("indexed but missing resource: /vfs" + absoluteFile);
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public String readText(String absoluteFile) {
        return new String(read(absoluteFile), StandardCharsets.UTF_8);
    }

    /** The file's length in bytes, as ls -l shows it. */
    public synchronized int size(String absoluteFile) {
        int size = fileSizes.get(absoluteFile);
        if (size < 0) {
            size = read(absoluteFile).length;
            fileSizes.put(absoluteFile, size);
        }
        return size;
    }
}
