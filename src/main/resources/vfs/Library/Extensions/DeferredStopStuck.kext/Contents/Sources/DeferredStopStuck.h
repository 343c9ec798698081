//
//  DeferredStopStuck.h
//  com.osxkernel.DeferredStopStuck — DeferredStop with one bug: on
//  termination the client defers its stop() but never aborts its read,
//  and the (simulated) device never answers it.
//

#ifndef COM_OSXKERNEL_DEFERREDSTOPSTUCK_H
#define COM_OSXKERNEL_DEFERREDSTOPSTUCK_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>
#include <IOKit/IOTimerEventSource.h>

enum {
    kDeferredStopStuckSelectorPing = 0,
};

class com_osxkernel_DeferredStopStuckDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_DeferredStopStuckDriver)

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
};

class com_osxkernel_DeferredStopStuckClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_DeferredStopStuckClient)

    IOTimerEventSource *fReadTimer;        // would fire when the pending read completes
    bool                fReadPending;      // a read is in flight
    IOService          *fDeferredProvider; // non-NULL while our stop() is deferred
    IOOptionBits        fDeferredOptions;

    void readCompleted(IOTimerEventSource *sender);

public:
    bool initWithTask(task_t owningTask, void *securityID, UInt32 type) override;
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
    bool didTerminate(IOService *provider, IOOptionBits options, bool *defer) override;

    IOReturn clientClose(void) override;
    IOReturn clientDied(void) override;

    IOReturn externalMethod(uint32_t selector, IOExternalMethodArguments *arguments,
                            IOExternalMethodDispatch *dispatch, OSObject *target,
                            void *reference) override;
};

#endif // COM_OSXKERNEL_DEFERREDSTOPSTUCK_H
