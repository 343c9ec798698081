package kextshell.kernel;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is already there when the learner's prompt appears, built from {@link BootData}: the
 * kernel components and the Apple kexts a 10.15.7 MacBookPro16,1 has loaded (kextstat's first
 * rows), their classes, and a registry shaped like that Mac's in the IOService, IODeviceTree,
 * IOPower and IOUSB planes (tools-fidelity.md §6.8).
 */
final class BootImage {
    private BootImage() {
    }

    /** The planes IORegistryEntry::makePlane has made by the time the prompt appears. */
    static final List<String> PLANES = List.of("IOACPIPlane", "IOService", "IOPower", "IODeviceTree", "IOUSB",
            "IOAudio");

    static void boot(Kernel k) {
        BootData data = BootData.get();
        KextManager kexts = k.kexts();
        for (BootData.KextLine line : data.kexts) {
            kexts.bootKext(line.bundleId(), line.version(), line.kernelComponent(), 0, line.size(), line.deps());
        }
        for (BootData.ClassLine c : data.classes) {
            OSKext kext = c.kext() == null ? null : kexts.lookup(c.kext());
            if (c.kext() != null && kext == null) {
                throw new IllegalStateException("boot class " + c.name() + " names an unloaded kext " + c.kext());
            }
            k.defineClass(new ClassSpec(c.name(), c.superName(), IOService::new), kext);
        }
        IORegistryEntry root = new IORegistryEntry();
        root.bind(k, k.metaClassNamed("IORegistryEntry"));
        root.init(rootProperties());
        root.setName("Root");
        // References on Root held by what the model leaves out (planes' roots, notifications).
        for (int i = 0; i < 16; i++) {
            root.retain();
        }
        // Device-tree entries made before the platform expert device take the ids in between.
        k.skipRegistryIDs(14);
        Map<String, IORegistryEntry> byKey = new HashMap<>();
        build(k, root, data.entries, byKey);
        k.setBootEntries(root, (IOService) byKey.get("platform"), (IOService) byKey.get("resources"),
                (IOService) byKey.get("xhci"));
        k.clock().advanceTo(Kernel.BOOT_UPTIME_NS);
    }

    /** Root's own properties (IORegistryEntry.cpp, IOStartIOKit.cpp, IOService::updateConsoleUsers). */
    private static Map<String, Object> rootProperties() {
        Map<String, Object> planes = new LinkedHashMap<>();
        for (String p : PLANES) {
            planes.put(p, p);
        }
        Map<String, Object> diagnostics = new LinkedHashMap<>();
        diagnostics.put("Instance allocation", 2_471_936L);
        diagnostics.put("Container allocation", 3_604_480L);
        diagnostics.put("IOMalloc allocation", 210_960_384L);
        diagnostics.put("Pageable allocation", 571_957_248L);
        Map<String, Object> user = new LinkedHashMap<>();
        user.put("kCGSSessionUserIDKey", 501L);
        user.put("kCGSSessionOnConsoleKey", Boolean.TRUE);
        user.put("kCGSSessionUserNameKey", "learner");
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("IORegistryPlanes", planes);
        p.put("IOKitBuildVersion", "Darwin Kernel Version 19.6.0: Mon Aug 31 22:12:52 PDT 2020; "
                + "root:xnu-6153.141.2~1/RELEASE_X86_64");
        p.put("IOKitDiagnostics", diagnostics);
        p.put("OS Build Version", "19H2");
        p.put("IOConsoleLocked", Boolean.FALSE);
        p.put("IOConsoleUsers", List.of(user));
        return p;
    }

    /** Every plane's lines in order: new entries are allocated, links to earlier ones made. */
    private static void build(Kernel k, IORegistryEntry root, List<BootData.EntryLine> lines,
            Map<String, IORegistryEntry> byKey) {
        List<IORegistryEntry> stack = new ArrayList<>();
        String plane = null;
        int ordinal = 0;
        for (BootData.EntryLine line : lines) {
            if (!line.plane().equals(plane)) {
                plane = line.plane();
                stack.clear();
            }
            while (stack.size() > line.depth()) {
                stack.remove(stack.size() - 1);
            }
            IORegistryEntry parent = stack.isEmpty() ? root : stack.get(stack.size() - 1);
            IORegistryEntry entry;
            if (line.ref() != null) {
                entry = byKey.get(line.ref());
                if (entry == null) {
                    throw new IllegalStateException("boot registry: no entry #" + line.ref());
                }
                link(entry, parent, root, plane);
            } else {
                entry = create(k, line, parent, ordinal++);
                link(entry, parent, root, plane);
                if (line.key() != null) {
                    byKey.put(line.key(), entry);
                }
                finish(k, (IOService) entry, line, ordinal);
            }
            stack.add(entry);
        }
    }

    private static IOService create(Kernel k, BootData.EntryLine line, IORegistryEntry parent, int ordinal) {
        OSMetaClass mc = k.metaClassNamed(line.className());
        if (mc == null) {
            throw new IllegalStateException("boot registry: no class " + line.className());
        }
        IOService s = (IOService) mc.alloc();
        s.init(line.driver() ? driverProperties(mc, parent, line.properties()) : line.properties());
        s.setName(line.name());
        if (line.location() != null) {
            s.setLocation(line.location());
        }
        return s;
    }

    /**
     * A matched driver's table: a copy of its personality (probeCandidates) with the keys every
     * personality has, CFBundleIdentifierKernel (R31), then the listed properties.
     */
    private static Map<String, Object> driverProperties(OSMetaClass mc, IORegistryEntry provider,
            Map<String, Object> listed) {
        String bundle = mc.getKext() == null ? Kernel.KERNEL_IDENTIFIER : mc.getKext().getIdentifier();
        Map<String, Object> p = new LinkedHashMap<>();
        p.put("IOClass", mc.getClassName());
        p.put("CFBundleIdentifier", bundle);
        p.put("CFBundleIdentifierKernel", bundle);
        p.put("IOProviderClass", provider.getMetaClass().getClassName());
        p.put("IOMatchCategory", "IODefaultMatchCategory");
        p.putAll(listed);
        p.put("IOProbeScore", 0L);
        return p;
    }

    private static void link(IORegistryEntry entry, IORegistryEntry parent, IORegistryEntry root, String plane) {
        if (!IOService.gIOServicePlane.equals(plane)) {
            entry.attachToParent(parent, plane);
        } else if (parent == root) {
            ((IOService) entry).attachToRoot(root);
        } else {
            ((IOService) entry).attach((IOService) parent);
        }
    }

    /**
     * Registered services get the state bits doServiceMatch sets and join the matching list;
     * r= references stand for the parts of the kernel the model leaves out (power management,
     * notifications, work loops), so counts read like a real ioreg's.
     */
    private static void finish(Kernel k, IOService s, BootData.EntryLine line, int ordinal) {
        if (line.registered()) {
            s.state0 |= IOOptions.kIOServiceRegisteredState | IOOptions.kIOServiceMatchedState
                    | IOOptions.kIOServiceFirstPublishState | IOOptions.kIOServiceFirstMatchState;
            k.catalogue().registeredServicesForBoot(s);
        }
        for (int i = 0; i < line.extraRetains(); i++) {
            s.retain();
        }
        if (line.busyMs() > 0 || line.registered()) {
            s.accumBusy = line.busyMs() * VirtualClock.NS_PER_MS + 117_000L * (ordinal % 9 + 1);
        }
    }
}
