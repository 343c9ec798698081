//
//  DeferredStop.cpp
//  com.osxkernel.DeferredStop — postponing stop(), not vetoing termination.
//
//  Each user client keeps one read outstanding from start() on (simulated:
//  no hardware, just a flag and a timer). When the driver is terminated,
//  phase 2 of IOService::terminateWorker calls our didTerminate(driver).
//  With a read in flight we set *defer = true, so the default
//  IOService::didTerminate queues nothing: our stop() and detach() wait,
//  and with them the driver's finalize() and stop() (IOService::detach
//  schedules the driver's finalize only when its last client has gone).
//  We abort the read; 2 s later its completion calls
//  IOService::didTerminate again with defer == false, which schedules our
//  stop(). The synchronous kextunload caller
//  (IOService::scheduleTerminatePhase2) sleeps meanwhile and returns about
//  2 s late; the unload then succeeds.
//
//  This cannot veto anything: the synchronous caller gives up after 15 s
//  (see DeferredStopStuck), and our port is destroyed in phase 1 anyway.
//

#include <IOKit/IOLib.h>
#include "DeferredStop.h"

// ===========================================================================
// com_osxkernel_DeferredStopDriver: exactly the stock driver.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_DeferredStopDriver, IOService)
#define super IOService

bool com_osxkernel_DeferredStopDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;
    registerService();
    return true;
}

void com_osxkernel_DeferredStopDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_DeferredStopDriver::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

#undef super

// ===========================================================================
// com_osxkernel_DeferredStopClient
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_DeferredStopClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_DeferredStopClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    fReadTimer = nullptr;
    fReadPending = false;
    fDeferredProvider = nullptr;
    fDeferredOptions = 0;
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_DeferredStopClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;

    // The read's completion is delivered on our work loop (the one
    // IOService::getWorkLoop finds through the driver and IOResources).
    fReadTimer = IOTimerEventSource::timerEventSource(this,
                     OSMemberFunctionCast(IOTimerEventSource::Action, this,
                                          &com_osxkernel_DeferredStopClient::readCompleted));
    if (!fReadTimer || getWorkLoop()->addEventSource(fReadTimer) != kIOReturnSuccess) {
        OSSafeReleaseNULL(fReadTimer);
        return false;
    }

    // Post the read. It stays in flight until it is aborted.
    fReadPending = true;
    return true;
}

void com_osxkernel_DeferredStopClient::stop(IOService *provider)
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

bool com_osxkernel_DeferredStopClient::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

bool com_osxkernel_DeferredStopClient::didTerminate(IOService *provider, IOOptionBits options, bool *defer)
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
        IOLog("%s: read in flight, aborting it and deferring stop\n", getName());
        fReadTimer->setTimeoutMS(kDeferredStopAbortLatencyMS);   // the abort
    }

    // With *defer == true the default implementation schedules nothing.
    return super::didTerminate(provider, options, defer);
}

void com_osxkernel_DeferredStopClient::readCompleted(IOTimerEventSource *sender)
{
    // The read's completion (here: its abort being acknowledged).
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

IOReturn com_osxkernel_DeferredStopClient::clientClose(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    // Nobody is left to receive the read's data; drop it on the spot. (When
    // we terminate ourselves we get no didTerminate, so there is nothing to
    // defer on this path.)
    fReadPending = false;
    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_DeferredStopClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_DeferredStopClient::externalMethod(uint32_t selector,
                                                          IOExternalMethodArguments *arguments,
                                                          IOExternalMethodDispatch *dispatch,
                                                          OSObject *target, void *reference)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kDeferredStopSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
