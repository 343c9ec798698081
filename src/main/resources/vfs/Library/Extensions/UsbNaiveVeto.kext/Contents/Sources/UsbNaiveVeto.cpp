//
//  UsbNaiveVeto.cpp
//  com.osxkernel.usb.NaiveVeto — what "return false from terminate()" does
//  to a device driver when the device is unplugged.
//
//  kextunload with clients: refused with 0xe00002c7, clients untouched
//  (same as com.osxkernel.NaiveVeto).
//
//  Hot-unplug with clients (IOService::terminatePhase1, requestTerminate,
//  didTerminate, terminateWorker):
//   1. The nub is marked inactive first; then our requestTerminate(nub) ->
//      terminateClient -> our terminate(options | kIOServiceRecursing), and
//      we say no. Nothing of the nub is vetoed by that.
//   2. Our false only means WE are not made inactive, so our user clients
//      are never asked to terminate and keep their ports.
//   3. The nub's phase 2 still calls our didTerminate(nub): we close the
//      nub and the default schedules our stop(). An ACTIVE client's stop is
//      never deferred, so stop(nub) and detach(nub) run.
//   4. Result: this driver is stopped and detached from a device that no
//      longer exists, yet "active", with live user clients, and out of the
//      registry's reach. IOCatalogue::terminateDrivers can no longer find
//      it, so kextunload "terminates" nothing and then fails in
//      OSKext::unload with "classes have instances" (0xdc008018). Even after
//      the clients close, nobody ever terminates this orphan: the kext can
//      no longer be unloaded until reboot.
//

#include <IOKit/IOLib.h>
#include "UsbNaiveVeto.h"

// ===========================================================================
// com_osxkernel_UsbNaiveVetoDriver
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_UsbNaiveVetoDriver, IOService)
#define super IOService

bool com_osxkernel_UsbNaiveVetoDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fInterface = OSDynamicCast(IOUSBHostInterface, provider);
    if (!fInterface || !super::start(provider))
        return false;
    if (!fInterface->open(this)) {
        fInterface = nullptr;
        return false;
    }
    fClientCount = 0;
    registerService();
    return true;
}

void com_osxkernel_UsbNaiveVetoDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fInterface) {
        if (fInterface->isOpen(this))
            fInterface->close(this);
        fInterface = nullptr;
    }
    super::stop(provider);
}

bool com_osxkernel_UsbNaiveVetoDriver::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);

    if (fClientCount > 0) {
        // Refuses kextunload AND the nub's own termination alike.
        IOLog("%s: %d user client(s) connected, refusing to terminate\n",
              getName(), (int)fClientCount);
        return false;
    }
    return super::terminate(options);
}

bool com_osxkernel_UsbNaiveVetoDriver::didTerminate(IOService *provider, IOOptionBits options, bool *defer)
{
    // Reached on hot-unplug even after our terminate() said no: phase 2 of
    // the nub calls didTerminate on every client, inactive or not.
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fInterface && fInterface->isOpen(this))
        fInterface->close(this);
    return super::didTerminate(provider, options, defer);
}

void com_osxkernel_UsbNaiveVetoDriver::clientStarted(void)
{
    OSIncrementAtomic(&fClientCount);
}

void com_osxkernel_UsbNaiveVetoDriver::clientStopped(void)
{
    OSDecrementAtomic(&fClientCount);
}

#undef super

// ===========================================================================
// com_osxkernel_UsbNaiveVetoClient: the stock client, plus the count.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_UsbNaiveVetoClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_UsbNaiveVetoClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fDriver = nullptr;
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_UsbNaiveVetoClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fDriver = OSDynamicCast(com_osxkernel_UsbNaiveVetoDriver, provider);
    if (!fDriver || !super::start(provider))
        return false;
    fDriver->clientStarted();
    return true;
}

void com_osxkernel_UsbNaiveVetoClient::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fDriver) {
        fDriver->clientStopped();
        fDriver = nullptr;
    }
    super::stop(provider);
}

bool com_osxkernel_UsbNaiveVetoClient::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

IOReturn com_osxkernel_UsbNaiveVetoClient::clientClose(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_UsbNaiveVetoClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_UsbNaiveVetoClient::externalMethod(uint32_t selector,
                                                          IOExternalMethodArguments *arguments,
                                                          IOExternalMethodDispatch *dispatch,
                                                          OSObject *target, void *reference)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kUsbNaiveVetoSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
