package kextshell.lab;

import kextshell.lab.run.LabKexts;

import java.util.List;
import kextshell.kernel.KextBundle;
import kextshell.kexts.SampleKexts;
import kextshell.compare.Strategy;
import kextshell.compare.StrategyRun;

/** Lab kexts for tests: sources compiled and packaged in place of a sample's bundle. */
final class LabFixtures {
    private LabFixtures() {
    }

    /** The stock driver class of driver.cpp, for units that only change the client. */
    static final String STOCK_DRIVER = """
            #include <IOKit/IOService.h>
            #include <IOKit/IOUserClient.h>
            #include <IOKit/IOLib.h>
            #include <os/log.h>

            class com_osxkernel_driver : public IOService
            {
                OSDeclareDefaultStructors(com_osxkernel_driver)
            public:
                bool start(IOService *provider) override;
                void stop(IOService *provider) override;
                bool terminate(IOOptionBits options = 0) override;
            };

            OSDefineMetaClassAndStructors(com_osxkernel_driver, IOService)
            #define super IOService

            bool com_osxkernel_driver::start(IOService *provider)
            {
                IOLog("%s\\n", __PRETTY_FUNCTION__);
                if (!super::start(provider))
                    return false;
                registerService();
                return true;
            }

            void com_osxkernel_driver::stop(IOService *provider)
            {
                IOLog("%s\\n", __PRETTY_FUNCTION__);
                super::stop(provider);
            }

            bool com_osxkernel_driver::terminate(IOOptionBits options)
            {
                IOLog("%s\\n", __PRETTY_FUNCTION__);
                return super::terminate(options);
            }

            #undef super
            """;

    /** The seed question's client (lab reference §6.2), its hack verbatim. */
    static final String SEED_CLIENT = """
            os_log_t g_logger = OS_LOG_DEFAULT;

            class com_osxkernel_driverClient : public IOUserClient
            {
                OSDeclareDefaultStructors(com_osxkernel_driverClient)

                IOService *myProvider;

            public:
                bool start(IOService *provider) override;
                bool terminate(IOOptionBits options = 0) override;
                IOReturn clientClose(void) override;
            };

            OSDefineMetaClassAndStructors(com_osxkernel_driverClient, IOUserClient)
            #define super IOUserClient

            bool com_osxkernel_driverClient::start(IOService *provider)
            {
                if (!super::start(provider))
                    return false;
                myProvider = provider;
                myProvider->retain();
                return true;
            }

            IOReturn com_osxkernel_driverClient::clientClose()
            {
            myProvider->release();
            return super::terminate(kIOServiceSynchronous) ? kIOReturnSuccess : kIOReturnError;
            }
            bool com_osxkernel_driverClient::terminate(IOOptionBits options) {
            os_log_info(g_logger,"%s", __PRETTY_FUNCTION__);
            return true;
            }
            """;

    static LabCompiler.Result compile(String source) {
        return LabCompiler.compileOrThrow("driver.cpp", source, n -> null);
    }

    /** A compare run of the stock driver's strategy with {@code source} as its executable. */
    static StrategyRun run(String source) {
        LabCompiler.Result r = compile(source);
        if (!r.ok()) {
            throw new AssertionError(r.diagnostics());
        }
        Strategy s = Strategy.named("driver");
        KextBundle stock = SampleKexts.bundles().stream().filter(b -> b.bundleId().equals(s.bundleId())).findFirst()
                .orElseThrow();
        List<KextBundle> disk = LabKexts.with(SampleKexts.bundles(), r.kext().bundle(stock.path(), stock.infoPlist()));
        return new StrategyRun(s, StrategyRun.SEED, disk);
    }
}
