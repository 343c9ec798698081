package kextshell.kernel;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The part of the (closed-source) USB host family the model plays when a device is plugged into
 * the xHCI controller: the port enumerates one IOUSBHostDevice, which publishes its
 * IOUSBHostInterface nubs for function drivers to match (10.15 SDK IOUSBHostFamily.h,
 * "Architecture"; tools-fidelity.md §6.8). A device never hangs directly under the controller.
 */
public final class IOUSBHostFamily {
    /** The xHCI ports kextshell's `device` may use (HS01..HS14; HS15 holds the T2 at boot). */
    public static final int USER_PORTS = 14;

    private IOUSBHostFamily() {
    }

    /** The controller's port HSnn (AppleUSB20XHCIPort), or null. */
    public static IOService port(Kernel k, int n) {
        String name = String.format("HS%02d", n);
        for (IORegistryEntry e : k.usbController().getChildEntries()) {
            if (e instanceof IOService s && name.equals(s.getName())) {
                return s;
            }
        }
        return null;
    }

    /**
     * A device arrives on {@code port}: an IOUSBHostDevice named {@code name} at the port's
     * location, registered, then its interface 0 (IOUSBHostInterface "{@code name}@0") with the
     * device's idVendor/idProduct, registered so that function drivers match it. Returns the
     * interface; the registry links hold both objects.
     */
    public static IOService enumerate(Kernel k, IOService port, String name, long idVendor, long idProduct) {
        Map<String, Object> dp = new LinkedHashMap<>();
        dp.put("idVendor", idVendor);
        dp.put("idProduct", idProduct);
        dp.put("USB Product Name", name);
        dp.put("locationID", Long.parseLong(port.getLocation(), 16));
        dp.put("bDeviceClass", 0L);
        IOService device = nub(k, "IOUSBHostDevice", name, port.getLocation(), dp, port);
        if (device == null) {
            return null;
        }
        device.registerService();
        Map<String, Object> ip = new LinkedHashMap<>();
        ip.put("idVendor", idVendor);
        ip.put("idProduct", idProduct);
        ip.put("bConfigurationValue", 1L);
        ip.put("bInterfaceNumber", 0L);
        IOService iface = nub(k, "IOUSBHostInterface", name, "0", ip, device);
        if (iface == null) {
            return null;
        }
        iface.registerService();
        k.settle();
        return iface;
    }

    private static IOService nub(Kernel k, String cls, String name, String location, Map<String, Object> props,
            IOService provider) {
        IOService s = (IOService) k.metaClassNamed(cls).alloc();
        s.init(props);
        s.setName(name);
        s.setLocation(location);
        if (!s.attach(provider)) {
            s.release();
            return null;
        }
        // The registry link holds the nub now; drop the alloc reference as the family does.
        s.release();
        return s;
    }

    /** The interfaces of the devices on the user ports, in port order. */
    public static List<IOService> pluggedInterfaces(Kernel k) {
        List<IOService> out = new ArrayList<>();
        for (int n = 1; n <= USER_PORTS; n++) {
            IOService port = port(k, n);
            if (port == null) {
                continue;
            }
            for (IORegistryEntry d : port.getChildEntries()) {
                for (IORegistryEntry i : d.getChildEntries()) {
                    if (i instanceof IOService s && s.getMetaClass().conformsTo("IOUSBHostInterface")) {
                        out.add(s);
                    }
                }
            }
        }
        return out;
    }

    /** The IOUSBHostDevice an interface belongs to. */
    public static IOService deviceOf(IOService iface) {
        return iface.getProvider();
    }
}
