//
//  KextRetain.cpp
//  com.osxkernel.KextRetain — OSKextRetainKextWithLoadTag while in use.
//
//  The retain raises our OSKext's retain count above
//  kOSKextMinLoadedRetainCount (2). IOCatalogue::terminateDriversForModule
//  checks OSKext::canUnloadKextWithIdentifier BEFORE terminating anything,
//  so kextunload fails with kOSKextReturnInUse (0xdc008018) and the
//  misleading "Can't remove kext com.osxkernel.KextRetain; services failed
//  to terminate - 0xdc008018." Our terminate() is never even called, and
//  the clients are untouched. The retain does not affect a provider's
//  termination, nor `kextunload -c <class>` (kIOCatalogServiceTerminate skips
//  the OSKext check). Retaining ONESELF is the use OSKextLib.h documents.
//
//  OSKextRetainKextWithLoadTag logs "Kext ... (load tag N) has been
//  retained."; the release logs "... has been released." and calls
//  OSKext::considerUnloads(). The driver itself stays: autounload later
//  skips the kext because com_osxkernel_KextRetainDriver has an instance.
//

#include <IOKit/IOLib.h>
#include "KextRetain.h"

// ===========================================================================
// com_osxkernel_KextRetainDriver
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_KextRetainDriver, IOService)
#define super IOService

bool com_osxkernel_KextRetainDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;
    fClientCount = 0;
    registerService();
    return true;
}

void com_osxkernel_KextRetainDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_KextRetainDriver::terminate(IOOptionBits options)
{
    // No veto here: while the kext retain is held, kextunload never gets as
    // far as calling us.
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

void com_osxkernel_KextRetainDriver::clientStarted(void)
{
    // OSIncrementAtomic returns the value BEFORE the increment.
    if (OSIncrementAtomic(&fClientCount) == 0)
        OSKextRetainKextWithLoadTag(OSKextGetCurrentLoadTag());
}

void com_osxkernel_KextRetainDriver::clientStopped(void)
{
    if (OSDecrementAtomic(&fClientCount) == 1)
        OSKextReleaseKextWithLoadTag(OSKextGetCurrentLoadTag());
}

#undef super

// ===========================================================================
// com_osxkernel_KextRetainClient: the stock client, plus the count.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_KextRetainClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_KextRetainClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fDriver = nullptr;
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_KextRetainClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fDriver = OSDynamicCast(com_osxkernel_KextRetainDriver, provider);
    if (!fDriver || !super::start(provider))
        return false;
    fDriver->clientStarted();
    return true;
}

void com_osxkernel_KextRetainClient::stop(IOService *provider)
{
    // Also reached when the provider is torn down (kextunload -c, or
    // terminating IOResources), so the kext retain is never leaked.
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fDriver) {
        fDriver->clientStopped();
        fDriver = nullptr;
    }
    super::stop(provider);
}

bool com_osxkernel_KextRetainClient::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

IOReturn com_osxkernel_KextRetainClient::clientClose(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_KextRetainClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_KextRetainClient::externalMethod(uint32_t selector,
                                                        IOExternalMethodArguments *arguments,
                                                        IOExternalMethodDispatch *dispatch,
                                                        OSObject *target, void *reference)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kKextRetainSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
