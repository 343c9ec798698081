package kextshell.lab.lex;

import java.util.Map;
import java.util.Set;

/**
 * The system headers a kext may include and what each makes visible (lab reference §2.7, from a
 * walk of xnu-6153.141.1's include graph). A feature names a group of kernel names; the checker
 * resolves an identifier only if a unit's includes bring its feature.
 */
public final class Headers {
    private Headers() {
    }

    public static final String IOSERVICE = "IOService";
    public static final String IOUSERCLIENT = "IOUserClient";
    public static final String IOLIB = "IOLib";
    public static final String ATOMIC = "OSAtomic";
    public static final String KEXTLIB = "OSKextLib";
    public static final String OSLOG = "os_log";
    public static final String TIMER = "IOTimerEventSource";
    public static final String WORKLOOP = "IOWorkLoop";
    public static final String USB = "IOUSBHostInterface";
    public static final String TYPES = "IOTypes";

    static final Map<String, Set<String>> SYSTEM = Map.ofEntries(
            Map.entry("IOKit/IOService.h", Set.of(IOSERVICE, TYPES)),
            Map.entry("IOKit/IOUserClient.h", Set.of(IOSERVICE, IOUSERCLIENT, TYPES)),
            Map.entry("IOKit/IOLib.h", Set.of(IOLIB, ATOMIC, TYPES)),
            Map.entry("libkern/OSAtomic.h", Set.of(ATOMIC, TYPES)),
            Map.entry("libkern/OSKextLib.h", Set.of(KEXTLIB, TYPES)),
            Map.entry("os/log.h", Set.of(OSLOG, TYPES)),
            Map.entry("IOKit/IOTimerEventSource.h", Set.of(TIMER, WORKLOOP, IOLIB, ATOMIC, IOSERVICE, TYPES)),
            Map.entry("IOKit/IOWorkLoop.h", Set.of(WORKLOOP, TYPES)),
            Map.entry("IOKit/IOMessage.h", Set.of(TYPES)),
            Map.entry("IOKit/IOReturn.h", Set.of(TYPES)),
            Map.entry("IOKit/IOTypes.h", Set.of(TYPES)),
            Map.entry("libkern/c++/OSObject.h", Set.of(TYPES)),
            Map.entry("libkern/c++/OSMetaClass.h", Set.of(TYPES)),
            Map.entry("libkern/c++/OSIterator.h", Set.of(TYPES)),
            Map.entry("IOKit/usb/IOUSBHostInterface.h", Set.of(USB, IOSERVICE, TYPES)));

    /** The features a system header brings, or null if the lab does not know it. */
    public static Set<String> system(String path) {
        return SYSTEM.get(path);
    }
}
