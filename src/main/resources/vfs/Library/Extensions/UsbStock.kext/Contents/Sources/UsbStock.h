//
//  UsbStock.h
//  com.osxkernel.usb.Stock — the stock driver as a USB interface driver.
//
//  Matches the emulated IOUSBHostInterface of device 05ac:1234
//  (configuration 1, interface 0). Same logging as com.osxkernel.driver,
//  plus the open/close of the interface that every real USB driver does.
//

#ifndef COM_OSXKERNEL_USBSTOCK_H
#define COM_OSXKERNEL_USBSTOCK_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>
#include <IOKit/usb/IOUSBHostInterface.h>

enum {
    kUsbStockSelectorPing = 0,
};

class com_osxkernel_UsbStockDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_UsbStockDriver)

    IOUSBHostInterface *fInterface;   // our provider, opened in start()

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;
    bool didTerminate(IOService *provider, IOOptionBits options, bool *defer) override;
};

class com_osxkernel_UsbStockClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_UsbStockClient)

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

#endif // COM_OSXKERNEL_USBSTOCK_H
