package kextshell.shell;

import java.util.ArrayList;
import java.util.List;

/**
 * Path completion over a session's {@link FileSystem}, as zsh offers it: the partial word's folder
 * part is kept as typed (relative, absolute or {@code ~/}) and each entry of that folder is
 * offered after it, folders with a trailing '/' so the next Tab goes on inside them.
 */
public final class PathCompletions {
    private PathCompletions() {
    }

    /** Candidates for the partial path {@code current} typed in {@code cwd}; never null. */
    public static List<String> candidates(FileSystem files, String cwd, String current) {
        return candidates(files, cwd, current, false);
    }

    /** As {@link #candidates(FileSystem, String, String)}; only folders when {@code foldersOnly}. */
    public static List<String> candidates(FileSystem files, String cwd, String current, boolean foldersOnly) {
        int slash = current.lastIndexOf('/');
        String typedDir = slash < 0 ? "" : current.substring(0, slash + 1);
        String dir = typedDir.isEmpty() ? cwd : files.resolve(cwd, typedDir);
        List<String> out = new ArrayList<>();
        if (!files.isDirectory(dir)) {
            return out;
        }
        String namePrefix = current.substring(slash + 1);
        try {
            for (String name : files.list(dir)) {
                if (name.startsWith(".") && !namePrefix.startsWith(".")) {
                    continue;
                }
                String child = dir.endsWith("/") ? dir + name : dir + "/" + name;
                boolean folder = files.isDirectory(child);
                if (folder || !foldersOnly) {
                    out.add(typedDir + name + (folder ? "/" : ""));
                }
            }
        } catch (FileSystem.FileError e) {
            // an unreadable folder offers nothing
        }
        return out;
    }

    /** PATH, DIRECTORY and KEXT_PATH take paths; where a bundle id may also be a path (kextinfo), a word with '/' is one. */
    private static boolean takesPath(CompletionKind kind, String current) {
        return kind == CompletionKind.PATH || kind == CompletionKind.DIRECTORY || kind == CompletionKind.KEXT_PATH
                || kind == CompletionKind.BUNDLE_ID && current.contains("/");
    }

    /**
     * The words tab completion offers after {@code wordsSoFar}: the session's own candidates, plus
     * paths when the command takes a path there ({@link CompletionKind#PATH}).
     */
    public static List<String> withPaths(Session session, List<String> wordsSoFar, String current) {
        List<String> found = session.candidates(wordsSoFar, current);
        List<String> words = wordsSoFar;
        while (words.size() > 1 && words.get(0).equals("sudo") && !words.get(1).startsWith("-")) {
            words = words.subList(1, words.size());
        }
        if (words.isEmpty()) {
            return found;
        }
        ShellCommand command = session.commands().get(words.get(0));
        CompletionKind kind = command == null ? CompletionKind.NONE : command.completionFor(words.get(words.size() - 1));
        if (current.startsWith("-") || !takesPath(kind, current)) {
            return found;
        }
        List<String> out = new ArrayList<>(found);
        out.addAll(candidates(session.files(), session.cwd(), current, kind == CompletionKind.DIRECTORY));
        return out;
    }
}
