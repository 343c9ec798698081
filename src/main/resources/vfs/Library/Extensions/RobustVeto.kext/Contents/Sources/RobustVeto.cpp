//
//  RobustVeto.cpp
//  com.osxkernel.RobustVeto — a veto that only kextunload runs into.
//
//  Who calls our terminate(), and with what:
//   - kextunload: IOCatalogue::terminateDrivers calls it directly with
//     kIOServiceRequired|kIOServiceSynchronous (0x3), while our provider is
//     alive.
//   - provider termination (hot-unplug, or someone terminating IOResources):
//     IOService::terminatePhase1 on the provider first marks the PROVIDER
//     inactive, then calls our requestTerminate(), whose default calls
//     provider->terminateClient(this, options | kIOServiceRecursing), which
//     calls us.
//  So: refuse only when kIOServiceRecursing is clear, the provider is still
//  active, and clients exist. Do not test kIOServiceRequired: xnu never reads
//  it, and any caller may pass it.
//
//  Unloading after the last client: autounload (OSKext::considerUnloads ->
//  autounloadKext, 60 s after the registry goes quiet) only removes code
//  whose classes have no instances; it never terminates a live driver. So
//  when the last client has stopped, we terminate ourselves.
//

#include <IOKit/IOLib.h>
#include "RobustVeto.h"

// ===========================================================================
// com_osxkernel_RobustVetoDriver
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_RobustVetoDriver, IOService)
#define super IOService

bool com_osxkernel_RobustVetoDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;
    fClientCount = 0;
    registerService();
    return true;
}

void com_osxkernel_RobustVetoDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_RobustVetoDriver::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);

    IOService *provider = getProvider();
    bool providerAlive = (provider != nullptr) && !provider->isInactive();

    if (!(options & kIOServiceRecursing) && providerAlive && fClientCount > 0) {
        // A direct request (kextunload, kextunload -c, or another kext) while
        // we are in use. Returning before super means phase 1 never starts:
        // clients and their connections are untouched, and
        // IOCatalogue::terminateDrivers reports kIOReturnUnsupported.
        IOLog("%s: %d user client(s) connected, refusing to terminate\n",
              getName(), (int)fClientCount);
        return false;
    }

    // Provider termination (always honoured), our own self-termination, or
    // a kextunload with nobody connected.
    return super::terminate(options);
}

void com_osxkernel_RobustVetoDriver::clientStarted(void)
{
    OSIncrementAtomic(&fClientCount);
}

void com_osxkernel_RobustVetoDriver::clientStopped(void)
{
    // OSDecrementAtomic returns the value BEFORE the decrement.
    if (OSDecrementAtomic(&fClientCount) != 1)
        return;

    // The last client is gone. If we are already being terminated (the
    // client stops because WE are going away), there is nothing to do.
    if (isInactive())
        return;

    IOLog("%s: last user client gone, terminating\n", getName());

    // Asynchronous on purpose. We are called from the client's stop(), i.e.
    // on the terminate thread inside IOService::terminateWorker; the request
    // is queued and picked up by the loop already running
    // (IOService::scheduleTerminatePhase2). A synchronous terminate from a
    // close/IPC path could sit out the 15 s deadline instead. With no options
    // our own veto above lets it through (no clients left).
    terminate();
}

#undef super

// ===========================================================================
// com_osxkernel_RobustVetoClient: the stock client, plus the count.
// The count follows start()/stop() so it drops on every way out:
// IOServiceClose, process death (clientDied -> clientClose -> terminate),
// and teardown by the driver's or provider's termination.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_RobustVetoClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_RobustVetoClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fDriver = nullptr;
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_RobustVetoClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fDriver = OSDynamicCast(com_osxkernel_RobustVetoDriver, provider);
    if (!fDriver || !super::start(provider))
        return false;
    fDriver->clientStarted();
    return true;
}

void com_osxkernel_RobustVetoClient::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fDriver) {
        fDriver->clientStopped();
        fDriver = nullptr;
    }
    super::stop(provider);
}

bool com_osxkernel_RobustVetoClient::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

IOReturn com_osxkernel_RobustVetoClient::clientClose(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_RobustVetoClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_RobustVetoClient::externalMethod(uint32_t selector,
                                                        IOExternalMethodArguments *arguments,
                                                        IOExternalMethodDispatch *dispatch,
                                                        OSObject *target, void *reference)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kRobustVetoSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
