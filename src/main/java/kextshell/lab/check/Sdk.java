package kextshell.lab.check;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kextshell.lab.ast.Ast;
import kextshell.lab.diag.Diagnostics;
import kextshell.lab.lex.Headers;
import kextshell.lab.lex.Lexer;
import kextshell.lab.parse.Parser;

/**
 * The slice of the 10.15 Kernel.framework a lab kext can see (lab reference §1, §2), written as
 * the C++ declarations themselves and parsed with the lab's own parser, so an override is
 * checked against the very signature the header declares. Each class and free name carries the
 * header feature that makes it visible (§2.7).
 */
public final class Sdk {
    private Sdk() {
    }

    private static final String CLASSES = """
            class OSObject : public OSMetaClassBase {
            public:
                virtual void retain() const;
                virtual void release() const;
                virtual int getRetainCount() const;
                virtual void free(void);
            };
            class OSIterator : public OSObject {
            public:
                virtual OSObject *getNextObject();
                virtual void reset();
                virtual bool isValid();
            };
            class OSDictionary : public OSObject { };
            class IORegistryEntry : public OSObject {
            public:
                virtual bool init(OSDictionary *dictionary = 0);
                virtual const char *getName(const IORegistryPlane *plane = 0) const;
            };
            class IOService : public IORegistryEntry {
            public:
                virtual bool init(OSDictionary *dictionary = 0);
                virtual void free(void);
                virtual IOService *probe(IOService *provider, SInt32 *score);
                virtual bool start(IOService *provider);
                virtual void stop(IOService *provider);
                virtual bool terminate(IOOptionBits options = 0);
                virtual bool requestTerminate(IOService *provider, IOOptionBits options);
                virtual bool willTerminate(IOService *provider, IOOptionBits options);
                virtual bool didTerminate(IOService *provider, IOOptionBits options, bool *defer);
                virtual bool finalize(IOOptionBits options);
                virtual IOReturn message(UInt32 type, IOService *provider, void *argument = 0);
                virtual bool handleOpen(IOService *forClient, IOOptionBits options, void *arg);
                virtual void handleClose(IOService *forClient, IOOptionBits options);
                virtual bool handleIsOpen(const IOService *forClient) const;
                virtual bool terminateClient(IOService *client, IOOptionBits options);
                virtual IOService *getProvider(void) const;
                virtual IOService *getClient(void) const;
                virtual OSIterator *getClientIterator(void) const;
                virtual OSIterator *getProviderIterator(void) const;
                bool isInactive(void) const;
                virtual IOOptionBits getState(void) const;
                virtual bool open(IOService *forClient, IOOptionBits options = 0, void *arg = 0);
                virtual void close(IOService *forClient, IOOptionBits options = 0);
                virtual bool isOpen(const IOService *forClient = 0) const;
                virtual void registerService(IOOptionBits options = 0);
                virtual IOReturn messageClients(UInt32 type, void *argument = 0, vm_size_t argSize = 0);
                virtual IOReturn messageClient(UInt32 messageType, OSObject *client, void *messageArgument = 0, vm_size_t argSize = 0);
                virtual IOWorkLoop *getWorkLoop() const;
                virtual UInt32 getBusyState(void);
            private:
                void scheduleStop(IOService *provider);
                bool terminatePhase1(IOOptionBits options = 0);
                void scheduleFinalize(bool now);
                void terminateWorker(IOOptionBits options);
            };
            class IOUserClient : public IOService {
            public:
                virtual bool initWithTask(task_t owningTask, void *securityID, UInt32 type, OSDictionary *properties);
                virtual bool initWithTask(task_t owningTask, void *securityID, UInt32 type);
                virtual IOReturn clientClose(void);
                virtual IOReturn clientDied(void);
                virtual IOReturn externalMethod(uint32_t selector, IOExternalMethodArguments *arguments, IOExternalMethodDispatch *dispatch = 0, OSObject *target = 0, void *reference = 0);
                virtual void free();
            };
            class IOUSBHostInterface : public IOService {
            public:
                virtual bool open(IOService *forClient, IOOptionBits options = 0, void *arg = 0);
                virtual void close(IOService *forClient, IOOptionBits options = 0);
            };
            class IOWorkLoop : public OSObject {
            public:
                virtual IOReturn addEventSource(IOEventSource *newEvent);
                virtual IOReturn removeEventSource(IOEventSource *toRemove);
            };
            class IOEventSource : public OSObject { };
            class IOTimerEventSource : public IOEventSource {
            public:
                virtual IOReturn setTimeoutMS(UInt32 ms);
                virtual void cancelTimeout();
            };
            class IOExternalMethodArguments : public OSMetaClassBase { };
            class IOExternalMethodDispatch : public OSMetaClassBase { };
            class IORegistryPlane : public OSMetaClassBase { };
            class OSString : public OSObject { };
            class OSArray : public OSObject { };
            class OSSet : public OSObject { };
            class IOMemoryDescriptor : public OSObject { };
            """;

