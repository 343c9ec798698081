//
//  NaiveVeto.h
//  com.osxkernel.NaiveVeto — the accepted answer, taken literally:
//  the driver's terminate() returns false whenever user clients exist.
//

#ifndef COM_OSXKERNEL_NAIVEVETO_H
#define COM_OSXKERNEL_NAIVEVETO_H

#include <IOKit/IOService.h>
#include <IOKit/IOUserClient.h>
#include <libkern/OSAtomic.h>

enum {
    kNaiveVetoSelectorPing = 0,
};

class com_osxkernel_NaiveVetoDriver : public IOService
{
    OSDeclareDefaultStructors(com_osxkernel_NaiveVetoDriver)

    volatile SInt32 fClientCount;   // user clients currently started on us

public:
    bool start(IOService *provider) override;
    void stop(IOService *provider) override;
    bool terminate(IOOptionBits options = 0) override;

    // Called by com_osxkernel_NaiveVetoClient::start / ::stop.
    void clientStarted(void);
    void clientStopped(void);
};

class com_osxkernel_NaiveVetoClient : public IOUserClient
{
    OSDeclareDefaultStructors(com_osxkernel_NaiveVetoClient)

    com_osxkernel_NaiveVetoDriver *fDriver;

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

#endif // COM_OSXKERNEL_NAIVEVETO_H
