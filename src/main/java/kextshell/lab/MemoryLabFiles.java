package kextshell.lab;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/** {@link LabFiles} in memory, for tests and for a shell without a writable home. */
public final class MemoryLabFiles implements LabFiles {
    private final Map<String, String> files = new TreeMap<>();

    @Override
    public String read(String path) {
        return files.get(path);
    }

    @Override
    public void write(String path, String text) {
        files.put(path, text);
    }

    @Override
    public boolean exists(String path) {
        if (files.containsKey(path)) {
            return true;
        }
        String dir = path.endsWith("/") ? path : path + "/";
        return files.keySet().stream().anyMatch(p -> p.startsWith(dir));
    }

    @Override
    public void delete(String path) {
        files.remove(path);
    }

    @Override
    public List<String> list(String dir) {
        String prefix = dir.endsWith("/") ? dir : dir + "/";
        List<String> out = new ArrayList<>();
        for (String p : files.keySet()) {
            if (p.startsWith(prefix) && p.indexOf('/', prefix.length()) < 0) {
                out.add(p.substring(prefix.length()));
            }
        }
        return out;
    }
}
