//
//  ListenerStop.h
//  com.osxkernel.ListenerStop — a kauth listener that serves the processes
//  which opened the driver, and a module stop routine that refuses to remove
//  it while one of them is still running.
//

#ifndef COM_OSXKERNEL_LISTENERSTOP_H
#define COM_OSXKERNEL_LISTENERSTOP_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>
#include <sys/kauth.h>

enum {
    kListenerStopSelectorPing = 0,
    kListenerStopMaxSubscribers = 16,
};

// The kext's globals, shared by the module routines and the classes below.
// Module start/stop are named in the target's build settings:
// MODULE_START = ListenerStop_start, MODULE_STOP = ListenerStop_stop.
extern "C" {
kern_return_t ListenerStop_start(kmod_info_t *ki, void *data);
kern_return_t ListenerStop_stop(kmod_info_t *ki, void *data);
}

// Called by com_osxkernel_ListenerStopClient::initWithTask.
bool ListenerStopSubscribe(pid_t pid);

class com_osxkernel_ListenerStopDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_ListenerStopDriver)

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
};

class com_osxkernel_ListenerStopClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_ListenerStopClient)

public:
    bool initWithTask(task_t owningTask, void *securityID, UInt32 type) override;
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;

    IOReturn clientClose(void) override;
    IOReturn clientDied(void) override;

    IOReturn externalMethod(uint32_t selector, IOExternalMethodArguments *arguments,
                            IOExternalMethodDispatch *dispatch, OSObject *target,
                            void *reference) override;
};

#endif // COM_OSXKERNEL_LISTENERSTOP_H
