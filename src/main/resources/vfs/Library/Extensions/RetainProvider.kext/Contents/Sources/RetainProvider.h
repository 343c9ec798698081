//
//  RetainProvider.h
//  com.osxkernel.RetainProvider — the question's first attempt.
//
//  Identical to the stock driver except that every user client takes a
//  reference on the driver in start() and drops it in clientClose(), hoping
//  that "driver still referenced" means "driver cannot be unloaded".
//  It does not: IOKit termination never looks at retain counts.
//

#ifndef COM_OSXKERNEL_RETAINPROVIDER_H
#define COM_OSXKERNEL_RETAINPROVIDER_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>

enum {
    kRetainProviderSelectorPing = 0,
};

class com_osxkernel_RetainProviderDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_RetainProviderDriver)

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
};

class com_osxkernel_RetainProviderClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_RetainProviderClient)

    IOService *fRetainedProvider;   // the reference taken in start()

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

#endif // COM_OSXKERNEL_RETAINPROVIDER_H