    /** The header feature each kernel class needs to be named. */
    static final Map<String, String> CLASS_FEATURE = Map.ofEntries(
            Map.entry("OSObject", Headers.TYPES), Map.entry("OSIterator", Headers.TYPES),
            Map.entry("OSDictionary", Headers.TYPES), Map.entry("IORegistryEntry", Headers.IOSERVICE),
            Map.entry("IOService", Headers.IOSERVICE), Map.entry("IOUserClient", Headers.IOUSERCLIENT),
            Map.entry("IOUSBHostInterface", Headers.USB), Map.entry("IOWorkLoop", Headers.TYPES),
            Map.entry("IOEventSource", Headers.TIMER), Map.entry("IOTimerEventSource", Headers.TIMER),
            Map.entry("IOExternalMethodArguments", Headers.IOUSERCLIENT),
            Map.entry("IOExternalMethodDispatch", Headers.IOUSERCLIENT), Map.entry("IORegistryPlane", Headers.IOSERVICE),
            Map.entry("OSString", Headers.TYPES), Map.entry("OSArray", Headers.TYPES), Map.entry("OSSet", Headers.TYPES),
            Map.entry("IOMemoryDescriptor", Headers.IOSERVICE), Map.entry("OSMetaClassBase", Headers.TYPES));

    /** Kernel classes whose body (not just a forward declaration) needs a feature (§5.2 row 18). */
    static final Map<String, String> BODY_FEATURE = Map.of("IOWorkLoop", Headers.WORKLOOP);

    /** A free function: return type, parameter count range (-1 = varargs), and header feature. */
    public record Function(String ret, int minArgs, int maxArgs, String feature, List<String> params) {
    }

    static final Map<String, Function> FUNCTIONS = new LinkedHashMap<>();
    static final Map<String, Long> CONSTANTS = new LinkedHashMap<>();
    static final Map<String, String> CONSTANT_TYPES = new HashMap<>();
    static final Map<String, String> CONSTANT_FEATURE = new HashMap<>();

    static {
        fn("IOLog", "void", 1, -1, Headers.IOLIB, "const char *format");
        fn("IOSleep", "void", 1, 1, Headers.IOLIB, "unsigned milliseconds");
        fn("IODelay", "void", 1, 1, Headers.IOLIB, "unsigned microseconds");
        fn("OSIncrementAtomic", "SInt32", 1, 1, Headers.ATOMIC, "volatile SInt32 *address");
        fn("OSDecrementAtomic", "SInt32", 1, 1, Headers.ATOMIC, "volatile SInt32 *address");
        fn("OSKextRetainKextWithLoadTag", "OSReturn", 1, 1, Headers.KEXTLIB, "OSKextLoadTag loadTag");
        fn("OSKextReleaseKextWithLoadTag", "OSReturn", 1, 1, Headers.KEXTLIB, "OSKextLoadTag loadTag");
        fn("OSKextGetCurrentLoadTag", "OSKextLoadTag", 0, 0, Headers.KEXTLIB);
        for (String f : List.of("os_log", "os_log_info", "os_log_debug", "os_log_error", "os_log_fault")) {
            fn(f, "void", 2, -1, Headers.OSLOG, "os_log_t log", "const char *format");
        }
        fn("os_log_create", "os_log_t", 2, 2, Headers.OSLOG, "const char *subsystem", "const char *category");
        fn("OSSafeReleaseNULL", "void", 1, 1, Headers.TYPES, "OSObject *inst");
        konst("OS_LOG_DEFAULT", 0, "os_log_t", Headers.OSLOG);
        long[] ret = {0xE00002BCL, 0xE00002BDL, 0xE00002BEL, 0xE00002BFL, 0xE00002C0L, 0xE00002C1L, 0xE00002C2L};
        String[] retNames = {"Error", "NoMemory", "NoResources", "IPCError", "NoDevice", "NotPrivileged", "BadArgument"};
        for (int i = 0; i < ret.length; i++) {
            konst("kIOReturn" + retNames[i], ret[i], "IOReturn", Headers.TYPES);
        }
        konst("kIOReturnSuccess", 0, "IOReturn", Headers.TYPES);
        String[][] more = {{"ExclusiveAccess", "E00002C5"}, {"Unsupported", "E00002C7"}, {"NotOpen", "E00002CD"},
            {"StillOpen", "E00002D2"}, {"Busy", "E00002D5"}, {"Timeout", "E00002D6"}, {"Offline", "E00002D7"},
            {"NotReady", "E00002D8"}, {"NotAttached", "E00002D9"}, {"NotPermitted", "E00002E2"},
            {"NoCompletion", "E00002EA"}, {"Aborted", "E00002EB"}, {"NotFound", "E00002F0"}, {"Invalid", "E0000001"}};
        for (String[] m : more) {
            konst("kIOReturn" + m[0], Long.parseLong(m[1], 16), "IOReturn", Headers.TYPES);
        }
        String[][] msgs = {{"ServiceIsTerminated", "E0000010"}, {"ServiceIsSuspended", "E0000020"},
            {"ServiceIsResumed", "E0000030"}, {"ServiceIsRequestingClose", "E0000100"},
            {"ServiceIsAttemptingOpen", "E0000101"}, {"ServiceWasClosed", "E0000110"},
            {"ServiceBusyStateChange", "E0000120"}};
        for (String[] m : msgs) {
            konst("kIOMessage" + m[0], Long.parseLong(m[1], 16), "UInt32", Headers.TYPES);
        }
        String[][] opts = {{"kIOServiceRequired", "1"}, {"kIOServiceExclusive", "1"}, {"kIOServiceSeize", "1"},
            {"kIOServiceSynchronous", "2"}, {"kIOServiceTerminate", "4"}, {"kIOServiceAsynchronous", "8"},
            {"kIOServiceTerminateWithRematch", "10"}, {"kIOServiceInactiveState", "1"},
            {"kIOServiceRegisteredState", "2"}, {"kIOServiceMatchedState", "4"},
            {"kIOServiceFirstPublishState", "8"}, {"kIOServiceFirstMatchState", "10"}};
        for (String[] o : opts) {
            konst(o[0], Long.parseLong(o[1], 16), "IOOptionBits", Headers.IOSERVICE);
        }
        konst("kOSReturnSuccess", 0, "OSReturn", Headers.TYPES);
        konst("kOSReturnError", 0xDC000001L, "OSReturn", Headers.TYPES);
        konst("kOSKextReturnInvalidArgument", 0xDC008005L, "OSReturn", Headers.KEXTLIB);
        konst("kOSKextReturnNotFound", 0xDC008006L, "OSReturn", Headers.KEXTLIB);
        konst("kOSKextReturnLinkError", 0xDC008016L, "OSReturn", Headers.KEXTLIB);
        konst("kOSKextReturnInUse", 0xDC008018L, "OSReturn", Headers.KEXTLIB);
        konst("kOSKextInvalidLoadTag", 0xFFFFFFFFL, "OSKextLoadTag", Headers.KEXTLIB);
        konst("kIOExternalMethodScalarInputCountMax", 16, "int", Headers.IOUSERCLIENT);
    }

