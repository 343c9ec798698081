package kextshell.lab;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.kernel.KernelPanic;
import kextshell.compare.StrategyRun;
import org.junit.jupiter.api.Test;

/** The interpreter inside the kernel model: the seed's hack, faithful failures. */
class LabRunTest {
    @Test
    void theSeedsHackCompilesVerbatimAndLeaksTheDriver() {
        StrategyRun r = LabFixtures.run(LabFixtures.STOCK_DRIVER + LabFixtures.SEED_CLIENT);
        r.setUp(2);
        int code = r.unload().result();
        // §6.2: the clients' terminate() lies, the driver leaks through the retains: classes have instances.
        assertEquals(0xdc008018, code);
        List<String> log = r.logMessages();
        int i = log.indexOf("(driver) virtual bool com_osxkernel_driver::terminate(IOOptionBits)");
        assertEquals(List.of("(driver) virtual bool com_osxkernel_driver::terminate(IOOptionBits)",
                "(driver) virtual bool com_osxkernel_driverClient::terminate(IOOptionBits)",
                "(driver) virtual bool com_osxkernel_driverClient::terminate(IOOptionBits)",
                "(driver) virtual void com_osxkernel_driver::stop(IOService *)",
                "Can't unload kext com.osxkernel.driver; classes have instances:"),
                log.subList(i, i + 5), log.toString());
    }

    @Test
    void aNullDereferencePanicsWithAPageFault() {
        String src = LabFixtures.STOCK_DRIVER + """
                class com_osxkernel_driverClient : public IOUserClient
                {
                    OSDeclareDefaultStructors(com_osxkernel_driverClient)
                    com_osxkernel_driver *fDriver;
                public:
                    void stop(IOService *provider) override;
                };
                OSDefineMetaClassAndStructors(com_osxkernel_driverClient, IOUserClient)
                void com_osxkernel_driverClient::stop(IOService *provider)
                {
                    fDriver->terminate();
                }
                """;
        StrategyRun r = LabFixtures.run(src);
        r.setUp(2);
        KernelPanic p = assertThrows(KernelPanic.class, r::unload);
        String first = p.report().lines().findFirst().orElseThrow();
        assertTrue(first.matches("panic\\(cpu 0 caller 0x[0-9a-f]+\\): Kernel trap at 0x[0-9a-f]+, type 14=page fault,"
                + " registers:"), first);
        assertTrue(p.report().contains("Fault CR2: 0x0000000000000000, Error code: 0x0000000000000000"), p.report());
        assertTrue(p.report().contains("com.osxkernel.driver(1.0.0)"), p.report());
        assertTrue(p.report().contains("BSD process name corresponding to current thread: kernel_task"));
    }

    @Test
    void aFieldReadThroughNullFaultsAtTheFieldsOffset() {
        String src = LabFixtures.STOCK_DRIVER.replace("bool terminate(IOOptionBits options = 0) override;",
                "bool terminate(IOOptionBits options = 0) override;\n    int fCount;\n    com_osxkernel_driver *fPeer;")
                .replace("return super::terminate(options);", "return fPeer->fCount == 0;");
        StrategyRun r = LabFixtures.run(src);
        r.setUp(0);
        KernelPanic p = assertThrows(KernelPanic.class, r::unload);
        assertTrue(p.report().contains("CR2: 0x00000000000000e0"), p.report());
    }

    @Test
    void aRunawayLoopIsAHangNotAnEndlessTest() {
        String src = LabFixtures.STOCK_DRIVER.replace("return super::terminate(options);",
                "while (true) { }\n    return false;");
        StrategyRun r = LabFixtures.run(src);
        r.setUp(0);
        KernelPanic p = assertThrows(KernelPanic.class, r::unload);
        assertTrue(p.isHang());
        assertTrue(p.report().startsWith("kextshell: com_osxkernel_driver::terminate has not returned; on a Mac this "
                + "kernel thread would spin forever"), p.report());
    }

    @Test
    void releasingTheProviderTooOftenCorruptsTheRegistry() {
        String src = LabFixtures.STOCK_DRIVER + LabFixtures.SEED_CLIENT.replace("myProvider->retain();",
                "myProvider->release();");
        StrategyRun r = LabFixtures.run(src);
        KernelPanic p = assertThrows(KernelPanic.class, () -> r.setUp(3));
        assertTrue(p.report().contains("\"A kext releasing a(n) com_osxkernel_driver has corrupted the registry.\""),
                p.report());
    }

    @Test
    void anInitWithoutSuperFaultsOnFirstUse() {
        String src = LabFixtures.STOCK_DRIVER.replace("bool terminate(IOOptionBits options = 0) override;",
                "bool terminate(IOOptionBits options = 0) override;\n    bool init(OSDictionary *dict) override;")
                + "#define super IOService\nbool com_osxkernel_driver::init(OSDictionary *dict)\n{\n    bool ok = true;\n"
                + "    return ok;\n}\n";
        StrategyRun r = LabFixtures.run(src);
        KernelPanic p = assertThrows(KernelPanic.class, r::load);
        assertTrue(p.report().contains("type 14=page fault"), p.report());
        StrategyRun ok = LabFixtures.run(src.replace("bool ok = true;", "bool ok = super::init(dict);"));
        assertEquals(0, ok.load());
    }

    @Test
    void aFreeWithoutSuperLeavesAnInstance() {
        String src = LabFixtures.STOCK_DRIVER.replace("bool terminate(IOOptionBits options = 0) override;",
                "bool terminate(IOOptionBits options = 0) override;\n    void free(void) override;")
                + "void com_osxkernel_driver::free(void)\n{\n    IOLog(\"free\\n\");\n}\n";
        StrategyRun r = LabFixtures.run(src);
        r.setUp(0);
        int code = r.unload().result();
        assertEquals(0xdc008018, code, "classes have instances");
        assertEquals(1, r.driverInstances());
    }
}
