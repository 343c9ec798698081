package kextshell.lab;

import kextshell.app.Kextshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.shell.Console;
import kextshell.shell.Invocation;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

/**
 * "Ship the driver the questioner should have written": a design that counts live user clients
 * with the client iterator, refuses only a direct terminate while they exist, and lets the last
 * one's departure terminate the driver, passes every requirement; the naive veto does not.
 */
class ShipItTest {
    static final String DESIGN = """
            #include <IOKit/IOService.h>
            #include <IOKit/IOUserClient.h>
            #include <IOKit/IOLib.h>

            #ifndef kIOServiceRecursing
            #define kIOServiceRecursing 0x00100000
            #endif

            class Ship : public IOService
            {
                OSDeclareDefaultStructors(Ship)
            public:
                bool start(IOService *provider) override;
                bool terminate(IOOptionBits options = 0) override;
                void lastClientGone(void);
            private:
                int liveClients(void);
            };

            class ShipClient : public IOUserClient
            {
                OSDeclareDefaultStructors(ShipClient)
                Ship *fOwner;
            public:
                bool start(IOService *provider) override;
                void stop(IOService *provider) override;
                IOReturn clientClose(void) override;
            };

            OSDefineMetaClassAndStructors(Ship, IOService)
            #define super IOService

            bool Ship::start(IOService *provider)
            {
                if (!super::start(provider))
                    return false;
                registerService();
                return true;
            }

            int Ship::liveClients(void)
            {
                OSIterator *it = getClientIterator();
                int n = 0;
                for (OSObject *o = it->getNextObject(); o != NULL; o = it->getNextObject()) {
                    IOUserClient *uc = OSDynamicCast(IOUserClient, o);
                    if (uc && !uc->isInactive())
                        n++;
                }
                it->release();
                return n;
            }

            bool Ship::terminate(IOOptionBits options)
            {
                IOService *p = getProvider();
                int n = liveClients();
                if ((options & kIOServiceRecursing) == 0 && p != NULL && !p->isInactive() && n > 0) {
                    IOLog("%s: %d client(s), not now\\n", getName(), n);
                    return false;
                }
                return super::terminate(options);
            }

            void Ship::lastClientGone(void)
            {
                if (!isInactive() && liveClients() == 0)
                    terminate();
            }

            #undef super

            OSDefineMetaClassAndStructors(ShipClient, IOUserClient)
            #define super IOUserClient

            bool ShipClient::start(IOService *provider)
            {
                fOwner = OSDynamicCast(Ship, provider);
                return fOwner != NULL && super::start(provider);
            }

            void ShipClient::stop(IOService *provider)
            {
                Ship *owner = fOwner;
                fOwner = NULL;
                super::stop(provider);
                if (owner)
                    owner->lastClientGone();
            }

            IOReturn ShipClient::clientClose(void)
            {
                terminate();
                return kIOReturnSuccess;
            }
            """;

    private final MemoryLabFiles home = new MemoryLabFiles();
    private Console console;

    private int lab(String... args) {
        console = new Console();
        return new LabCommand(inv -> home).run(new Invocation(Kextshell.newSession(), console, false), List.of(args));
    }

    @Test
    void theDesignPassesEveryRequirement() {
        assertEquals(0, lab("new", "Ship"));
        home.write("Ship.kext/Contents/Sources/Ship.cpp", DESIGN);
        assertEquals(0, lab("build", "Ship"), console.text());
        assertEquals("** BUILD SUCCEEDED **\n", console.text());
        assertEquals(0, lab("grade", "Ship"), console.text());
        assertTrue(console.text().endsWith("5 of 5 requirements met.\n"), console.text());
    }

    @Test
    void gradingNotesTheTrapsClangDoesNotCatch() {
        lab("new", "Leaky");
        home.write("Leaky.kext/Contents/Sources/Leaky.cpp", DESIGN.replace("Ship", "Leaky")
                .replace("    it->release();\n", "")
                .replace("    registerService();\n    return true;", "    registerService();\n    return kIOReturnSuccess;"));
        assertEquals(0, lab("build", "Leaky"), console.text());
        lab("grade", "Leaky");
        String out = console.text();
        assertTrue(out.contains("kextshell: note: Leaky.cpp:38: Leaky::start returns kIOReturnSuccess from a bool method:"
                + " that is 0, so it means false"), out);
        assertTrue(out.contains("kextshell: note: Leaky::liveClients does not release the OSIterator it got from "
                + "getClientIterator()"), out);
    }

    @Test
    void theNaiveVetoFailsTheLastClientLeaving() {
        assertEquals(0, lab("new", "Naive", "--from", "NaiveVeto"));
        assertEquals(0, lab("build", "Naive"));
        assertEquals(1, lab("grade", "Naive"));
        assertTrue(console.text().contains("FAIL  driver gone and kext autounloaded once the last client closes"));
        assertTrue(console.text().contains("PASS  kextunload refused while any client is connected"));
    }

    @Test
    void theNaiveUsbVetoFailsTheHotUnplug() {
        assertEquals(0, lab("new", "UsbNaive", "--from", "UsbNaiveVeto"));
        assertEquals(0, lab("build", "UsbNaive"));
        assertEquals(1, lab("grade", "UsbNaive"));
        assertTrue(console.text().contains("FAIL  never blocks a hot-unplug"), console.text());
    }

    @Test
    void aPanickingDesignFailsNoPanicAndShowsTheReport() {
        lab("new", "Crash");
        home.write("Crash.kext/Contents/Sources/Crash.cpp", DESIGN.replace("Ship", "Crash")
                .replace("fOwner = NULL;\n    super::stop(provider);\n    if (owner)\n        owner->lastClientGone();",
                        "fOwner = NULL;\n    super::stop(provider);\n    fOwner->lastClientGone();"));
        assertEquals(0, lab("build", "Crash"), console.text());
        assertEquals(1, lab("grade", "Crash"));
        String out = console.text();
        assertTrue(out.contains("FAIL  no panic"), out);
        assertTrue(out.contains("The first panic, as the Mac would have reported it:\n  panic(cpu 0 caller"), out);
    }
}
