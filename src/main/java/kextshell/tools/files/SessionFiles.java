package kextshell.tools.files;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import kextshell.shell.FileSystem;
import kextshell.shell.Session;

/**
 * A session's files: the read-only system image ({@link Vfs}) under a writable layer for the
 * learner's home and /tmp, as on a Mac where the system volume is read-only (10.15) and everything
 * else outside the home needs root. Each session starts with its own layer, so transcripts and
 * lessons see a fresh home; the learner's own shell can persist it (see {@link HomeStore}).
 */
public final class SessionFiles implements FileSystem {
    public static final String TMP = "/tmp";
    /** Folders the learner may write below (and in). */
    private static final List<String> WRITABLE_ROOTS = List.of(Session.HOME, TMP);

    private final Vfs image;
    private final Map<String, String> files = new TreeMap<>();
    private final Set<String> directories = new TreeSet<>(WRITABLE_ROOTS);
    /** Image files under the home that the learner removed. */
    private final Set<String> removed = new HashSet<>();
    private HomeStore store;

    public SessionFiles() {
        this(Vfs.get());
    }

    SessionFiles(Vfs image) {
        this.image = image;
    }

    /** Keeps the home in {@code store} from now on, after loading what it already holds. */
    public SessionFiles persistTo(HomeStore homeStore) {
        this.store = homeStore;
        homeStore.load(this::restore);
        return this;
    }

    private void restore(String absolute, String textOrNullForDirectory) {
        if (textOrNullForDirectory == null) {
            directories.add(absolute);
        } else {
            files.put(absolute, textOrNullForDirectory);
            directories.add(Vfs.parent(absolute));
        }
    }

    @Override
    public String resolve(String cwd, String path) {
        return Vfs.resolve(cwd, path);
    }

    @Override
    public boolean exists(String absolute) {
        return isFile(absolute) || isDirectory(absolute);
    }

    private boolean isFile(String absolute) {
        return files.containsKey(absolute) || image.isFile(absolute) && !removed.contains(absolute);
    }

    @Override
    public boolean isDirectory(String absolute) {
        return directories.contains(absolute) || image.isDirectory(absolute) && !removed.contains(absolute);
    }

    @Override
    public boolean isWritable(String absolute) {
        for (String root : WRITABLE_ROOTS) {
            if (absolute.equals(root) || absolute.startsWith(root + "/")) {
                return true;
            }
        }
        return false;
    }

    @Override
    public String read(String absolute) throws FileError {
        String text = files.get(absolute);
        if (text != null) {
            return text;
        }
        if (isDirectory(absolute)) {
            throw new FileError(FileError.IS_A_DIRECTORY);
        }
        if (!isFile(absolute)) {
            throw new FileError(missingOrNotADirectory(absolute));
        }
        return image.readText(absolute);
    }

    @Override
    public void write(String absolute, String text, boolean append) throws FileError {
        if (isDirectory(absolute)) {
            throw new FileError(FileError.IS_A_DIRECTORY);
        }
        checkParentWritable(absolute);
        String before = append && isFile(absolute) ? read(absolute) : "";
        files.put(absolute, before + text);
        removed.remove(absolute);
        if (store != null) {
            store.save(absolute, files.get(absolute));
        }
    }

    /** Where a new entry would go must be a folder the learner may write in. */
    private void checkParentWritable(String absolute) throws FileError {
        String parent = Vfs.parent(absolute);
        if (!isDirectory(parent)) {
            throw new FileError(missingOrNotADirectory(parent));
        }
        if (!isWritable(parent)) {
            throw new FileError(parent.equals("/System") || parent.startsWith("/System/") || parent.equals("/")
                    ? FileError.READ_ONLY : FileError.PERMISSION_DENIED);
        }
    }

    private String missingOrNotADirectory(String absolute) {
        for (String at = Vfs.parent(absolute); !at.equals("/"); at = Vfs.parent(at)) {
            if (isFile(at)) {
                return FileError.NOT_A_DIRECTORY;
            }
        }
        return FileError.NO_SUCH_FILE;
    }

    @Override
    public List<String> list(String absolute) throws FileError {
        if (!isDirectory(absolute)) {
            throw new FileError(isFile(absolute) ? FileError.NOT_A_DIRECTORY : FileError.NO_SUCH_FILE);
        }
        TreeSet<String> names = new TreeSet<>();
        for (String name : image.list(absolute)) {
            String child = child(absolute, name);
            if (!removed.contains(child)) {
                names.add(name);
            }
        }
        String prefix = absolute.equals("/") ? "/" : absolute + "/";
        for (String path : files.keySet()) {
            addIfChild(names, prefix, path);
        }
        for (String path : directories) {
            addIfChild(names, prefix, path);
        }
        if (absolute.equals("/")) {
            names.add(TMP.substring(1));
        }
        return new ArrayList<>(names);
    }

    private static void addIfChild(Set<String> names, String prefix, String path) {
        if (path.startsWith(prefix) && path.length() > prefix.length() && path.indexOf('/', prefix.length()) < 0) {
            names.add(path.substring(prefix.length()));
        }
    }

    private static String child(String dir, String name) {
        return dir.equals("/") ? "/" + name : dir + "/" + name;
    }

    @Override
    public void mkdir(String absolute) throws FileError {
        if (exists(absolute)) {
            throw new FileError(FileError.FILE_EXISTS);
        }
        checkParentWritable(absolute);
        directories.add(absolute);
        removed.remove(absolute);
        if (store != null) {
            store.save(absolute, null);
        }
    }

    @Override
    public void remove(String absolute) throws FileError {
        if (!exists(absolute)) {
            throw new FileError(missingOrNotADirectory(absolute));
        }
        if (!isWritable(absolute) || WRITABLE_ROOTS.contains(absolute)) {
            throw new FileError(absolute.startsWith("/System") ? FileError.READ_ONLY : FileError.PERMISSION_DENIED);
        }
        if (isDirectory(absolute) && !list(absolute).isEmpty()) {
            throw new FileError(FileError.NOT_EMPTY);
        }
        files.remove(absolute);
        directories.remove(absolute);
        if (image.isFile(absolute) || image.isDirectory(absolute)) {
            removed.add(absolute);
        }
        if (store != null) {
            store.delete(absolute);
        }
    }
}
