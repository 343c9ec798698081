//
//  UsbNaiveVeto.h
//  com.osxkernel.usb.NaiveVeto — NaiveVeto as a USB interface driver
//  (device 05ac:1235, configuration 1, interface 0).
//

#ifndef COM_OSXKERNEL_USBNAIVEVETO_H
#define COM_OSXKERNEL_USBNAIVEVETO_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>
#include <IOKit/usb/IOUSBHostInterface.h>
#include <libkern/OSAtomic.h>

enum {
    kUsbNaiveVetoSelectorPing = 0,
};

class com_osxkernel_UsbNaiveVetoDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_UsbNaiveVetoDriver)

    IOUSBHostInterface *fInterface;    // our provider, opened in start()
    volatile SInt32     fClientCount;  // user clients currently started on us

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
    bool didTerminate(IOService *provider, IOOptionBits options, bool *defer) override;

    // Called by com_osxkernel_UsbNaiveVetoClient::start / ::stop.
    void clientStarted(void);
    void clientStopped(void);
};

class com_osxkernel_UsbNaiveVetoClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_UsbNaiveVetoClient)

    com_osxkernel_UsbNaiveVetoDriver *fDriver;

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

#endif // COM_OSXKERNEL_USBNAIVEVETO_H
