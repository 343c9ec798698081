package kextshell.lab;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.FileSystem;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Session;

/** The lab's view of the session's writable home: paths relative to {@code ~}. */
public final class SessionLabFiles implements LabFiles {
    private final FileSystem files;

    public SessionLabFiles(FileSystem files) {
        this.files = files;
    }

    private static String abs(String path) {
        return Session.HOME + "/" + path;
    }

    @Override
    public String read(String path) {
        try {
            return files.read(abs(path));
        } catch (FileError e) {
            return null;
        }
    }

    @Override
    public void write(String path, String text) {
        String target = abs(path);
        List<String> parents = new ArrayList<>();
        for (String p = parentOf(target); !files.exists(p); p = parentOf(p)) {
            parents.add(0, p);
        }
        try {
            for (String p : parents) {
                files.mkdir(p);
            }
            files.write(target, text, false);
        } catch (FileError e) {
            throw new IllegalStateException(path + ": " + e.sentence());
        }
    }

    private static String parentOf(String p) {
        int slash = p.lastIndexOf('/');
        return slash <= 0 ? "/" : p.substring(0, slash);
    }

    @Override
    public boolean exists(String path) {
        return files.exists(abs(path));
    }

    @Override
    public void delete(String path) {
        try {
            if (files.exists(abs(path))) {
                files.remove(abs(path));
            }
        } catch (FileError e) {
            throw new IllegalStateException(path + ": " + e.sentence());
        }
    }

    @Override
    public List<String> list(String dir) {
        try {
            List<String> out = new ArrayList<>();
            for (String name : files.list(abs(dir))) {
                if (!files.isDirectory(abs(dir) + "/" + name)) {
                    out.add(name);
                }
            }
            return out;
        } catch (FileError e) {
            return List.of();
        }
    }
}
