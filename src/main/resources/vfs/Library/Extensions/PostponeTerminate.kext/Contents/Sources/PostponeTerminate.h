//
//  PostponeTerminate.h
//  com.osxkernel.PostponeTerminate — the question's workaround.
//
//  The user client's terminate() reports success without doing anything,
//  and the real IOService::terminate is called later, synchronously, from
//  clientClose(). The client also keeps the retain/release pair of the
//  first attempt (see RetainProvider).
//

#ifndef COM_OSXKERNEL_POSTPONETERMINATE_H
#define COM_OSXKERNEL_POSTPONETERMINATE_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>

enum {
    kPostponeTerminateSelectorPing = 0,
};

class com_osxkernel_PostponeTerminateDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_PostponeTerminateDriver)

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
};

class com_osxkernel_PostponeTerminateClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_PostponeTerminateClient)

    IOService *myProvider;          // retained in start(), released in clientClose()

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

#endif // COM_OSXKERNEL_POSTPONETERMINATE_H
