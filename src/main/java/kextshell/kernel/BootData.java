package kextshell.kernel;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The boot image's data (resources kextshell/boot/kexts.txt and registry.txt), parsed once per
 * JVM into immutable records; {@link BootImage} turns them into objects for each new kernel.
 * Reading resources is the model's only I/O, done before any kernel exists, as a prelinked
 * kernel's image is fixed before boot.
 */
final class BootData {
    /** One loaded kext: kextstat's row before addresses and UUIDs are assigned. */
    record KextLine(String bundleId, String version, boolean kernelComponent, long size, List<String> deps) {
    }

    /** One OSMetaClass: its superclass and the kext that defines it (null for the kernel). */
    record ClassLine(String name, String superName, String kext) {
    }

    /**
     * One line of a plane: a new entry, or (ref non-null) a link to an entry made earlier.
     * depth counts from the plane's top level (0 = child of Root).
     */
    record EntryLine(String plane, int depth, String ref, String name, String location, String className,
            String key, boolean driver, boolean registered, long busyMs, int extraRetains,
            Map<String, Object> properties) {
    }

    final List<KextLine> kexts;
    final List<ClassLine> classes;
    final List<EntryLine> entries;

    private BootData(List<KextLine> kexts, List<ClassLine> classes, List<EntryLine> entries) {
        this.kexts = List.copyOf(kexts);
        this.classes = List.copyOf(classes);
        this.entries = List.copyOf(entries);
    }

    private static BootData cache;

    static synchronized BootData get() {
        if (cache == null) {
            List<ClassLine> classes = new ArrayList<>();
            List<EntryLine> entries = new ArrayList<>();
            parseRegistry(read("registry.txt"), classes, entries);
            cache = new BootData(parseKexts(read("kexts.txt")), classes, entries);
        }
        return cache;
    }

    private static List<String> read(String name) {
        try (InputStream in = BootData.class.getResourceAsStream("/kextshell/boot/" + name)) {
            if (in == null) {
                throw new IllegalStateException("missing boot resource " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<KextLine> parseKexts(List<String> lines) {
        List<KextLine> out = new ArrayList<>();
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            String[] f = line.trim().split("\\s+");
            int i = 0;
            boolean component = f[0].equals("=");
            if (component) {
                i = 1;
            }
            List<String> deps = new ArrayList<>();
            for (int j = i + 3; j < f.length; j++) {
                deps.add(f[j]);
            }
            out.add(new KextLine(f[i], f[i + 1], component, Long.decode(f[i + 2]), List.copyOf(deps)));
        }
        return out;
    }

    private static void parseRegistry(List<String> lines, List<ClassLine> classes, List<EntryLine> entries) {
        String plane = null;
        for (String line : lines) {
            if (line.isBlank() || line.startsWith("#")) {
                continue;
            }
            if (line.startsWith("class ")) {
                String[] f = line.split(" ");
                classes.add(new ClassLine(f[1], dash(f[2]), dash(f[3])));
            } else if (line.startsWith("[")) {
                plane = line.substring(1, line.length() - 1);
            } else {
                entries.add(entry(plane, line));
            }
        }
    }

    private static String dash(String s) {
        return s.equals("-") ? null : s;
    }

    private static EntryLine entry(String plane, String line) {
        int indent = 0;
        while (line.charAt(indent) == ' ') {
            indent++;
        }
        int depth = indent / 2;
        String body = line.substring(indent);
        if (body.startsWith("@")) {
            return new EntryLine(plane, depth, body.substring(1), null, null, null, null, false, false, 0, 0, Map.of());
        }
        String[] f = body.split("\t", -1);
        String name = f[0];
        String location = null;
        int at = name.lastIndexOf('@');
        if (at > 0) {
            location = name.substring(at + 1);
            name = name.substring(0, at);
        }
        String key = null;
        boolean driver = false;
        boolean registered = true;
        long busy = 0;
        int retains = 0;
        for (String flag : f[2].split(" ")) {
            if (flag.startsWith("#")) {
                key = flag.substring(1);
            } else if (flag.equals("d")) {
                driver = true;
            } else if (flag.equals("!")) {
                registered = false;
            } else if (flag.startsWith("b=")) {
                busy = Long.parseLong(flag.substring(2));
            } else if (flag.startsWith("r=")) {
                retains = Integer.parseInt(flag.substring(2));
            }
        }
        return new EntryLine(plane, depth, null, name, location, f[1], key, driver, registered, busy, retains,
                properties(f.length > 3 ? f[3] : ""));
    }

    private static Map<String, Object> properties(String text) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (text.isEmpty()) {
            return out;
        }
        for (String pair : text.split(";")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), value(pair.substring(eq + 1)));
        }
        return out;
    }

    /** "text", <"a","b"> (each NUL-terminated, as the device tree stores strings), <hex>, {dict}, Yes/No, numbers. */
    static Object value(String v) {
        if (v.startsWith("\"")) {
            return v.substring(1, v.length() - 1);
        }
        if (v.startsWith("<\"")) {
            StringBuilder b = new StringBuilder();
            String inner = v.substring(2, v.length() - 2);
            for (String part : inner.split("\",\"", -1)) {
                b.append(part).append('\0');
            }
            return b.toString().getBytes(StandardCharsets.ISO_8859_1);
        }
        if (v.startsWith("<")) {
            String hex = v.substring(1, v.length() - 1);
            byte[] out = new byte[hex.length() / 2];
            for (int i = 0; i < out.length; i++) {
                out[i] = (byte) Integer.parseInt(hex.substring(2 * i, 2 * i + 2), 16);
            }
            return out;
        }
        if (v.startsWith("{")) {
            Map<String, Object> m = new LinkedHashMap<>();
            for (String pair : v.substring(1, v.length() - 1).split(",")) {
                int eq = pair.indexOf('=');
                m.put(pair.substring(1, eq - 1), value(pair.substring(eq + 1)));
            }
            return m;
        }
        if (v.equals("Yes") || v.equals("No")) {
            return v.equals("Yes");
        }
        return Long.decode(v);
    }
}
