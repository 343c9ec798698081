package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** mach_error_string texts from libsyscall/mach/err_libkern.sub, err_iokit.sub and error_codes.c. */
class IOReturnTest {
    @Test
    void knownCodes() {
        assertEquals("(libkern/kext) kext is in use or retained (cannot unload)", IOReturn.machErrorString(0xdc008018));
        assertEquals("(iokit/common) unsupported function", IOReturn.machErrorString(0xe00002c7));
        assertEquals("(ipc/send) invalid destination port", IOReturn.machErrorString(0x10000003));
        assertEquals("(libkern/kext) system policy prevents loading", IOReturn.machErrorString(0xdc00801b));
        assertEquals("(libkern/kext) link error", IOReturn.machErrorString(0xdc008016));
        assertEquals("(libkern/kext) malformed kext (bundle layout/missing plist)", IOReturn.machErrorString(0xdc00800b));
    }

    @Test
    void unknownCodesFallBackByTheirSystemAndSubsystem() {
        assertEquals("unknown error code", IOReturn.machErrorString(0xdc0080ff));
        assertEquals("(libkern/?) unknown subsystem error", IOReturn.machErrorString(0xdc00c001));
        assertEquals("(iokit/?) unknown subsystem error", IOReturn.machErrorString(0xe0004001));
        assertEquals("(?/?) unknown error system", IOReturn.machErrorString(0xfc000001));
    }
}
