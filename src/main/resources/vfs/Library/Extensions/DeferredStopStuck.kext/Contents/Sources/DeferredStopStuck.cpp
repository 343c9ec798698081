//
//  DeferredStopStuck.cpp
//  com.osxkernel.DeferredStopStuck — a deferred stop that never resumes.
//
//  Same as DeferredStop, except that didTerminate() waits for the pending
//  read to finish on its own instead of aborting it, and the emulated
//  device never sends data. Nothing ever arms fReadTimer, so readCompleted()
//  never runs and nobody calls IOService::didTerminate with defer == false.
//
//  kextunload with clients: the clients' stop() never happens, so the
//  driver is never finalized or stopped and stays busy. The synchronous
//  terminate in IOCatalogue::terminateDrivers waits in
//  IOService::scheduleTerminatePhase2 until its 15 s deadline, then (10.15,
//  xnu-6153) logs
//    com_osxkernel_DeferredStopStuckDriver[0x...]::terminate(kIOServiceSynchronous):
//    THREAD_TIMED_OUT. Attempting to auto-resolve your deadlock. PLEASE FIX!
//  and returns true anyway (10.13.2-10.14.6 panic here instead). The
//  personality is removed, but OSKext::unload fails with "classes have
//  instances" (0xdc008018): the driver and its clients are still attached,
//  inactive, and can never finish terminating. Their ports were destroyed
//  in phase 1, so no user process can unstick them either.
//

#include <IOKit/IOLib.h>
#include "DeferredStopStuck.h"

// ===========================================================================
// com_osxkernel_DeferredStopStuckDriver: exactly the stock driver.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_DeferredStopStuckDriver, IOService)
#define super IOService

bool com_osxkernel_DeferredStopStuckDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;
    registerService();
    return true;
}

void com_osxkernel_DeferredStopStuckDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_DeferredStopStuckDriver::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

#undef super

// ===========================================================================
// com_osxkernel_DeferredStopStuckClient
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_DeferredStopStuckClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_DeferredStopStuckClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fReadTimer = nullptr;
    fReadPending = false;
    fDeferredProvider = nullptr;
    fDeferredOptions = 0;
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_DeferredStopStuckClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;

    // The read's completion is delivered on our work loop (the one
    // IOService::getWorkLoop finds through the driver and IOResources).
    fReadTimer = IOTimerEventSource::timerEventSource(this,
                     OSMemberFunctionCast(IOTimerEventSource::Action, this,
                                          &com_osxkernel_DeferredStopStuckClient::readCompleted));
    if (!fReadTimer || getWorkLoop()->addEventSource(fReadTimer) != kIOReturnSuccess) {
        OSSafeReleaseNULL(fReadTimer);
        return false;
    }

    // Post the read. It stays in flight until the device answers (never).
    fReadPending = true;
    return true;
}

void com_osxkernel_DeferredStopStuckClient::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (fReadTimer) {
        fReadTimer->cancelTimeout();
        getWorkLoop()->removeEventSource(fReadTimer);
        OSSafeReleaseNULL(fReadTimer);
    }
    fReadPending = false;
    super::stop(provider);
}

bool com_osxkernel_DeferredStopStuckClient::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

bool com_osxkernel_DeferredStopStuckClient::didTerminate(IOService *provider, IOOptionBits options, bool *defer)
{
    // Called for each client of a terminating provider, leaves first, after
    // messageClients(kIOMessageServiceIsTerminated) (IOService::actionDidTerminate).
    // Not called when we ourselves are terminated directly (clientClose): that
    // needs kIOServiceTerminateNeedWillTerminate, which kexts never get.
    IOLog("%s\n", __PRETTY_FUNCTION__);

    if (fReadPending) {
        fDeferredProvider = provider;
        fDeferredOptions = options;
        *defer = true;
        IOLog("%s: read in flight, deferring stop until it completes\n", getName());
        // BUG: no abort. The read completes only if the device answers, and
        // it never does; DeferredStop.cpp arms fReadTimer here instead.
    }

    // With *defer == true the default implementation schedules nothing.
    return super::didTerminate(provider, options, defer);
}

void com_osxkernel_DeferredStopStuckClient::readCompleted(IOTimerEventSource *sender)
{
    // The read's completion. Never reached in this kext: nothing arms
    // fReadTimer (see didTerminate).
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fReadPending = false;

    if (fDeferredProvider) {
        // Resume the termination we held back: the base didTerminate with
        // defer == false calls scheduleStop(provider) (the provider does not
        // have us open), and IOService::terminateWorker does the rest.
        IOService *provider = fDeferredProvider;
        bool defer = false;
        fDeferredProvider = nullptr;
        IOService::didTerminate(provider, fDeferredOptions, &defer);
    }
}

IOReturn com_osxkernel_DeferredStopStuckClient::clientClose(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    // Nobody is left to receive the read's data; drop it on the spot. (When
    // we terminate ourselves we get no didTerminate, so there is nothing to
    // defer on this path.)
    fReadPending = false;
    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_DeferredStopStuckClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_DeferredStopStuckClient::externalMethod(uint32_t selector,
                                                          IOExternalMethodArguments *arguments,
                                                          IOExternalMethodDispatch *dispatch,
                                                          OSObject *target, void *reference)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kDeferredStopStuckSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
