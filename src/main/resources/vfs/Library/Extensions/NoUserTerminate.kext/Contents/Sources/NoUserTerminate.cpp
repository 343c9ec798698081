//
//  NoUserTerminate.cpp
//  com.osxkernel.NoUserTerminate — stock code; the protection is in Info.plist.
//
//  From xnu-6153.101.6 (macOS 10.15.4) on, IOCatalogue::terminateDrivers
//  looks up the kext that owns each matching service's class
//  (getMetaClass()->getKext()) before terminating it. If that kext's
//  Info.plist has OSBundleAllowUserTerminate, the boolean decides; ours is
//  false, so the kernel logs
//      disallowing kextunload terminate for bundleID com.osxkernel.NoUserTerminate
//  and returns kIOReturnUnsupported (0xe00002c7) WITHOUT calling terminate():
//  none of the callbacks below run, clients are untouched, and this holds
//  whether or not anyone is connected. `kextunload -c` is refused the same
//  way. Provider termination is unaffected. Without the key, only the kernel
//  and bundle ids starting with "com.apple." are refused.
//
//  The code is the stock driver's; compare with driver.kext.
//

#include <IOKit/IOLib.h>
#include "NoUserTerminate.h"

// ===========================================================================
// com_osxkernel_NoUserTerminateDriver: matches IOResources (IOResourceMatch =
// IOKit), so one instance is created as soon as the kext's personality
// reaches the catalogue.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_NoUserTerminateDriver, IOService)
#define super IOService

bool com_osxkernel_NoUserTerminateDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;

    // Publish ourselves so IOServiceGetMatchingService() in user space can
    // find us and IOServiceOpen() can create a com_osxkernel_NoUserTerminateClient
    // (the IOUserClientClass key of our personality names that class; the
    // default IOService::newUserClient instantiates it).
    registerService();
    return true;
}

void com_osxkernel_NoUserTerminateDriver::stop(IOService *provider)
{
    // Reached last during kextunload: IOService::terminateWorker schedules
    // our finalize() only when our last client has detached (IOService::detach),
    // and the default finalize() is what queues this stop().
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_NoUserTerminateDriver::terminate(IOOptionBits options)
{
    // kextunload reaches us through IOCatalogue::terminateDrivers, which calls
    // terminate(kIOServiceRequired | kIOServiceSynchronous) on every service
    // whose properties carry our CFBundleIdentifier. Only this driver has it:
    // user clients are created by newUserClient without a personality.
    IOLog("%s\n", __PRETTY_FUNCTION__);

    // IOService::terminate -> terminatePhase1 marks us inactive, destroys the
    // user-space ports of every client, and asks each client to go too
    // (requestTerminate -> terminateClient -> client->terminate). Because the
    // options include kIOServiceSynchronous, this call returns only after our
    // own stop() and detach() have run.
    return super::terminate(options);
}

#undef super

// ===========================================================================
// com_osxkernel_NoUserTerminateClient: one per IOServiceOpen() on the driver.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_NoUserTerminateClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_NoUserTerminateClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    // Called by IOService::newUserClient (via the four-argument initWithTask)
    // while is_io_service_open_extended is handling IOServiceOpen().
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_NoUserTerminateClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    // We deliberately do not open() the driver: the default
    // IOService::handleOpen admits a single owner, and we want many clients.
    return super::start(provider);
}

void com_osxkernel_NoUserTerminateClient::stop(IOService *provider)
{
    // Runs from the stop list in IOService::terminateWorker, after our own
    // finalize(); followed at once by detach(provider) (IOService::actionStop).
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_NoUserTerminateClient::terminate(IOOptionBits options)
{
    // Two ways in:
    //  - from our own clientClose() below, with options == 0;
    //  - when the driver is terminated: IOService::terminatePhase1 on the
    //    driver calls our requestTerminate(driver), whose default calls
    //    driver->terminateClient(this, options | kIOServiceRecursing), which
    //    calls this virtual method. That is why the question's log shows the
    //    client terminates right after the driver's, before any stop().
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

IOReturn com_osxkernel_NoUserTerminateClient::clientClose(void)
{
    // User space called IOServiceClose() (is_io_service_close), or the task
    // died and clientDied() forwarded here. NOT called when the driver is
    // terminated under us: terminatePhase1 destroys our port instead
    // (IOUserClient::destroyUserReferences), so no close can ever arrive.
    IOLog("%s\n", __PRETTY_FUNCTION__);

    // As in Apple's SimpleUserClient: tear ourselves down and do not call
    // super, because IOUserClient::clientClose only returns
    // kIOReturnUnsupported. Without this terminate() the closed client would
    // stay attached to the driver until the driver itself went away.
    // Asynchronous on purpose: we are inside the close IPC.
    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_NoUserTerminateClient::clientDied(void)
{
    // The last send right to our connection went away (process exit, kill -9):
    // iokit_client_died -> IOMachPort::noMoreSendersForObject -> here. The
    // default calls clientClose() unless the client was already closed.
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_NoUserTerminateClient::externalMethod(uint32_t selector,
                                                    IOExternalMethodArguments *arguments,
                                                    IOExternalMethodDispatch *dispatch,
                                                    OSObject *target, void *reference)
{
    // IOConnectCallMethod() lands here through is_io_connect_method.
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kNoUserTerminateSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
