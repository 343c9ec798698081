//
//  Mystery.h
//  com.osxkernel.Mystery — the final challenge.
//
//  Only the header ships with this bundle; Mystery.cpp is withheld. The driver
//  is one of the strategies from the lessons, and this header is the same
//  whichever one it is. Find out by experiment, then type: answer STRATEGY.
//

#ifndef COM_OSXKERNEL_MYSTERY_H
#define COM_OSXKERNEL_MYSTERY_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>
#include <libkern/OSAtomic.h>

enum {
    kMysterySelectorPing = 0,
};

class com_osxkernel_MysteryDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_MysteryDriver)

    volatile SInt32 fClientCount;   // user clients currently started on us

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;

    // Called by com_osxkernel_MysteryClient::start / ::stop.
    void clientStarted(void);
    void clientStopped(void);
};

class com_osxkernel_MysteryClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_MysteryClient)

    com_osxkernel_MysteryDriver *fDriver;
    void *fReserved;

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

#endif // COM_OSXKERNEL_MYSTERY_H
