package kextshell.kernel;

import java.util.ArrayList;
import java.util.List;
import kextshell.kexts.SampleKexts;

/** A booted kernel plus the few user-space steps the scenario tests repeat. */
final class KernelFixture {
    static final String DRIVER_ID = "com.osxkernel.driver";
    static final String DRIVER = "com_osxkernel_driver";
    static final String CLIENT = "com_osxkernel_driverClient";

    final Kernel k;
    final UserSpace us;

    KernelFixture() {
        this(new Kernel(0, SampleKexts.bundles()));
    }

    KernelFixture(Kernel kernel) {
        this.k = kernel;
        this.us = kernel.userSpace();
    }

    IOService service(String className) {
        for (IOService s : k.allServices()) {
            if (s.getMetaClass().getClassName().equals(className)) {
                return s;
            }
        }
        return null;
    }

    KextRequestResult load(String bundleId) {
        return k.kexts().loadRequest(k.kexts().bundleOnDisk(bundleId), KernelLog.DEFAULT_FILTER);
    }

    Task open(String className) {
        Task t = us.spawn("clientd");
        Connection[] c = new Connection[1];
        int r = us.serviceOpen(t, us.getMatchingService(className), 0, c);
        if (r != IOReturn.kIOReturnSuccess) {
            throw new AssertionError("open failed: " + IOReturn.hex(r));
        }
        return t;
    }

    KextRequestResult unload(String bundleId) {
        return k.kexts().unloadRequest(bundleId, true, true, KernelLog.DEFAULT_FILTER);
    }

    IOService driver() {
        return service(DRIVER);
    }

    int instances(String className) {
        OSMetaClass mc = k.metaClassNamed(className);
        return mc == null ? 0 : mc.getInstanceCount();
    }

    /** The IOLog texts written from {@code fromIndex} on, with the kext sender as the log shows it. */
    List<String> logSince(int fromIndex) {
        List<String> out = new ArrayList<>();
        for (LogLine l : k.log().since(fromIndex)) {
            out.add(l.message());
        }
        return out;
    }

    List<JournalEvent> calls(int fromIndex, String... methods) {
        List<JournalEvent> out = new ArrayList<>();
        for (JournalEvent e : k.journal().since(fromIndex)) {
            for (String m : methods) {
                if (e.kind().equals("call") && e.what().equals(m)) {
                    out.add(e);
                }
            }
        }
        return out;
    }
}
