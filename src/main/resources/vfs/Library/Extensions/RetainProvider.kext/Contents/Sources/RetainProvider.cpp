//
//  RetainProvider.cpp
//  com.osxkernel.RetainProvider — "retain the provider in each user client".
//
//  What happens on kextunload with two clients connected:
//   1. IOCatalogue::terminateDrivers calls driver->terminate(0x3). The stock
//      teardown runs in full (same six log lines as com.osxkernel.driver):
//      IOService::terminatePhase1, terminateWorker, finalize, actionStop and
//      detach never consult a retain count. A retain keeps memory alive; it
//      does not keep a service alive.
//   2. terminatePhase1 destroys the clients' ports
//      (IOUserClient::destroyUserReferences), so clientClose() and
//      clientDied() are never called for them. The release below never runs.
//   3. The clients are freed; the driver, still holding their two
//      references, is not. com_osxkernel_RetainProviderDriver keeps an
//      instance count of 1, so OSKext::unload fails: "classes have
//      instances" and kOSKextReturnInUse (0xdc008018). Services are gone,
//      personalities removed, code still loaded, one object leaked for good.
//

#include <IOKit/IOLib.h>
#include "RetainProvider.h"

// ===========================================================================
// com_osxkernel_RetainProviderDriver: exactly the stock driver.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_RetainProviderDriver, IOService)
#define super IOService

bool com_osxkernel_RetainProviderDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;
    registerService();
    return true;
}

void com_osxkernel_RetainProviderDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_RetainProviderDriver::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

#undef super

// ===========================================================================
// com_osxkernel_RetainProviderClient
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_RetainProviderClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_RetainProviderClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fRetainedProvider = nullptr;
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_RetainProviderClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;

    // The idea under test: hold the driver for as long as we are connected.
    provider->retain();
    fRetainedProvider = provider;
    return true;
}

void com_osxkernel_RetainProviderClient::stop(IOService *provider)
{
    // Reached during kextunload even though we still hold fRetainedProvider:
    // IOService::actionStop is queued by didTerminate/finalize regardless of
    // references. We do NOT release here; that is the point of the sample
    // (the question released only in clientClose).
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_RetainProviderClient::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

IOReturn com_osxkernel_RetainProviderClient::clientClose(void)
{
    // Only reachable through IOServiceClose() or clientDied(). If the driver
    // is terminated first, IOUserClient::destroyUserReferences has already
    // destroyed our port, so this method never runs and the reference taken
    // in start() is never given back.
    IOLog("%s\n", __PRETTY_FUNCTION__);

    if (fRetainedProvider) {
        fRetainedProvider->release();
        fRetainedProvider = nullptr;
    }

    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_RetainProviderClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_RetainProviderClient::externalMethod(uint32_t selector,
                                                            IOExternalMethodArguments *arguments,
                                                            IOExternalMethodDispatch *dispatch,
                                                            OSObject *target, void *reference)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kRetainProviderSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
