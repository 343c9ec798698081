//
//  NaiveVeto.cpp
//  com.osxkernel.NaiveVeto — "return false from terminate() while in use".
//
//  kextunload with clients: IOCatalogue::terminateDrivers sees false, stops
//  its walk with kIOReturnUnsupported (0xe00002c7), keeps the personality,
//  and OSKext::removeKext logs "Can't remove kext com.osxkernel.NaiveVeto;
//  services failed to terminate - 0xe00002c7.". Because we return before
//  IOService::terminate, nothing at all happens to the clients: phase 1
//  never starts, their ports stay alive.
//
//  The flaw: terminate() cannot tell WHO is asking. A provider going away
//  also calls it (IOService::requestTerminate -> terminateClient), and our
//  false then leaves this driver stopped and detached from its dying
//  provider but still "active", with live clients, unreachable by the
//  registry. For this IOResources driver that rarely matters; the USB
//  sample com.osxkernel.usb.NaiveVeto shows it on hot-unplug.
//

#include <IOKit/IOLib.h>
#include "NaiveVeto.h"

// ===========================================================================
// com_osxkernel_NaiveVetoDriver
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_NaiveVetoDriver, IOService)
#define super IOService

bool com_osxkernel_NaiveVetoDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;
    fClientCount = 0;
    registerService();
    return true;
}

void com_osxkernel_NaiveVetoDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_NaiveVetoDriver::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);

    if (fClientCount > 0) {
        // The veto. No call to super: the service stays active, and
        // IOCatalogue::terminateDrivers turns our false into
        // kIOReturnUnsupported.
        IOLog("%s: %d user client(s) connected, refusing to terminate\n",
              getName(), (int)fClientCount);
        return false;
    }
    return super::terminate(options);
}

void com_osxkernel_NaiveVetoDriver::clientStarted(void)
{
    OSIncrementAtomic(&fClientCount);
}

void com_osxkernel_NaiveVetoDriver::clientStopped(void)
{
    OSDecrementAtomic(&fClientCount);
}

#undef super

// ===========================================================================
// com_osxkernel_NaiveVetoClient: the stock client, plus the count.
// The count follows start()/stop() rather than open/close so that it also
// drops for clients torn down by the driver's own termination, where
// clientClose() never runs (IOUserClient::destroyUserReferences).
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_NaiveVetoClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_NaiveVetoClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fDriver = nullptr;
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_NaiveVetoClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fDriver = OSDynamicCast(com_osxkernel_NaiveVetoDriver, provider);
    if (!fDriver || !super::start(provider))
        return false;
    fDriver->clientStarted();
    return true;
}

void com_osxkernel_NaiveVetoClient::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fDriver) {
        fDriver->clientStopped();
        fDriver = nullptr;
    }
    super::stop(provider);
}

bool com_osxkernel_NaiveVetoClient::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

IOReturn com_osxkernel_NaiveVetoClient::clientClose(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    // Our stop() (and with it the count decrement) follows asynchronously,
    // from IOService::terminateWorker.
    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_NaiveVetoClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_NaiveVetoClient::externalMethod(uint32_t selector,
                                                       IOExternalMethodArguments *arguments,
                                                       IOExternalMethodDispatch *dispatch,
                                                       OSObject *target, void *reference)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kNaiveVetoSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
