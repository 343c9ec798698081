package kextshell.tools.files;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import kextshell.shell.FileSystem;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;
import kextshell.tools.args.Getopt;

/** What cp, mv, rm, mkdir and touch share: getopt with BSD's diagnostics, path text, tree walks. */
final class FileOps {
    private FileOps() {
    }

    /** Parsed options (the letters given) and the operands after them. */
    record Options(Set<Character> flags, List<String> operands) {
        boolean has(char flag) {
            return flags.contains(flag);
        }
    }

    /**
     * getopt(3) over {@code args}; on an unknown option prints BSD getopt's
     * {@code NAME: illegal option -- X} and the usage lines, and returns null; with fewer than
     * {@code minOperands} operands prints the usage lines and returns null.
     */
    static Options parse(Invocation inv, String name, List<String> args, String optstring, List<String> usage,
            int minOperands) {
        Getopt g = new Getopt(args, optstring);
        Set<Character> flags = new TreeSet<>();
        for (int c = g.next(); c != -1; c = g.next()) {
            if (c == '?') {
                inv.console().err(name + ": illegal option -- " + g.optopt());
                usage.forEach(inv.console()::err);
                return null;
            }
            // cp and mv: -f and -n cancel each other, the last one wins
            flags.remove(c == 'f' ? 'n' : c == 'n' ? 'f' : ' ');
            flags.add((char) c);
        }
        List<String> operands = new ArrayList<>(args.subList(g.optind(), args.size()));
        if (operands.size() < minOperands) {
            usage.forEach(inv.console()::err);
            return null;
        }
        return new Options(flags, operands);
    }

    /** dirname(3): "a/b" is "a", "a" is ".", "/a" is "/", trailing slashes ignored. */
    static String dirname(String path) {
        String p = stripTrailingSlashes(path);
        int slash = p.lastIndexOf('/');
        if (slash < 0) {
            return ".";
        }
        String parent = stripTrailingSlashes(p.substring(0, slash));
        return parent.isEmpty() ? "/" : parent;
    }

    /** basename(3): the last component, trailing slashes ignored. */
    static String basename(String path) {
        String p = stripTrailingSlashes(path);
        return p.equals("/") ? "/" : p.substring(p.lastIndexOf('/') + 1);
    }

    static String stripTrailingSlashes(String path) {
        int end = path.length();
        while (end > 1 && path.charAt(end - 1) == '/') {
            end--;
        }
        return path.substring(0, end);
    }

    /** How fts(3) names a child: the parent's path as given, one slash, the name. */
    static String join(String shownParent, String name) {
        return shownParent.endsWith("/") ? shownParent + name : shownParent + "/" + name;
    }

    /** A folder's names; empty if it cannot be listed (the caller has just seen it exist). */
    static List<String> names(FileSystem files, String folder) {
        try {
            return files.list(folder);
        } catch (FileError e) {
            return List.of();
        }
    }

    /**
     * Why an existing entry outside ~ and /tmp cannot be changed: "/" and /System are on the
     * read-only system volume; /Library and /Users are firmlinks into the data volume, owned by root.
     */
    static String deniedFor(String absolute) {
        return absolute.equals("/") || absolute.equals("/System") || absolute.startsWith("/System/")
                ? FileError.READ_ONLY : FileError.PERMISSION_DENIED;
    }

    /** The BSD tools' capitalised strerror text for a lower-case reason. */
    static String sentence(String reason) {
        return new FileError(reason).sentence();
    }
}
