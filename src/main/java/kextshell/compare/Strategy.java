package kextshell.compare;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import kextshell.kernel.KextBundle;
import kextshell.kexts.SampleKexts;

/**
 * One sample kext seen as a strategy: everything here is read from its Info.plist and its
 * Resources/Summary.txt, nothing is written down twice.
 *
 * @param name        the bundle directory without ".kext" ({@code driver}, {@code RobustVeto}, ...)
 * @param bundleId    CFBundleIdentifier
 * @param driverClass the personality's IOClass
 * @param clientClass the personality's IOUserClientClass
 * @param idVendor    the USB vendor id it matches, or -1 for an IOResources driver
 * @param idProduct   the USB product id it matches, or -1
 * @param summary     the one-line Summary.txt
 */
public record Strategy(String name, String bundleId, String driverClass, String clientClass, long idVendor,
        long idProduct, String summary) {

    /** A device driver (IOProviderClass IOUSBHostInterface), which a hot-unplug can reach. */
    public boolean usb() {
        return idProduct >= 0;
    }

    private static List<Strategy> cache;

    /** Every sample kext, in /Library/Extensions order. */
    public static synchronized List<Strategy> all() {
        if (cache == null) {
            List<Strategy> out = new ArrayList<>();
            for (KextBundle b : SampleKexts.bundles()) {
                if (b.path().endsWith("/" + SampleKexts.MYSTERY)) {
                    continue; // its strategy is the final lesson's question
                }
                out.add(of(b));
            }
            cache = List.copyOf(out);
        }
        return cache;
    }

    /** By name (case-insensitive, ".kext" optional) or bundle id; null if none. */
    public static Strategy named(String nameOrId) {
        String n = nameOrId.endsWith(".kext") ? nameOrId.substring(0, nameOrId.length() - 5) : nameOrId;
        for (Strategy s : all()) {
            if (s.name.equalsIgnoreCase(n) || s.bundleId.equals(nameOrId)) {
                return s;
            }
        }
        return null;
    }

    private static Strategy of(KextBundle b) {
        String dir = b.path().substring(b.path().lastIndexOf('/') + 1);
        String name = dir.substring(0, dir.length() - ".kext".length());
        Map<String, Object> pers = null;
        for (Object p : b.personalities().values()) {
            if (p instanceof Map<?, ?> m) {
                @SuppressWarnings("unchecked")
                Map<String, Object> mm = (Map<String, Object>) m;
                pers = mm;
                break;
            }
        }
        if (pers == null) {
            throw new IllegalStateException(b.path() + " has no personality");
        }
        boolean usb = "IOUSBHostInterface".equals(pers.get("IOProviderClass"));
        long vendor = usb ? ((Number) pers.get("idVendor")).longValue() : -1;
        long product = usb ? ((Number) pers.get("idProduct")).longValue() : -1;
        return new Strategy(name, b.bundleId(), (String) pers.get("IOClass"), (String) pers.get("IOUserClientClass"),
                vendor, product, summary(b.path()));
    }

    private static String summary(String path) {
        try (InputStream in = Strategy.class.getResourceAsStream("/vfs" + path + "/Contents/Resources/Summary.txt")) {
            return in == null ? "" : new String(in.readAllBytes(), StandardCharsets.UTF_8).strip();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
