//
//  DeferredStop.h
//  com.osxkernel.DeferredStop — user clients that keep a read outstanding
//  and use didTerminate's *defer to hold back their stop() until that read
//  has been aborted.
//

#ifndef COM_OSXKERNEL_DEFERREDSTOP_H
#define COM_OSXKERNEL_DEFERREDSTOP_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>
#include <IOKit/IOTimerEventSource.h>

enum {
    kDeferredStopSelectorPing = 0,
};

// How long the (simulated) hardware takes to acknowledge an abort.
#define kDeferredStopAbortLatencyMS 2000

class com_osxkernel_DeferredStopDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_DeferredStopDriver)

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
};

class com_osxkernel_DeferredStopClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_DeferredStopClient)

    IOTimerEventSource *fReadTimer;        // fires when the pending read completes
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

#endif // COM_OSXKERNEL_DEFERREDSTOP_H
