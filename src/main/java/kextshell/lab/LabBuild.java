package kextshell.lab;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kextshell.kernel.KextBundle;
import kextshell.kexts.Plist;

/**
 * Building a lab kext and loading what was built. {@code lab build NAME} compiles
 * {@code NAME.kext/Contents/Sources/NAME.cpp} (with the headers next to it); a clean build
 * writes the executable {@code Contents/MacOS/NAME}, which in the lab holds the sources that
 * built it, and a failed build removes it, so nothing is loaded from a failed build and an edit
 * takes effect only after the next build, as on a Mac.
 */
public final class LabBuild {
    private LabBuild() {
    }

    static final String MAGIC = "kextshell driver lab executable 1";
    private static final String SEPARATOR = "\n--- kextshell file: ";

    /**
     * The lab kext a kextload path names, for the shell: {@code ~/NAME.kext} or
     * {@code /Users/learner/NAME.kext} (a trailing '/' allowed) gives NAME; anything else null.
     */
    public static String nameOf(String kextPath, String home) {
        String p = kextPath.endsWith("/") ? kextPath.substring(0, kextPath.length() - 1) : kextPath;
        String rest = p.startsWith("~/") ? p.substring(2) : p.startsWith(home + "/") ? p.substring(home.length() + 1) : null;
        if (rest == null || !rest.endsWith(".kext") || rest.indexOf('/') >= 0) {
            return null;
        }
        String name = rest.substring(0, rest.length() - ".kext".length());
        return LabNew.validName(name) ? name : null;
    }

    public static String sourcesDir(String name) {
        return name + ".kext/Contents/Sources";
    }

    public static String executable(String name) {
        return name + ".kext/Contents/MacOS/" + name;
    }

    public static String infoPlist(String name) {
        return name + ".kext/Contents/Info.plist";
    }

    /** Every file of the Sources directory, main file first. */
    static Map<String, String> sources(LabFiles files, String name) {
        Map<String, String> out = new LinkedHashMap<>();
        String main = name + ".cpp";
        String text = files.read(sourcesDir(name) + "/" + main);
        if (text != null) {
            out.put(main, text);
        }
        for (String f : files.list(sourcesDir(name))) {
            if (!f.equals(main) && f.endsWith(".h")) {
                out.put(f, files.read(sourcesDir(name) + "/" + f));
            }
        }
        return out;
    }

    /** Compiles the sources; on success writes the executable, on failure removes it. */
    public static LabCompiler.Result build(LabFiles files, String name, Map<String, String> sources) {
        String main = name + ".cpp";
        LabCompiler.Result r = LabCompiler.compile(main, sources.get(main), sources::get);
        if (r.ok()) {
            files.write(executable(name), pack(sources));
        } else {
            files.delete(executable(name));
        }
        return r;
    }

    static String pack(Map<String, String> sources) {
        StringBuilder b = new StringBuilder(MAGIC);
        for (Map.Entry<String, String> e : sources.entrySet()) {
            b.append(SEPARATOR).append(e.getKey()).append('\n').append(e.getValue());
        }
        return b.toString();
    }

    static Map<String, String> unpack(String exe) {
        Map<String, String> out = new LinkedHashMap<>();
        if (exe == null || !exe.startsWith(MAGIC)) {
            return out;
        }
        String[] parts = exe.substring(MAGIC.length()).split(java.util.regex.Pattern.quote(SEPARATOR), -1);
        for (String p : parts) {
            int nl = p.indexOf('\n');
            if (nl > 0) {
                out.put(p.substring(0, nl), p.substring(nl + 1));
            }
        }
        return out;
    }

    /**
     * A loadable bundle, or why not: {@code error} is one line; {@code kernelLines} are what the
     * kernel logged on the way (kxld's unresolved symbols), for kextload to relay.
     */
    public record Loaded(KextBundle bundle, String error, List<String> kernelLines,
            kextshell.lab.run.CompiledKext kext) {
        Loaded(KextBundle bundle, String error) {
            this(bundle, error, List.of(), null);
        }
    }

    /**
     * The bundle kextload should see for {@code ~/NAME.kext} at the absolute path {@code path}:
     * the Info.plist and the classes of the last clean build.
     */
    public static Loaded load(LabFiles files, String name, String path) {
        String plistText = files.read(infoPlist(name));
        if (plistText == null) {
            return new Loaded(null, path + " has no Info.plist");
        }
        Map<String, Object> plist;
        try {
            Object p = Plist.parse(plistText.getBytes(StandardCharsets.UTF_8));
            if (!(p instanceof Map<?, ?>)) {
                return new Loaded(null, path + "/Contents/Info.plist is not a dictionary");
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> m = (Map<String, Object>) p;
            plist = m;
        } catch (IOException | RuntimeException e) {
            return new Loaded(null, path + "/Contents/Info.plist cannot be parsed");
        }
        Map<String, String> built = unpack(files.read(executable(name)));
        String main = name + ".cpp";
        if (!built.containsKey(main)) {
            return new Loaded(null, path + " has no executable; run 'lab build " + name + "' first");
        }
        LabCompiler.Result r = LabCompiler.compile(main, built.get(main), built::get);
        if (!r.ok()) {
            return new Loaded(null, path + "'s executable is damaged; run 'lab build " + name + "' again");
        }
        KextBundle bundle = r.kext().bundle(path, plist);
        List<String> missing = r.kext().unresolvedSymbols();
        if (!missing.isEmpty()) {
            // kxld_kext.c / kxld_util.c: every line carries "kxld[<bundle id>]: "; then OSKext's
            // "Can't load kext %s - link failed." (kOSKextReturnLinkError). Where kextload shows
            // these lines, and with what prefix, is UNCONFIRMED (lab reference §3.3).
            String prefix = "kxld[" + bundle.bundleId() + "]: ";
            List<String> lines = new java.util.ArrayList<>();
            lines.add(prefix + "The following symbols are unresolved for this kext:");
            missing.forEach(m -> lines.add(prefix + "\t" + m));
            return new Loaded(null, "Can't load kext " + bundle.bundleId() + " - link failed.", List.copyOf(lines),
                    r.kext());
        }
        return new Loaded(bundle, null, List.of(), r.kext());
    }

    /** The names of the unresolved symbols kxld would list for the built kext (lab reference §3.3). */
    public static List<String> unresolved(LabCompiler.Result r) {
        return r.ok() ? r.kext().unresolvedSymbols() : List.of();
    }
}
