package kextshell.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;

/**
 * A kext known to the kernel (libkern/c++/OSKext.cpp). Its retain count is 2 while loaded and
 * nothing else holds it (kOSKextMinLoadedRetainCount); dependents and
 * OSKextRetainKextWithLoadTag add to it, and unload is refused above 2.
 */
public final class OSKext {
    public static final int kOSKextMinLoadedRetainCount = 2;

    private final String bundleId;
    private final String version;
    private final String executable;
    private final String path;
    private final Map<String, Object> infoPlist;
    private final boolean kernelComponent;
    private final KextBundle bundle;
    int loadTag;
    int retainCount = 1;
    boolean loaded;
    boolean started;
    boolean autounloadEnabled;
    boolean delayAutounload;
    long loadAddress;
    long loadSize;
    long wiredSize;
    String uuid;
    /** The loaded executable's start/stop routines and globals, or null (none of its own). */
    KextModule module;
    Kernel kernel;
    final List<OSMetaClass> metaClasses = new ArrayList<>();
    final List<OSKext> dependencies = new ArrayList<>();

    OSKext(String bundleId, String version, String executable, String path, Map<String, Object> infoPlist,
            boolean kernelComponent, KextBundle bundle) {
        this.bundleId = bundleId;
        this.version = version;
        this.executable = executable;
        this.path = path;
        this.infoPlist = infoPlist;
        this.kernelComponent = kernelComponent;
        this.bundle = bundle;
    }

    public String getIdentifier() {
        return bundleId;
    }

    public String getVersion() {
        return version;
    }

    public String getExecutable() {
        return executable;
    }

    public String getPath() {
        return path;
    }

    public Object getProperty(String key) {
        return infoPlist.get(key);
    }

    /** OSBundleEnableKextLogging: the kext's own log lines carry kOSKextLogKextOrGlobalMask. */
    public boolean enablesKextLogging() {
        return Boolean.TRUE.equals(infoPlist.get("OSBundleEnableKextLogging"));
    }

    public boolean isKernelComponent() {
        return kernelComponent;
    }

    public boolean isLoaded() {
        return loaded;
    }

    public int getLoadTag() {
        return loadTag;
    }

    public int getRetainCount() {
        return retainCount;
    }

    /** kextstat's Refs column: OSBundleRetainCount as OSKext::copyInfo computes it. */
    public int refs() {
        return retainCount - 1 - (loaded ? 1 : 0);
    }

    public long loadAddress() {
        return loadAddress;
    }

    public long loadSize() {
        return loadSize;
    }

    public long wiredSize() {
        return wiredSize;
    }

    /** The executable's LC_UUID, derived from the seed when first asked for (kextstat). */
    public String uuid() {
        if (uuid == null && kernel != null) {
            uuid = KextManager.uuidFor(kernel.seed(), bundleId, version);
        }
        return uuid;
    }

    public boolean autounloadEnabled() {
        return autounloadEnabled;
    }

    public List<OSMetaClass> metaClasses() {
        return Collections.unmodifiableList(metaClasses);
    }

    public List<OSKext> dependencies() {
        return Collections.unmodifiableList(dependencies);
    }

    /** The executable's module (its globals), for the kext's own classes; null if it has none. */
    public KextModule module() {
        return module;
    }

    Kernel kernel() {
        return kernel;
    }

    KextBundle bundle() {
        return bundle;
    }

    /** OSKext::hasOSMetaClassInstances. */
    public boolean hasOSMetaClassInstances() {
        for (OSMetaClass mc : metaClasses) {
            if (mc.getInstanceCount() != 0) {
                return true;
            }
        }
        return false;
    }

    void retain() {
        retainCount++;
    }

    void release() {
        retainCount--;
    }
}