    private static void fn(String name, String ret, int min, int max, String feature, String... params) {
        FUNCTIONS.put(name, new Function(ret, min, max, feature, List.of(params)));
    }

    private static void konst(String name, long value, String type, String feature) {
        CONSTANTS.put(name, value);
        CONSTANT_TYPES.put(name, type);
        CONSTANT_FEATURE.put(name, feature);
    }

    public static long constant(String name) {
        return CONSTANTS.getOrDefault(name, 0L);
    }

    public static boolean isConstant(String name) {
        return CONSTANTS.containsKey(name);
    }

    private static Map<String, Ast.ClassDecl> classes;

    /** The kernel classes by name, parsed once. */
    public static synchronized Map<String, Ast.ClassDecl> classes() {
        if (classes == null) {
            Diagnostics d = new Diagnostics("<sdk>", CLASSES);
            Ast.Unit u = Parser.parse(Lexer.lex("<sdk>", CLASSES), d);
            if (d.errorCount() > 0) {
                throw new IllegalStateException("SDK declarations do not parse:\n" + d.render());
            }
            Map<String, Ast.ClassDecl> m = new HashMap<>();
            for (Ast.ClassDecl c : u.classes()) {
                m.put(c.name(), c);
            }
            classes = Map.copyOf(m);
        }
        return classes;
    }

    /** The typedef's underlying type, for clang's "(aka '...')". */
    public static final Map<String, String> AKA = Map.ofEntries(Map.entry("IOReturn", "int"),
            Map.entry("IOOptionBits", "unsigned int"), Map.entry("UInt32", "unsigned int"), Map.entry("SInt32", "int"),
            Map.entry("UInt64", "unsigned long long"), Map.entry("SInt64", "long long"),
            Map.entry("uint32_t", "unsigned int"), Map.entry("uint64_t", "unsigned long long"),
            Map.entry("int32_t", "int"), Map.entry("int64_t", "long long"), Map.entry("OSReturn", "int"),
            Map.entry("OSKextLoadTag", "unsigned int"), Map.entry("task_t", "task *"),
            Map.entry("vm_size_t", "unsigned long"), Map.entry("size_t", "unsigned long"),
            Map.entry("os_log_t", "os_log_s *"), Map.entry("UInt8", "unsigned char"),
            Map.entry("UInt16", "unsigned short"), Map.entry("uint8_t", "unsigned char"),
            Map.entry("uint16_t", "unsigned short"), Map.entry("IOByteCount", "unsigned long"));
}
