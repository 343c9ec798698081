//
//  driver.h
//  com.osxkernel.driver — the stock demo driver from the kextunload question.
//
//  One IOService driver that attaches to IOResources, plus one IOUserClient
//  per user-space connection. Every callback we override only logs its name
//  and then does exactly what the superclass would have done; the log is the
//  point. During `kextunload` with two clients connected it produces:
//
//      com_osxkernel_driver::terminate
//      com_osxkernel_driverClient::terminate   (x2)
//      com_osxkernel_driverClient::stop        (x2)
//      com_osxkernel_driver::stop
//

#ifndef COM_OSXKERNEL_DRIVER_H
#define COM_OSXKERNEL_DRIVER_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>

// Selectors understood by com_osxkernel_driverClient::externalMethod.
enum {
    kDriverSelectorPing = 0,
};

class com_osxkernel_driver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_driver)

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
};

class com_osxkernel_driverClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_driverClient)

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

#endif // COM_OSXKERNEL_DRIVER_H
