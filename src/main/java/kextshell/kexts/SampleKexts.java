package kextshell.kexts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kextshell.kernel.ClassSpec;
import kextshell.kernel.KextBundle;

/**
 * The sample kexts on the emulated disk: each pairs the Info.plist shipped under
 * resources/vfs/Library/Extensions with the Java classes that play its executable.
 */
public final class SampleKexts {
    private SampleKexts() {
    }

    /** Bundle directory name → the classes its executable defines, in OSDefineMetaClass order. */
    private static final Map<String, List<ClassSpec>> CLASSES = Map.of(
            "driver.kext", List.of(
                    new ClassSpec("com_osxkernel_driver", "IOService", com_osxkernel_driver::new),
                    new ClassSpec("com_osxkernel_driverClient", "IOUserClient", com_osxkernel_driverClient::new)));

    /** The order kexts appear in /Library/Extensions. */
    public static final List<String> ORDER = List.of("driver.kext");

    private static List<KextBundle> cache;

    /** Every sample bundle, parsed once per JVM; the result is immutable and shared. */
    public static synchronized List<KextBundle> bundles() {
        if (cache == null) {
            List<KextBundle> out = new ArrayList<>();
            for (String dir : ORDER) {
                out.add(load(dir));
            }
            cache = List.copyOf(out);
        }
        return cache;
    }

    @SuppressWarnings("unchecked")
    private static KextBundle load(String dir) {
        String path = "/Library/Extensions/" + dir;
        try (InputStream in = SampleKexts.class.getResourceAsStream("/vfs" + path + "/Contents/Info.plist")) {
            if (in == null) {
                throw new IllegalStateException("missing resource for " + path);
            }
            Map<String, Object> plist = (Map<String, Object>) Plist.parse(in.readAllBytes());
            return new KextBundle(path, plist, CLASSES.get(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
