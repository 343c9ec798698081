package kextshell.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import kextshell.kexts.SampleKexts;

/** Small kexts built in tests: a driver on IOResources with a user client, with chosen overrides. */
final class TestKexts {
    private TestKexts() {
    }

    static KextBundle bundle(String id, String driverClass, Supplier<? extends OSObject> driver, String clientClass,
            Supplier<? extends OSObject> client, Map<String, Object> extraPlist) {
        Map<String, Object> pers = new LinkedHashMap<>();
        pers.put("IOClass", driverClass);
        pers.put("IOProviderClass", "IOResources");
        pers.put("IOResourceMatch", "IOKit");
        pers.put("IOMatchCategory", driverClass);
        pers.put("IOUserClientClass", clientClass);
        Map<String, Object> personalities = new LinkedHashMap<>();
        personalities.put(driverClass, pers);
        Map<String, Object> plist = new LinkedHashMap<>();
        plist.put("CFBundleIdentifier", id);
        plist.put("CFBundleExecutable", id.substring(id.lastIndexOf('.') + 1));
        plist.put("CFBundleVersion", "1.0.0");
        plist.put("IOKitPersonalities", personalities);
        plist.put("OSBundleLibraries", Map.of("com.apple.kpi.iokit", "19.0"));
        plist.putAll(extraPlist);
        return new KextBundle("/Library/Extensions/" + id + ".kext", plist, List.of(
                new ClassSpec(driverClass, "IOService", driver), new ClassSpec(clientClass, "IOUserClient", client)));
    }

    /** A kernel whose disk holds the samples plus the given test bundles. */
    static KernelFixture with(KextBundle... extra) {
        List<KextBundle> all = new ArrayList<>(SampleKexts.bundles());
        all.addAll(List.of(extra));
        return new KernelFixture(new Kernel(0, all));
    }

    /** A driver that publishes itself, like the demo's start(). */
    static class Driver extends IOService {
        @Override
        public boolean start(IOService provider) {
            registerService();
            return true;
        }
    }

    /** Vetoes every terminate that is not the provider's recursing request. */
    static class VetoDriver extends Driver {
        boolean veto = true;

        @Override
        public boolean terminate(int options) {
            if (veto) {
                return false;
            }
            return super.terminate(options);
        }
    }

    /** A user client that terminates itself on close, like SimpleUserClient. */
    static class Client extends IOUserClient {
        @Override
        public int clientClose() {
            terminate();
            return IOReturn.kIOReturnSuccess;
        }

        @Override
        public int externalMethod(int selector, long[] s) {
            return IOReturn.kIOReturnSuccess;
        }
    }

    /** Keeps IOUserClient's default clientClose: nothing is torn down (R18). */
    static class DefaultCloseClient extends IOUserClient {
    }

    /** Retains its provider in start and releases it only in clientClose. */
    static class RetainingClient extends Client {
        IOService provider;

        @Override
        public boolean start(IOService p) {
            provider = p;
            p.retain();
            return true;
        }

        @Override
        public int clientClose() {
            provider.release();
            return super.clientClose();
        }
    }
}
