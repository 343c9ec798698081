//
//  UsbStock.cpp
//  com.osxkernel.usb.Stock — stock device driver; hot-unplug and kextunload
//  both tear it down.
//
//  Hot-unplug: the USB family terminates the interface nub (with options of
//  its own). IOService::terminatePhase1 on the nub marks the NUB inactive,
//  then calls our requestTerminate(nub); the default calls
//  nub->terminateClient(this, options | kIOServiceRecursing), which calls our
//  terminate(). We accept, so the walk continues into our user clients
//  exactly as in a kextunload: their terminate() runs, their ports die.
//
//  Why the interface is closed in didTerminate(): we keep the nub open while
//  running, and the default IOService::didTerminate does not schedule our
//  stop() while we still have the provider open. It sends our own message()
//  kIOMessageServiceIsRequestingClose instead and stops us only if that
//  closed the provider. Closing here, before calling super, lets the nub's
//  termination finish. (A driver that never closes its nub keeps the nub
//  from being finalized: busy forever.) On kextunload we are terminated
//  directly and get no didTerminate; IOService::actionStop closes the
//  provider right after stop() if we have not done so ourselves.
//

#include <IOKit/IOLib.h>
#include "UsbStock.h"

// ===========================================================================
// com_osxkernel_UsbStockDriver
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_UsbStockDriver, IOService)
#define super IOService

bool com_osxkernel_UsbStockDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fInterface = OSDynamicCast(IOUSBHostInterface, provider);
    if (!fInterface || !super::start(provider))
        return false;

    // Exclusive access to the interface (default IOService::handleOpen: one
    // owner). Needed for any I/O on its pipes.
    if (!fInterface->open(this)) {
        fInterface = nullptr;
        return false;
    }

    registerService();
    return true;
}

void com_osxkernel_UsbStockDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fInterface) {
        if (fInterface->isOpen(this))
            fInterface->close(this);
        fInterface = nullptr;
    }
    super::stop(provider);
}

bool com_osxkernel_UsbStockDriver::terminate(IOOptionBits options)
{
    // kextunload: options == kIOServiceRequired|kIOServiceSynchronous.
    // Hot-unplug: called via requestTerminate/terminateClient with
    // kIOServiceRecursing set and the nub already inactive.
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

bool com_osxkernel_UsbStockDriver::didTerminate(IOService *provider, IOOptionBits options, bool *defer)
{
    // Only on hot-unplug: phase 2 of the NUB's termination calls this for
    // each of its clients (IOService::actionDidTerminate).
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fInterface && fInterface->isOpen(this))
        fInterface->close(this);   // the nub is in phase 3: close() itself schedules our stop
    return super::didTerminate(provider, options, defer);
}

#undef super

// ===========================================================================
// com_osxkernel_UsbStockClient: the stock client.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_UsbStockClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_UsbStockClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_UsbStockClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::start(provider);
}

void com_osxkernel_UsbStockClient::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_UsbStockClient::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

IOReturn com_osxkernel_UsbStockClient::clientClose(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_UsbStockClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_UsbStockClient::externalMethod(uint32_t selector,
                                                      IOExternalMethodArguments *arguments,
                                                      IOExternalMethodDispatch *dispatch,
                                                      OSObject *target, void *reference)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kUsbStockSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
