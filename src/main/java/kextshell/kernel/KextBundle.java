package kextshell.kernel;

import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * A kext bundle as kextd finds it on disk: its path, its Info.plist, and the classes its
 * executable defines. The plist is a parsed property list (String, Long, Boolean, List, Map).
 */
public record KextBundle(String path, Map<String, Object> infoPlist, List<ClassSpec> classes,
        Supplier<? extends KextModule> module) {

    /** A bundle whose executable has no module start/stop routines of its own (the IOKit default). */
    public KextBundle(String path, Map<String, Object> infoPlist, List<ClassSpec> classes) {
        this(path, infoPlist, classes, null);
    }

    public String bundleId() {
        return (String) infoPlist.get("CFBundleIdentifier");
    }

    public String executable() {
        Object e = infoPlist.get("CFBundleExecutable");
        return e instanceof String s ? s : bundleId();
    }

    public String version() {
        Object v = infoPlist.get("CFBundleVersion");
        return v instanceof String s ? s : "0";
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> personalities() {
        Object p = infoPlist.get("IOKitPersonalities");
        return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }

    @SuppressWarnings("unchecked")
    public Map<String, Object> libraries() {
        Object p = infoPlist.get("OSBundleLibraries");
        return p instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
    }
}
