//
//  KextRetain.h
//  com.osxkernel.KextRetain — hold a reference on our own OSKext (not on any
//  IOService) while user clients exist.
//

#ifndef COM_OSXKERNEL_KEXTRETAIN_H
#define COM_OSXKERNEL_KEXTRETAIN_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>
#include <libkern/OSAtomic.h>
#include <libkern/OSKextLib.h>

enum {
    kKextRetainSelectorPing = 0,
};

class com_osxkernel_KextRetainDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_KextRetainDriver)

    volatile SInt32 fClientCount;   // user clients currently started on us

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;

    // Called by com_osxkernel_KextRetainClient::start / ::stop.
    void clientStarted(void);
    void clientStopped(void);
};

class com_osxkernel_KextRetainClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_KextRetainClient)

    com_osxkernel_KextRetainDriver *fDriver;

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

#endif // COM_OSXKERNEL_KEXTRETAIN_H
