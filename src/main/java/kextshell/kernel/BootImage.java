package kextshell.kernel;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What is already there when the learner's prompt appears: the kernel's own classes, the kpi
 * pseudo-kexts and a few Apple kexts (kextstat's first rows), and an IOService plane shaped like
 * a 2019 MacBook Pro's: platform expert, ACPI, PCI, an xHCI controller, IOResources.
 */
final class BootImage {
    private BootImage() {
    }

    private static final String KPI_VERSION = "19.6.0";

    static void boot(Kernel k) {
        KextManager kexts = k.kexts();
        // Kernel components, load tags 1-8, as kextstat lists them on 10.15.
        String[] kpis = {"bsd", "dsep", "iokit", "kasan", "libkern", "mach", "private", "unsupported"};
        int[] kpiRefs = {152, 26, 164, 3, 170, 158, 24, 29};
        for (int i = 0; i < kpis.length; i++) {
            kexts.bootKext("com.apple.kpi." + kpis[i], KPI_VERSION, true, kpiRefs[i], 0x8000 + 0x1000L * i, List.of());
        }
        kexts.bootKext("com.apple.kec.corecrypto", "1.0", false, 14, 0x1a3000, List.of("com.apple.kpi.libkern"));
        kexts.bootKext("com.apple.kec.pthread", "1", false, 1, 0x32000, List.of("com.apple.kpi.bsd"));
        kexts.bootKext("com.apple.kec.Libm", "1", false, 1, 0x5000, List.of("com.apple.kpi.libkern"));
        OSKext acpiFamily = kexts.bootKext("com.apple.iokit.IOACPIFamily", "1.4", false, 4, 0x6000,
                List.of("com.apple.kpi.iokit", "com.apple.kpi.libkern"));
        OSKext acpi = kexts.bootKext("com.apple.driver.AppleACPIPlatform", "6.1", false, 6, 0x7a000,
                List.of("com.apple.iokit.IOACPIFamily", "com.apple.kpi.iokit"));
        OSKext pci = kexts.bootKext("com.apple.iokit.IOPCIFamily", "2.9", false, 12, 0x48000,
                List.of("com.apple.kpi.iokit", "com.apple.kpi.libkern"));
        OSKext usbHost = kexts.bootKext("com.apple.iokit.IOUSBHostFamily", "1.2", false, 9, 0x11e000,
                List.of("com.apple.iokit.IOPCIFamily", "com.apple.kpi.iokit"));
        OSKext xhci = kexts.bootKext("com.apple.driver.usb.AppleUSBXHCIPCI", "1.2", false, 0, 0x1c000,
                List.of("com.apple.iokit.IOUSBHostFamily", "com.apple.iokit.IOPCIFamily"));
        OSKext keyStore = kexts.bootKext("com.apple.driver.AppleKeyStore", "2", false, 1, 0x2c000,
                List.of("com.apple.kpi.iokit"));
        OSKext graphics = kexts.bootKext("com.apple.iokit.IOGraphicsFamily", "576.1", false, 7, 0x5e000,
                List.of("com.apple.iokit.IOPCIFamily", "com.apple.kpi.iokit"));
        acpiFamily.autounloadEnabled = false;

        // The kernel's own classes; OSMetaClass has no kext for them.
        define(k, "OSObject", null, null);
        define(k, "IORegistryEntry", "OSObject", null);
        define(k, "IOService", "IORegistryEntry", null);
        define(k, "IOUserClient", "IOService", null);
        define(k, "IOResources", "IOService", null);
        define(k, "IOUserResources", "IOService", null);
        define(k, "IOPlatformExpertDevice", "IOService", null);
        define(k, "IOPlatformExpert", "IOService", null);
        // Classes of the Apple kexts loaded at boot.
        define(k, "AppleACPIPlatformExpert", "IOPlatformExpert", acpi);
        define(k, "AppleACPIPCI", "IOService", acpi);
        define(k, "IOPCIDevice", "IOService", pci);
        define(k, "IOUSBHostDevice", "IOService", usbHost);
        define(k, "IOUSBHostInterface", "IOService", usbHost);
        define(k, "AppleIntelCNLUSBXHCI", "IOService", xhci);
        define(k, "AppleKeyStore", "IOService", keyStore);
        define(k, "IODisplayWrangler", "IOService", graphics);

        IORegistryEntry root = new IORegistryEntry();
        root.bind(k, k.metaClassNamed("IORegistryEntry"));
        root.init(null);
        root.setName("Root");
        // Device-tree entries (not in the IOService plane) take the ids in between.
        k.skipRegistryIDs(14);
        IOService platform = service(k, "IOPlatformExpertDevice", "MacBookPro16,1", null, props(
                "model", "MacBookPro16,1", "manufacturer", "Apple Inc.", "IOPlatformSerialNumber", "C02KX0LAB0XL"));
        platform.attachToRoot(root);
        IOService resources = service(k, "IOResources", "IOResources", null, props("IOKit", "IOKit"));
        IOService userResources = service(k, "IOUserResources", "IOUserResources", null, props());
        IOService pe = service(k, "AppleACPIPlatformExpert", "AppleACPIPlatformExpert", null,
                props("CFBundleIdentifier", "com.apple.driver.AppleACPIPlatform"));
        IOService pci0 = service(k, "AppleACPIPCI", "PCI0", "0", props("CFBundleIdentifier",
                "com.apple.driver.AppleACPIPlatform"));
        IOService xhc1 = service(k, "IOPCIDevice", "XHC1", "14", props("vendor-id", "8680", "device-id", "ed06"));
        IOService controller = service(k, "AppleIntelCNLUSBXHCI", "AppleIntelCNLUSBXHCI", null,
                props("CFBundleIdentifier", "com.apple.driver.usb.AppleUSBXHCIPCI", "locationID", 0x14000000L));
        IOService keys = service(k, "AppleKeyStore", "AppleKeyStore", null,
                props("CFBundleIdentifier", "com.apple.driver.AppleKeyStore", "IOResourceMatch", "IOKit"));
        IOService wrangler = service(k, "IODisplayWrangler", "IODisplayWrangler", null,
                props("CFBundleIdentifier", "com.apple.iokit.IOGraphicsFamily", "IOResourceMatch", "IOKit"));

        pe.attach(platform);
        pci0.attach(pe);
        xhc1.attach(pci0);
        controller.attach(xhc1);
        resources.attach(platform);
        keys.attach(resources);
        wrangler.attach(resources);
        userResources.attach(platform);

        k.setBootEntries(root, platform, resources, controller);
        // References held by parts of the kernel the model leaves out (device tree, power
        // management tree, matching notifications), so counts read like a real ioreg's.
        retainBy(root, 18);
        retainBy(platform, 29);
        retainBy(resources, 35);
        retainBy(userResources, 3);
        retainBy(pe, 8);
        retainBy(pci0, 6);
        retainBy(xhc1, 10);
        retainBy(controller, 13);
        retainBy(keys, 4);
        retainBy(wrangler, 5);
        // Boot-time busy periods: matching the platform took most of the boot.
        long[][] busy = {{18231, 0}, {412, 1}, {0, 2}, {3870, 3}, {2411, 4}, {1762, 5}, {915, 6}, {38, 7}, {11, 8}};
        IOService[] order = {platform, resources, userResources, pe, pci0, xhc1, controller, keys, wrangler};
        for (IOService s : order) {
            s.state0 |= IOOptions.kIOServiceRegisteredState | IOOptions.kIOServiceMatchedState
                    | IOOptions.kIOServiceFirstPublishState | IOOptions.kIOServiceFirstMatchState;
            k.catalogue().registeredServicesForBoot(s);
        }
        for (long[] b : busy) {
            IOService s = order[(int) b[1]];
            s.accumBusy = b[0] * VirtualClock.NS_PER_MS + 117_000L * (b[1] + 1);
        }
        k.clock().advanceTo(Kernel.BOOT_UPTIME_NS);
    }

    private static void retainBy(OSObject o, int n) {
        for (int i = 0; i < n; i++) {
            o.retain();
        }
    }

    private static void define(Kernel k, String name, String sup, OSKext kext) {
        k.defineClass(new ClassSpec(name, sup, IOService::new), kext);
    }

    private static IOService service(Kernel k, String cls, String name, String location, Map<String, Object> p) {
        IOService s = (IOService) k.metaClassNamed(cls).alloc();
        s.init(p);
        s.setName(name);
        if (location != null) {
            s.setLocation(location);
        }
        return s;
    }

    private static Map<String, Object> props(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }
}
