package kextshell.lab;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Map;
import kextshell.kexts.SampleKexts;

/** The sample listings, read from the emulated disk's resources, as a test reads them. */
final class Samples {
    /**
     * Samples written outside the lab's C++ subset: ListenerStop needs a module start/stop routine,
     * kauth listeners and proc_find (lab-kext-cpp.md leaves module routines out), so only its Java
     * twin runs. Every other sample must compile and match its twin.
     */
    static final java.util.Set<String> OUTSIDE_THE_SUBSET = java.util.Set.of("ListenerStop.kext", "ListenerStop");

    private Samples() {
    }

    static String read(String path) {
        try (InputStream in = Samples.class.getResourceAsStream("/vfs" + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    static String name(String dir) {
        return dir.substring(0, dir.length() - ".kext".length());
    }

    /** Compiles a sample's Sources/NAME.cpp with its header next to it. */
    static LabCompiler.Result compile(String dir) {
        String name = name(dir);
        String base = "/Library/Extensions/" + dir + "/Contents/Sources/";
        Map<String, String> headers = new HashMap<>();
        String h = read(base + name + ".h");
        if (h != null) {
            headers.put(name + ".h", h);
        }
        return LabCompiler.compileOrThrow(name + ".cpp", read(base + name + ".cpp"), headers::get);
    }

    static Iterable<String> dirs() {
        return SampleKexts.ORDER;
    }
}
