package kextshell.tools.ioreg;

import kextshell.tools.plist.CFShow;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import kextshell.kernel.IOOptions;
import kextshell.kernel.IORegistryEntry;
import kextshell.kernel.IOService;
import kextshell.kernel.Kernel;

/**
 * The text output of ioreg: {@code scan}, {@code search}, {@code show}, {@code showitem},
 * {@code indent}, {@code compare} and {@code printProp} of IOKitTools ioreg.c (IOKitTools-112, 10.15),
 * step for step, over the kernel model instead of Mach ports.
 */
public final class Ioreg {
    /** A fatal {@code assertion_fatal}: "ioreg: error: %s." on stderr, exit 1. */
    public static final class Fatal extends RuntimeException {
        private static final long serialVersionUID = 1L;

        Fatal(String message) {
            super(message);
        }
    }

    private final IoregOptions options;
    private final IoregPrinter out;

    Ioreg(IoregOptions options, IoregPrinter out) {
        this.options = options;
        this.out = out;
    }

    // ------------------------------------------------------------------ registry access

    /**
     * IORegistryEntryGetChildIterator: an unknown plane name fails (kIOReturnBadArgument), which
     * makes scan print nothing at all; the known planes all start at Root.
     */
    public static List<IORegistryEntry> children(IORegistryEntry entry, String plane) {
        if (!Kernel.isRegistryPlane(plane)) {
            return null;
        }
        return new ArrayList<>(entry.getChildEntries(plane));
    }

    /** _IOObjectConformsTo(service, "IOService"): the state and busy parts are IOService-only. */
    public static boolean isService(IORegistryEntry entry) {
        return entry instanceof IOService && entry.getMetaClass().conformsTo("IOService");
    }

    // ------------------------------------------------------------------ walking

    /** scan(): the whole (sub)tree, each entry via show(). */
    public void scan(IORegistryEntry service, boolean hasMoreSiblings, int serviceDepth, long stackOfBits) {
        List<IORegistryEntry> kids = children(service, options.plane);
        if (kids == null) {
            return;
        }
        Iterator<IORegistryEntry> it = kids.iterator();
        boolean hasChild = it.hasNext();
        // Save has-more-siblings state into stackOfBits for this depth. The C shifts an int
        // (1 << serviceDepth) and widens it; Java's int shift does the same.
        if (hasMoreSiblings) {
            stackOfBits |= bit(1, serviceDepth);
        } else {
            stackOfBits &= ~bit(1, serviceDepth);
        }
        if (options.descendBelow(serviceDepth)) {
            if (hasChild) {
                stackOfBits |= bit(2, serviceDepth);
            } else {
                stackOfBits &= ~bit(2, serviceDepth);
            }
        }
        show(service, serviceDepth, stackOfBits);
        if (options.descendBelow(serviceDepth)) {
            while (it.hasNext()) {
                IORegistryEntry child = it.next();
                scan(child, it.hasNext(), serviceDepth + 1, stackOfBits);
            }
        }
    }

    /** search(): with -r, every match starts its own tree, followed by an empty line. */
    public void search(IORegistryEntry service, int hasMatchedDepth, int serviceDepth, IORegistryEntry[] stackOfObjects) {
        if (Integer.compareUnsigned(hasMatchedDepth, serviceDepth + 1) < 0 && compare(service, options)) {
            hasMatchedDepth = options.depth != 0 ? serviceDepth + options.depth : -1; // UINT32_MAX
            if (options.tree) {
                for (int index = 0; index < serviceDepth; index++) {
                    show(stackOfObjects[index], index, bit(2, index));
                }
                int saved = options.depth;
                if (options.depth != 0) {
                    options.depth += serviceDepth;
                }
                scan(service, false, serviceDepth, 0);
                options.depth = saved;
            } else {
                scan(service, false, 0, 0);
            }
            out.println("");
        }
        if (serviceDepth >= stackOfObjects.length) {
            // io_registry_entry_t stackOfObjects[64] in the C; the model never gets this deep.
            throw new Fatal("registry deeper than 64 levels");
        }
        stackOfObjects[serviceDepth] = service;
        List<IORegistryEntry> kids = children(service, options.plane);
        if (kids != null) {
            for (IORegistryEntry child : kids) {
                search(child, hasMatchedDepth, serviceDepth + 1, stackOfObjects);
            }
        }
    }

    public static long bit(int one, int index) {
        return one << index;
    }

    // ------------------------------------------------------------------ matching

