//
//  PostponeTerminate.cpp
//  com.osxkernel.PostponeTerminate — "postpone terminate() to clientClose()".
//
//  Why it seems to work, and what it breaks (kextunload, two clients):
//
//   1. driver->terminate(0x3) is NOT vetoed: the driver is stock, so
//      IOService::terminatePhase1 marks it inactive and asks each client to
//      go: requestTerminate -> terminateClient(client, opts|kIOServiceRecursing)
//      -> our terminate(), which returns true WITHOUT calling super.
//   2. The recursing branch of terminatePhase1 therefore never runs for the
//      client, so it stays active. The default IOService::requestTerminate
//      reports "is the client inactive now?", i.e. false, and the phase-1
//      walk leaves the client out: its port is NOT destroyed
//      (IOUserClient::destroyUserReferences runs only for victims).
//   3. Phase 2 still reaches the client: IOService::didTerminate (default)
//      schedules client->stop(driver), and IOService::terminateWorker never
//      defers the stop of an ACTIVE client. So the clients are stopped and
//      detached, then the driver is stopped: the kernel log is the same six
//      lines as the stock driver. The driver's terminate() returns true.
//   4. IOCatalogue removes the personality, then OSKext::unload fails with
//      "classes have instances" (0xdc008018): the driver is leaked by our
//      retains, and both clients are alive, orphaned (no provider), with
//      working ports. kextunload "failed", which is what the question wanted,
//      but the driver behind the clients is already stopped.
//   5. Every later IOServiceClose() on such an orphan calls
//      super::terminate(kIOServiceSynchronous). IOService::scheduleTerminatePhase2
//      waits for our busy count to reach 0, which only happens in
//      IOService::detach from our last provider. We have none left, so the
//      caller waits the full 15 s and xnu-6153 logs
//      "...::terminate(kIOServiceSynchronous): THREAD_TIMED_OUT. Attempting to
//      auto-resolve your deadlock. PLEASE FIX!" (10.13.2-10.14.6: panic).
//   6. Even without kextunload, IOServiceClose() stalls the same way: we are
//      inside the close IPC, which holds a connect reference, so
//      IOUserClient::finalizeUserReferences holds back our finalize (and with
//      it stop and detach) until the IPC returns, after this synchronous
//      terminate gave up. Process death (clientDied) is not an IPC and does
//      not stall.
//

#include <IOKit/IOLib.h>
#include "PostponeTerminate.h"

// ===========================================================================
// com_osxkernel_PostponeTerminateDriver: exactly the stock driver.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_PostponeTerminateDriver, IOService)
#define super IOService

bool com_osxkernel_PostponeTerminateDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;
    registerService();
    return true;
}

void com_osxkernel_PostponeTerminateDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_PostponeTerminateDriver::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

#undef super

// ===========================================================================
// com_osxkernel_PostponeTerminateClient
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_PostponeTerminateClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_PostponeTerminateClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    myProvider = nullptr;
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_PostponeTerminateClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;
    provider->retain();
    myProvider = provider;
    return true;
}

void com_osxkernel_PostponeTerminateClient::stop(IOService *provider)
{
    // Still called during kextunload (point 3 above): an active client that
    // "refused" termination is stopped and detached all the same.
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_PostponeTerminateClient::terminate(IOOptionBits options)
{
    // The postponement: claim success, change nothing. Any caller of the
    // virtual terminate() is ignored, including our own provider's
    // terminatePhase1 (via terminateClient).
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return true;
}

IOReturn com_osxkernel_PostponeTerminateClient::clientClose(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);

    if (myProvider) {
        myProvider->release();
        myProvider = nullptr;
    }

    // The real termination, bypassing our own terminate() override. Being
    // synchronous, this waits for our stop()+detach(); see points 5 and 6
    // for why that wait runs into the 15 s limit when called from here.
    return super::terminate(kIOServiceSynchronous) ? kIOReturnSuccess : kIOReturnError;
}

IOReturn com_osxkernel_PostponeTerminateClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_PostponeTerminateClient::externalMethod(uint32_t selector,
                                                               IOExternalMethodArguments *arguments,
                                                               IOExternalMethodDispatch *dispatch,
                                                               OSObject *target, void *reference)
{
    // Still answers after kextunload (point 4): nothing here checks whether
    // the driver is stopped or whether we have a provider at all.
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kPostponeTerminateSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
