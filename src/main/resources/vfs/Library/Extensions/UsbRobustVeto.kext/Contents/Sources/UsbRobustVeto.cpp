//
//  UsbRobustVeto.cpp
//  com.osxkernel.usb.RobustVeto — refuse kextunload, never the device.
//
//  terminate() refuses only a DIRECT request (no kIOServiceRecursing) while
//  the interface nub is still active and user clients exist. On hot-unplug
//  the request arrives through requestTerminate -> terminateClient with
//  kIOServiceRecursing set and the nub already inactive
//  (IOService::terminatePhase1 marks the nub before asking its clients), so
//  we accept and are torn down exactly like com.osxkernel.usb.Stock,
//  clients included.
//
//  Unlike com.osxkernel.RobustVeto, this driver does NOT terminate itself
//  when its last client leaves. A device driver's lifetime belongs to its
//  device: terminating it would leave the interface driverless until the
//  device is replugged (nothing re-runs matching on a nub that stays
//  registered). With no clients the veto no longer applies, so a later
//  kextunload succeeds. Autounload, by contrast, never removes it while the
//  device is present, because the driver instance exists.
//

#include <IOKit/IOLib.h>
#include "UsbRobustVeto.h"

// ===========================================================================
// com_osxkernel_UsbRobustVetoDriver
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_UsbRobustVetoDriver, IOService)
#define super IOService

bool com_osxkernel_UsbRobustVetoDriver::start(IOService *provider)
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

void com_osxkernel_UsbRobustVetoDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fInterface) {
        if (fInterface->isOpen(this))
            fInterface->close(this);
        fInterface = nullptr;
    }
    super::stop(provider);
}

bool com_osxkernel_UsbRobustVetoDriver::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);

    IOService *provider = getProvider();
    bool providerAlive = (provider != nullptr) && !provider->isInactive();

    if (!(options & kIOServiceRecursing) && providerAlive && fClientCount > 0) {
        // kextunload (or kextunload -c) while in use.
        IOLog("%s: %d user client(s) connected, refusing to terminate\n",
              getName(), (int)fClientCount);
        return false;
    }

    // Hot-unplug (always honoured), or a kextunload with nobody connected.
    return super::terminate(options);
}

bool com_osxkernel_UsbRobustVetoDriver::didTerminate(IOService *provider, IOOptionBits options, bool *defer)
{
    // Only on hot-unplug: phase 2 of the NUB's termination calls this for
    // each of its clients (IOService::actionDidTerminate).
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fInterface && fInterface->isOpen(this))
        fInterface->close(this);
    return super::didTerminate(provider, options, defer);
}

void com_osxkernel_UsbRobustVetoDriver::clientStarted(void)
{
    OSIncrementAtomic(&fClientCount);
}

void com_osxkernel_UsbRobustVetoDriver::clientStopped(void)
{
    OSDecrementAtomic(&fClientCount);
}

#undef super

// ===========================================================================
// com_osxkernel_UsbRobustVetoClient: the stock client, plus the count.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_UsbRobustVetoClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_UsbRobustVetoClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fDriver = nullptr;
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_UsbRobustVetoClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fDriver = OSDynamicCast(com_osxkernel_UsbRobustVetoDriver, provider);
    if (!fDriver || !super::start(provider))
        return false;
    fDriver->clientStarted();
    return true;
}

void com_osxkernel_UsbRobustVetoClient::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fDriver) {
        fDriver->clientStopped();
        fDriver = nullptr;
    }
    super::stop(provider);
}

bool com_osxkernel_UsbRobustVetoClient::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

IOReturn com_osxkernel_UsbRobustVetoClient::clientClose(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_UsbRobustVetoClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_UsbRobustVetoClient::externalMethod(uint32_t selector,
                                                          IOExternalMethodArguments *arguments,
                                                          IOExternalMethodDispatch *dispatch,
                                                          OSObject *target, void *reference)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kUsbRobustVetoSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
