//
//  NoUserTerminate.h
//  com.osxkernel.NoUserTerminate — the stock driver, unchanged, in a bundle
//  whose Info.plist sets OSBundleAllowUserTerminate to false.
//

#ifndef COM_OSXKERNEL_NOUSERTERMINATE_H
#define COM_OSXKERNEL_NOUSERTERMINATE_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>

// Selectors understood by com_osxkernel_NoUserTerminateClient::externalMethod.
enum {
    kNoUserTerminateSelectorPing = 0,
};

class com_osxkernel_NoUserTerminateDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_NoUserTerminateDriver)

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
};

class com_osxkernel_NoUserTerminateClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_NoUserTerminateClient)

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

#endif // COM_OSXKERNEL_NOUSERTERMINATE_H
