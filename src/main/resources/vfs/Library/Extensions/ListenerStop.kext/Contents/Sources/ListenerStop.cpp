//
//  ListenerStop.cpp
//  com.osxkernel.ListenerStop — a module stop routine that fails while the
//  kext is still in use.
//
//  Module start installs a kauth file-operation listener. Each process that
//  opens the driver subscribes (its pid goes into a table) to the events the
//  listener collects. Nothing removes a pid when the process's connection
//  goes away: the listener keeps serving a subscriber until the process
//  itself is gone, which module stop checks with proc_find().
//
//  kextunload first terminates the services as usual (the driver and its
//  user clients go away, their classes reach zero instances), then
//  OSKext::unload calls the module stop routine. While a subscriber is still
//  running it returns KERN_FAILURE (5), and the kernel prints
//    Kext com.osxkernel.ListenerStop did not stop (return code 0x5).
//    Kext com.osxkernel.ListenerStop can't unload - module stop returned 0xdc008017.
//  kextunload fails with kOSKextReturnStartStopError. The kext stays loaded
//  and started, with no driver (its personalities were already removed).
//  Once the subscribed processes exit, the next kextunload succeeds. This is
//  a real lever on unload timing: only code, not IOKit objects, holds it.
//

#include <IOKit/IOLib.h>
#include <IOKit/IOLocks.h>
#include <sys/proc.h>
#include "ListenerStop.h"

// ===========================================================================
// Module globals and the kmod start/stop routines
// ===========================================================================

static kauth_listener_t gListener;
static IOLock *gLock;
static pid_t gSubscribers[kListenerStopMaxSubscribers];
static int gSubscriberCount;

static int ListenerStopCallback(kauth_cred_t credential, void *idata, kauth_action_t action,
                                uintptr_t arg0, uintptr_t arg1, uintptr_t arg2, uintptr_t arg3)
{
    // A real listener would queue the event for each subscriber here.
    return KAUTH_RESULT_DEFER;
}

kern_return_t ListenerStop_start(kmod_info_t *ki, void *data)
{
    gLock = IOLockAlloc();
    if (!gLock)
        return KERN_FAILURE;
    gSubscriberCount = 0;
    gListener = kauth_listen_scope(KAUTH_SCOPE_FILEOP, ListenerStopCallback, nullptr);
    return gListener ? KERN_SUCCESS : KERN_FAILURE;
}

// Drops the pids of processes that have exited; returns how many still run.
static int PruneSubscribers(void)
{
    int kept = 0;
    for (int i = 0; i < gSubscriberCount; i++) {
        proc_t p = proc_find(gSubscribers[i]);
        if (p) {
            proc_rele(p);
            gSubscribers[kept++] = gSubscribers[i];
        }
    }
    gSubscriberCount = kept;
    return kept;
}

kern_return_t ListenerStop_stop(kmod_info_t *ki, void *data)
{
    IOLockLock(gLock);
    int running = PruneSubscribers();
    IOLockUnlock(gLock);
    if (running > 0) {
        // Refuse: the listener still serves a running process. OSKext::stop
        // logs "did not stop (return code 0x5)" and the kext stays loaded.
        IOLog("ListenerStop_stop: %d subscriber(s) still running; keeping the listener\n", running);
        return KERN_FAILURE;
    }
    kauth_unlisten_scope(gListener);
    gListener = nullptr;
    IOLockFree(gLock);
    gLock = nullptr;
    return KERN_SUCCESS;
}

bool ListenerStopSubscribe(pid_t pid)
{
    bool ok = false;
    IOLockLock(gLock);
    if (gSubscriberCount < kListenerStopMaxSubscribers) {
        gSubscribers[gSubscriberCount++] = pid;
        ok = true;
    }
    IOLockUnlock(gLock);
    return ok;
}

// ===========================================================================
// com_osxkernel_ListenerStopDriver: the stock driver.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_ListenerStopDriver, IOService)
#define super IOService

bool com_osxkernel_ListenerStopDriver::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    if (!super::start(provider))
        return false;
    registerService();
    return true;
}

void com_osxkernel_ListenerStopDriver::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_ListenerStopDriver::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

#undef super

// ===========================================================================
// com_osxkernel_ListenerStopClient: the stock client, plus the subscription.
// ===========================================================================

OSDefineMetaClassAndStructors(com_osxkernel_ListenerStopClient, IOUserClient)
#define super IOUserClient

bool com_osxkernel_ListenerStopClient::initWithTask(task_t owningTask, void *securityID, UInt32 type)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    // IOServiceOpen runs in the opening process: proc_selfpid() is its pid.
    // The subscription outlives this client; only the process's exit ends it.
    if (!ListenerStopSubscribe(proc_selfpid()))
        return false;
    return super::initWithTask(owningTask, securityID, type);
}

bool com_osxkernel_ListenerStopClient::start(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::start(provider);
}

void com_osxkernel_ListenerStopClient::stop(IOService *provider)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    super::stop(provider);
}

bool com_osxkernel_ListenerStopClient::terminate(IOOptionBits options)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::terminate(options);
}

IOReturn com_osxkernel_ListenerStopClient::clientClose(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    terminate();
    return kIOReturnSuccess;
}

IOReturn com_osxkernel_ListenerStopClient::clientDied(void)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    return super::clientDied();
}

IOReturn com_osxkernel_ListenerStopClient::externalMethod(uint32_t selector,
                                                          IOExternalMethodArguments *arguments,
                                                          IOExternalMethodDispatch *dispatch,
                                                          OSObject *target, void *reference)
{
    IOLog("%s\n", __PRETTY_FUNCTION__);
    switch (selector) {
    case kListenerStopSelectorPing:
        return kIOReturnSuccess;
    default:
        return kIOReturnBadArgument;
    }
}
