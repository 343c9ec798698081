package kextshell.tools.ioreg;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kextshell.kernel.IORegistryEntry;
import kextshell.kernel.IOService;

/** ioreg -a: {@code archive}, {@code archive_scan} and {@code archive_search} of IOKitTools ioreg.c. */
public final class IoregArchive {
    private final IoregOptions options;

    IoregArchive(IoregOptions options) {
        this.options = options;
    }

    /** archive(): the properties (if -l or a match), then the entry's own keys. */
    public Map<String, Object> archive(IORegistryEntry service) {
        Map<String, Object> dictionary = new LinkedHashMap<>();
        if (options.list || Ioreg.compare(service, options)) {
            for (Map.Entry<String, Object> e : service.getPropertyTable().entrySet()) {
                dictionary.put(e.getKey(), replaceSets(e.getValue()));
            }
        }
        dictionary.put("IORegistryEntryName", service.getName());
        if (service.getLocation() != null) {
            dictionary.put("IORegistryEntryLocation", service.getLocation());
        }
        dictionary.put("IORegistryEntryID", service.getRegistryEntryID());
        dictionary.put("IOObjectClass", service.getMetaClass().getClassName());
        // IOObjectInheritance (with -i) only from IOKitTools-114.40.1: not in 10.15's ioreg.
        dictionary.put("IOObjectRetainCount", (long) Ioreg.retainSeenByIoreg(service));
        if (Ioreg.isService(service)) {
            IOService s = (IOService) service;
            // IOServiceGetBusyStateAndTime: state is the __state[0] word.
            dictionary.put("IOServiceState", Integer.toUnsignedLong(s.getState()));
            dictionary.put("IOServiceBusyState", (long) s.getBusyState());
            dictionary.put("IOServiceBusyTime", s.getAccumulatedBusyTime());
        }
        return dictionary;
    }

    /** archive_scan(): null when the plane has no child iterator (unknown plane). */
    public Map<String, Object> archiveScan(IORegistryEntry service, int serviceDepth) {
        List<IORegistryEntry> kids = Ioreg.children(service, options.plane);
        if (kids == null) {
            return null;
        }
        Map<String, Object> dictionary = archive(service);
        if (options.descendBelow(serviceDepth) && !kids.isEmpty()) {
            List<Object> array = new ArrayList<>();
            for (IORegistryEntry child : kids) {
                Map<String, Object> object = archiveScan(child, serviceDepth + 1);
                if (object == null) {
                    throw new Ioreg.Fatal("can't obtain child");
                }
                array.add(object);
            }
            dictionary.put("IORegistryEntryChildren", array);
        }
        return dictionary;
    }

    /** archive_search(): the matched subtrees, each wrapped in its ancestors with -t; null if none. */
    public List<Object> archiveSearch(IORegistryEntry service, int hasMatchedDepth, int serviceDepth,
            IORegistryEntry[] stackOfObjects) {
        List<Object> array = null;
        if (Integer.compareUnsigned(hasMatchedDepth, serviceDepth + 1) < 0 && Ioreg.compare(service, options)) {
            hasMatchedDepth = options.depth != 0 ? serviceDepth + options.depth : -1;
            Map<String, Object> dictionary;
            if (options.tree) {
                int saved = options.depth;
                if (options.depth != 0) {
                    options.depth += serviceDepth;
                }
                dictionary = archiveScan(service, serviceDepth);
                options.depth = saved;
                for (int index = serviceDepth; index > 0; index--) {
                    Map<String, Object> parent = archive(stackOfObjects[index - 1]);
                    // CFDictionarySetValue with a dictionary, not an array: the real tool does this.
                    parent.put("IORegistryEntryChildren", dictionary);
                    dictionary = parent;
                }
            } else {
                dictionary = archiveScan(service, 0);
            }
            array = new ArrayList<>();
            array.add(dictionary);
        }
        if (serviceDepth >= stackOfObjects.length) {
            throw new Ioreg.Fatal("registry deeper than 64 levels");
        }
        stackOfObjects[serviceDepth] = service;
        List<IORegistryEntry> kids = Ioreg.children(service, options.plane);
        if (kids != null) {
            for (IORegistryEntry child : kids) {
                List<Object> array2 = archiveSearch(child, hasMatchedDepth, serviceDepth + 1, stackOfObjects);
                if (array2 != null) {
                    if (array != null) {
                        array.addAll(array2);
                    } else {
                        array = array2;
                    }
                }
            }
        }
        return array;
    }

    /** replaceNestedSetsWithArrays(): CF plists have no sets. */
    private static Object replaceSets(Object value) {
        if (value instanceof Set<?> set) {
            List<Object> list = new ArrayList<>();
            for (Object o : set) {
                list.add(replaceSets(o));
            }
            return list;
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            for (Object o : list) {
                copy.add(replaceSets(o));
            }
            return copy;
        }
        if (value instanceof Map<?, ?> map) {
            Map<Object, Object> copy = new LinkedHashMap<>();
            for (Map.Entry<?, ?> e : map.entrySet()) {
                copy.put(e.getKey(), replaceSets(e.getValue()));
            }
            return copy;
        }
        return value;
    }
}
