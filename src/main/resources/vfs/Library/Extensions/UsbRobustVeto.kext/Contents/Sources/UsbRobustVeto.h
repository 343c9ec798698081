//
//  UsbRobustVeto.h
//  com.osxkernel.usb.RobustVeto — RobustVeto's discriminator in a USB
//  interface driver (device 05ac:1236, configuration 1, interface 0).
//

#ifndef COM_OSXKERNEL_USBROBUSTVETO_H
#define COM_OSXKERNEL_USBROBUSTVETO_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>
#include <IOKit/usb/IOUSBHostInterface.h>
#include <libkern/OSAtomic.h>

// From xnu's private iokit/Kernel/IOServicePrivate.h (not in the Kernel.framework
// SDK). The default IOService::requestTerminate ORs it into the options it
// hands to terminateClient() -> terminate() when a PROVIDER is terminating.
// Its value is the same in every xnu from 3789 to 11417.
#ifndef kIOServiceRecursing
#define kIOServiceRecursing 0x00100000
#endif

enum {
    kUsbRobustVetoSelectorPing = 0,
};

class com_osxkernel_UsbRobustVetoDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_UsbRobustVetoDriver)

    IOUSBHostInterface *fInterface;    // our provider, opened in start()
    volatile SInt32     fClientCount;  // user clients currently started on us

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
    bool didTerminate(IOService *provider, IOOptionBits options, bool *defer) override;

    // Called by com_osxkernel_UsbRobustVetoClient::start / ::stop.
    void clientStarted(void);
    void clientStopped(void);
};

class com_osxkernel_UsbRobustVetoClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_UsbRobustVetoClient)

    com_osxkernel_UsbRobustVetoDriver *fDriver;

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

#endif // COM_OSXKERNEL_USBROBUSTVETO_H
