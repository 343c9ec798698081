package kextshell.tools.files;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.NavigableMap;
import java.util.NavigableSet;
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
    /** The largest file a learner may write, in characters (EFBIG beyond it). */
    public static final int MAX_FILE_CHARS = 8 * 1024 * 1024;
    /** The most all written files may hold together, in characters (ENOSPC beyond it). */
    public static final long MAX_TOTAL_CHARS = 64L * 1024 * 1024;
    /** strerror(EFBIG) in lower case. */
    public static final String FILE_TOO_LARGE = "file too large";
    /** strerror(ENOSPC) in lower case. */
    public static final String NO_SPACE = "no space left on device";
    /** The most files and folders the learner may make (ENOSPC beyond it, as when inodes run out). */
    public static final int MAX_ENTRIES = 10_000;
    /** PATH_MAX and NAME_MAX of macOS's sys/syslimits.h. */
    static final int PATH_MAX = 1024;
    static final int NAME_MAX = 255;
    /** strerror(ENAMETOOLONG) in lower case. */
    public static final String NAME_TOO_LONG = "file name too long";
    /** strerror(EIO) in lower case: the host could not store the change. */
    public static final String IO_ERROR = "input/output error";

    private final Vfs image;
    private final NavigableMap<String, String> files = new TreeMap<>();
    /**
     * The other top-level folders of a 10.15 system, empty here but present, so a write there
     * fails as on a Mac (read-only system volume under / and /System, permission elsewhere).
     */
    private static final List<String> SYSTEM_FOLDERS = List.of("/Applications", "/System", "/System/Library",
            "/Volumes", "/bin", "/dev", "/private", "/sbin", "/usr", "/usr/bin", "/usr/sbin", "/var");
    private final NavigableSet<String> directories = new TreeSet<>(allFolders());

    private static List<String> allFolders() {
        List<String> all = new ArrayList<>(WRITABLE_ROOTS);
        all.addAll(SYSTEM_FOLDERS);
        return all;
    }
    /** Image files under the home that the learner removed. */
    private final Set<String> removed = new HashSet<>();
    private long totalChars;
    private HomeStore store;
    /** When a store holds the home, the image's files under ~ are hidden: the store is the home. */
    private boolean homeFromStore;

    public SessionFiles() {
        this(Vfs.get());
    }

    SessionFiles(Vfs image) {
        this.image = image;
    }

    /**
     * Keeps the home in {@code store} from now on, after loading what it already holds. A new
     * store is first seeded with the image's home (README.txt). If the store cannot be seeded
     * (the store has said why), the home stays in memory for this session.
     */
    public SessionFiles persistTo(HomeStore homeStore) {
        if (!homeStore.exists()) {
            try {
                seed(homeStore, Session.HOME);
            } catch (FileError e) {
                return this;
            }
        }
        this.store = homeStore;
        this.homeFromStore = true;
        homeStore.load(this::restore);
        return this;
    }

    private void seed(HomeStore homeStore, String directory) throws FileError {
        homeStore.save(directory, null);
        for (String name : image.list(directory)) {
            String path = child(directory, name);
            if (image.isDirectory(path)) {
                seed(homeStore, path);
            } else {
                homeStore.save(path, image.readText(path));
            }
        }
    }

    private void restore(String absolute, String textOrNullForDirectory) {
        if (!isUnderHome(absolute)) {
            return;
        }
        if (textOrNullForDirectory == null) {
            directories.add(absolute);
        } else {
            totalChars += textOrNullForDirectory.length();
            files.put(absolute, textOrNullForDirectory);
            directories.add(Vfs.parent(absolute));
        }
    }

    private static boolean isUnderHome(String absolute) {
        return absolute.startsWith(Session.HOME + "/");
    }

    /** An entry of the read-only image that this session still shows. */
    private boolean imageShows(String absolute) {
        return !removed.contains(absolute) && !(homeFromStore && isUnderHome(absolute));
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
        return files.containsKey(absolute) || image.isFile(absolute) && imageShows(absolute);
    }

    @Override
    public boolean isDirectory(String absolute) {
        return directories.contains(absolute) || image.isDirectory(absolute) && imageShows(absolute);
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
        String after = before + text;
        String old = files.get(absolute);
        long newTotal = totalChars - (old == null ? 0 : old.length()) + after.length();
        if (after.length() > MAX_FILE_CHARS) {
            throw new FileError(FILE_TOO_LARGE);
        }
        if (newTotal > MAX_TOTAL_CHARS || old == null && isFull()) {
            throw new FileError(NO_SPACE);
        }
        if (store != null && isUnderHome(absolute)) {
            store.save(absolute, after);
        }
        files.put(absolute, after);
        totalChars = newTotal;
        removed.remove(absolute);
    }

    /** Where a new entry would go must be a folder the learner may write in. */
    private void checkParentWritable(String absolute) throws FileError {
        if (absolute.length() >= PATH_MAX || absolute.length() - absolute.lastIndexOf('/') - 1 > NAME_MAX) {
            throw new FileError(NAME_TOO_LONG);
        }
        String parent = Vfs.parent(absolute);
        if (!isDirectory(parent)) {
            throw new FileError(isFile(parent) ? FileError.NOT_A_DIRECTORY : missingOrNotADirectory(parent));
        }
        if (!isWritable(parent)) {
            throw new FileError(deniedReason(parent));
        }
    }

    /**
     * Why an entry cannot be made or removed in {@code folder}: on 10.15 the system volume ("/",
     * /System) is mounted read-only (EROFS); /Library, /Users and the rest are on the data volume
     * but belong to root (EACCES).
     */
    public static String deniedReason(String folder) {
        return folder.equals("/") || folder.equals("/System") || folder.startsWith("/System/")
                ? FileError.READ_ONLY : FileError.PERMISSION_DENIED;
    }

    private String missingOrNotADirectory(String absolute) {
        for (String at = Vfs.parent(absolute); !at.equals("/"); at = Vfs.parent(at)) {
            if (isFile(at)) {
                return FileError.NOT_A_DIRECTORY;
            }
        }
        return FileError.NO_SUCH_FILE;
    }

    private boolean isFull() {
        return files.size() + directories.size() - SYSTEM_FOLDERS.size() >= MAX_ENTRIES;
    }

    /** A file's length in bytes, as ls -l shows it (0 for what is not a file). */
    public long size(String absolute) {
        String text = files.get(absolute);
        if (text != null) {
            return text.getBytes(java.nio.charset.StandardCharsets.UTF_8).length;
        }
        return isFile(absolute) ? image.size(absolute) : 0;
    }

    @Override
    public List<String> list(String absolute) throws FileError {
        if (!isDirectory(absolute)) {
            throw new FileError(isFile(absolute) ? FileError.NOT_A_DIRECTORY : FileError.NO_SUCH_FILE);
        }
        TreeSet<String> names = new TreeSet<>();
        for (String name : image.list(absolute)) {
            if (imageShows(child(absolute, name))) {
                names.add(name);
            }
        }
        String prefix = absolute.equals("/") ? "/" : absolute + "/";
        // only the entries below this folder: a range of the sorted maps, not all of them
        String end = prefix + Character.MAX_VALUE;
        for (String path : files.subMap(prefix, true, end, false).keySet()) {
            addIfChild(names, prefix, path);
        }
        for (String path : directories.subSet(prefix, true, end, false)) {
            addIfChild(names, prefix, path);
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
        if (isFull()) {
            throw new FileError(NO_SPACE);
        }
        if (store != null && isUnderHome(absolute)) {
            store.save(absolute, null);
        }
        directories.add(absolute);
        removed.remove(absolute);
    }

    @Override
    public void remove(String absolute) throws FileError {
        if (!exists(absolute)) {
            throw new FileError(missingOrNotADirectory(absolute));
        }
        if (!isWritable(absolute) || WRITABLE_ROOTS.contains(absolute)) {
            throw new FileError(deniedReason(Vfs.parent(absolute)));
        }
        if (isDirectory(absolute) && !list(absolute).isEmpty()) {
            throw new FileError(FileError.NOT_EMPTY);
        }
        if (store != null && isUnderHome(absolute)) {
            store.delete(absolute);
        }
        String old = files.remove(absolute);
        totalChars -= old == null ? 0 : old.length();
        directories.remove(absolute);
        if (image.isFile(absolute) || image.isDirectory(absolute)) {
            removed.add(absolute);
        }
    }
}
