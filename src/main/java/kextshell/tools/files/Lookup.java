package kextshell.tools.files;

import kextshell.shell.FileSystem;
import kextshell.shell.Session;

/**
 * What the kernel's namei would find for a path as typed, in the session's files (the image, the
 * learner's home and /tmp): like a real lookup, "a/../b" checks "a" (so {@code file/..} is "Not
 * a directory"), and a trailing slash after a file is too.
 */
public final class Lookup {
    private Lookup() {
    }

    public static Vfs.Kind kind(FileSystem files, String cwd, String path) {
        if (path.isEmpty()) {
            return Vfs.Kind.MISSING;
        }
        String p = path;
        if (p.equals("~") || p.startsWith("~/")) {
            p = Session.HOME + p.substring(1);
        }
        String at = p.startsWith("/") ? "/" : cwd;
        if (!files.isDirectory(at)) {
            return Vfs.Kind.MISSING;
        }
        String[] parts = p.split("/", -1);
        for (int i = 0; i < parts.length; i++) {
            String s = parts[i];
            boolean file = isFile(files, at);
            if (s.isEmpty() || s.equals(".")) {
                if (i > 0 && file) {
                    // "file/" or "file/.": a path component after a regular file
                    return Vfs.Kind.NOT_A_DIRECTORY;
                }
                continue;
            }
            if (file) {
                return Vfs.Kind.NOT_A_DIRECTORY;
            }
            at = s.equals("..") ? Vfs.parent(at) : (at.equals("/") ? "/" + s : at + "/" + s);
            if (!files.exists(at)) {
                return Vfs.Kind.MISSING;
            }
        }
        return isFile(files, at) ? Vfs.Kind.FILE : Vfs.Kind.DIRECTORY;
    }

    public static boolean isFile(FileSystem files, String absolute) {
        return files.exists(absolute) && !files.isDirectory(absolute);
    }
}
