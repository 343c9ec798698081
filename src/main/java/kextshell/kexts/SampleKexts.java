package kextshell.kexts;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kextshell.kernel.ClassSpec;
import kextshell.kernel.KextBundle;
import kextshell.kernel.KextModule;
import kextshell.kernel.OSObject;

/**
 * The sample kexts on the emulated disk: each pairs the Info.plist shipped under
 * resources/vfs/Library/Extensions with the Java classes that play its executable.
 */
public final class SampleKexts {
    private SampleKexts() {
    }

    /** Bundle directory name → the classes its executable defines, in OSDefineMetaClass order. */
    private static final Map<String, List<ClassSpec>> CLASSES = Map.ofEntries(
            Map.entry("DeferredStop.kext", kext("com_osxkernel_DeferredStopDriver", com_osxkernel_DeferredStopDriver::new,
                    "com_osxkernel_DeferredStopClient", com_osxkernel_DeferredStopClient::new)),
            Map.entry("DeferredStopStuck.kext", kext("com_osxkernel_DeferredStopStuckDriver", com_osxkernel_DeferredStopStuckDriver::new,
                    "com_osxkernel_DeferredStopStuckClient", com_osxkernel_DeferredStopStuckClient::new)),
            Map.entry("KextRetain.kext", kext("com_osxkernel_KextRetainDriver", com_osxkernel_KextRetainDriver::new,
                    "com_osxkernel_KextRetainClient", com_osxkernel_KextRetainClient::new)),
            Map.entry("ListenerStop.kext", kext("com_osxkernel_ListenerStopDriver", com_osxkernel_ListenerStopDriver::new,
                    "com_osxkernel_ListenerStopClient", com_osxkernel_ListenerStopClient::new)),
            Map.entry("Mystery.kext", kext("com_osxkernel_MysteryDriver", com_osxkernel_MysteryDriver::new,
                    "com_osxkernel_MysteryClient", com_osxkernel_MysteryClient::new)),
            Map.entry("NaiveVeto.kext", kext("com_osxkernel_NaiveVetoDriver", com_osxkernel_NaiveVetoDriver::new,
                    "com_osxkernel_NaiveVetoClient", com_osxkernel_NaiveVetoClient::new)),
            Map.entry("NoUserTerminate.kext", kext("com_osxkernel_NoUserTerminateDriver", com_osxkernel_NoUserTerminateDriver::new,
                    "com_osxkernel_NoUserTerminateClient", com_osxkernel_NoUserTerminateClient::new)),
            Map.entry("PostponeTerminate.kext", kext("com_osxkernel_PostponeTerminateDriver", com_osxkernel_PostponeTerminateDriver::new,
                    "com_osxkernel_PostponeTerminateClient", com_osxkernel_PostponeTerminateClient::new)),
            Map.entry("RetainProvider.kext", kext("com_osxkernel_RetainProviderDriver", com_osxkernel_RetainProviderDriver::new,
                    "com_osxkernel_RetainProviderClient", com_osxkernel_RetainProviderClient::new)),
            Map.entry("RobustVeto.kext", kext("com_osxkernel_RobustVetoDriver", com_osxkernel_RobustVetoDriver::new,
                    "com_osxkernel_RobustVetoClient", com_osxkernel_RobustVetoClient::new)),
            Map.entry("UsbNaiveVeto.kext", kext("com_osxkernel_UsbNaiveVetoDriver", com_osxkernel_UsbNaiveVetoDriver::new,
                    "com_osxkernel_UsbNaiveVetoClient", com_osxkernel_UsbNaiveVetoClient::new)),
            Map.entry("UsbRobustVeto.kext", kext("com_osxkernel_UsbRobustVetoDriver", com_osxkernel_UsbRobustVetoDriver::new,
                    "com_osxkernel_UsbRobustVetoClient", com_osxkernel_UsbRobustVetoClient::new)),
            Map.entry("UsbStock.kext", kext("com_osxkernel_UsbStockDriver", com_osxkernel_UsbStockDriver::new,
                    "com_osxkernel_UsbStockClient", com_osxkernel_UsbStockClient::new)),
            Map.entry("driver.kext", kext("com_osxkernel_driver", com_osxkernel_driver::new,
                    "com_osxkernel_driverClient", com_osxkernel_driverClient::new)));

    /**
     * The order kexts appear in /Library/Extensions: byte order, as {@code ls} sorts in the C
     * locale (upper case before lower case, so the stock driver.kext comes last). Keep stable.
     */
    public static final List<String> ORDER = List.of(
            "DeferredStop.kext",
            "DeferredStopStuck.kext",
            "KextRetain.kext",
            "ListenerStop.kext",
            "Mystery.kext",
            "NaiveVeto.kext",
            "NoUserTerminate.kext",
            "PostponeTerminate.kext",
            "RetainProvider.kext",
            "RobustVeto.kext",
            "UsbNaiveVeto.kext",
            "UsbRobustVeto.kext",
            "UsbStock.kext",
            "driver.kext");

    /** The executables with module start/stop routines of their own (kmod_info), by bundle directory. */
    private static final Map<String, Supplier<? extends KextModule>> MODULES = Map.of(
            "ListenerStop.kext", ListenerStopModule::new);

    /** Every kext is one driver class (an IOService) and one user-client class. */
    private static List<ClassSpec> kext(String driver, Supplier<? extends OSObject> driverFactory, String client,
            Supplier<? extends OSObject> clientFactory) {
        return List.of(new ClassSpec(driver, "IOService", driverFactory),
                new ClassSpec(client, "IOUserClient", clientFactory));
    }

    /** The final challenge's kext: its strategy is hidden ({@link MysteryStrategy}), so it is no sample strategy. */
    public static final String MYSTERY = "Mystery.kext";

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
            return new KextBundle(path, plist, CLASSES.get(dir), MODULES.get(dir));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