    /** compare(): each given criterion must hold; with none given nothing matches. */
    public static boolean compare(IORegistryEntry service, IoregOptions options) {
        boolean match = false;
        if (options.className != null) {
            // IOKitTools-112 (10.15): plain _IOObjectConformsTo; the IOUserClasses check came in 122.
            if (!service.getMetaClass().conformsTo(options.className)) {
                return false;
            }
            match = true;
        }
        if (options.key != null) {
            if (service.getPropertyTable().get(options.key) == null) {
                return false;
            }
            match = true;
        }
        if (options.name != null) {
            String name = service.getName();
            if (options.name.indexOf('@') >= 0) {
                name += "@";
                if (service.getLocation() != null) {
                    name += service.getLocation();
                }
            }
            if (!options.name.equals(name)) {
                return false;
            }
            match = true;
        }
        return match;
    }

    // ------------------------------------------------------------------ one entry

    /** show(): the entry line, then the property block if -l or the entry matches. */
    public void show(IORegistryEntry service, int serviceDepth, long stackOfBits) {
        indent(true, serviceDepth, stackOfBits);
        // -b: boldon()/boldoff() write termcap "md"/"me" for $TERM; kextshell sets no TERM, so
        // boldinit() finds no strings and the name prints plain (see IoregCommand).
        out.print(service.getName());
        if (service.getLocation() != null) {
            out.print("@" + service.getLocation());
        }
        out.print("  <class ");
        out.print(options.inheritance ? service.getMetaClass().inheritance() : service.getMetaClass().getClassName());
        out.print(", id 0x" + Long.toHexString(service.getRegistryEntryID()));
        if (isService(service)) {
            IOService s = (IOService) service;
            int state = s.getState();
            out.print(", " + ((state & IOOptions.kIOServiceRegisteredState) != 0 ? "" : "!") + "registered, "
                    + ((state & IOOptions.kIOServiceMatchedState) != 0 ? "" : "!") + "matched, "
                    + ((state & IOOptions.kIOServiceInactiveState) != 0 ? "in" : "") + "active");
            out.print(", busy " + Integer.toUnsignedString(s.getBusyState()));
            long busyTime = s.getAccumulatedBusyTime();
            if (busyTime != 0) {
                out.print(" (" + busyTime / 1_000_000L + " ms)");
            }
        }
        out.print(", retain " + Integer.toUnsignedString(retainSeenByIoreg(service)));
        out.println(">");

        if (options.list || compare(service, options)) {
            indent(false, serviceDepth, stackOfBits);
            out.println("{");
            for (Map.Entry<String, Object> e : service.getPropertyTable().entrySet()) {
                showItem(e.getKey(), e.getValue(), service, serviceDepth, stackOfBits);
            }
            indent(false, serviceDepth, stackOfBits);
            out.println("}");
            indent(false, serviceDepth, stackOfBits);
            out.println("");
        }
    }

    private void showItem(String key, Object value, IORegistryEntry service, int serviceDepth, long stackOfBits) {
        indent(false, serviceDepth, stackOfBits);
        out.print("  ");
        out.print(CFShow.show(key, options.hex));
        out.print(" = ");
        if (options.format) {
            new IoregFormat(options, out, this, serviceDepth, stackOfBits).printProp(key, value);
        } else {
            out.print(CFShow.show(value, options.hex));
            out.println("");
        }
    }

    /**
     * indent(): bit n+1 says depth n has children to print; bits 0..n say depth i has more
     * siblings. Entry lines draw columns 0..depth-1 then "+-o "; property lines draw 0..depth+1.
     */
    public void indent(boolean isNode, int serviceDepth, long stackOfBits) {
        StringBuilder b = new StringBuilder();
        if (isNode) {
            for (int index = 0; Integer.compareUnsigned(index, serviceDepth) < 0; index++) {
                b.append((stackOfBits & bit(1, index)) != 0 ? "| " : "  ");
            }
            b.append("+-o ");
        } else {
            for (int index = 0; Integer.compareUnsigned(index, serviceDepth + 1) <= 0; index++) {
                b.append((stackOfBits & bit(1, index)) != 0 ? "| " : "  ");
            }
        }
        out.print(b.toString());
    }

    /**
     * IOObjectGetKernelRetainCount reads the count while ioreg holds the entry's io_registry_entry_t,
     * whose IOMachPort retains the object (+1). Every entry but Root also reached ioreg through
     * IOIteratorNext on its parent's child iterator, and "the entry returned is retained while
     * the iterator is pointing at it" (IORegistryEntry.h, IORegistryIterator::getNextObjectFlat):
     * +1 more, which is why a connected user client reads retain 4 rather than 3.
     */
    public static int retainSeenByIoreg(IORegistryEntry entry) {
        return entry.getRetainCount() + 1 + (entry.getParentEntry() == null ? 0 : 1);
    }
}
