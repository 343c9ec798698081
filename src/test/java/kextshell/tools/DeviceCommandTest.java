package kextshell.tools;

import kextshell.app.Kextshell;
import kextshell.tools.process.DeviceCommand;

import static kextshell.tools.ToolTesting.run;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.kernel.IOService;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

class DeviceCommandTest {
    @Test
    void attachPublishesANubUnderTheController() {
        Session s = Kextshell.newSession();
        run(s, "device attach mouse", 0,
                "Attached mouse: IOUSBHostDevice@14100000 idVendor 0x05ac idProduct 0x1234",
                "mouse: no driver matched");
        List<IOService> nubs = DeviceCommand.nubs(s.kernel());
        assertEquals(1, nubs.size());
        IOService nub = nubs.get(0);
        assertEquals(1452L, nub.getProperty("idVendor"));
        assertEquals(4660L, nub.getProperty("idProduct"));
        assertEquals(0L, nub.getProperty("bInterfaceNumber"));
        assertEquals("0", nub.getLocation(), "interface 0");
        assertTrue(s.kernel().catalogue().registeredServices().contains(nub));
        // controller → port HS01 → IOUSBHostDevice → IOUSBHostInterface (tools-fidelity.md §6.8)
        IOService device = nub.getProvider();
        assertEquals("IOUSBHostDevice", device.getMetaClass().getClassName());
        assertEquals("14100000", device.getLocation());
        assertEquals("HS01", device.getProvider().getName());
        assertEquals(s.kernel().usbController(), device.getProvider().getProvider());
    }

    @Test
    void listAttachDetach() {
        Session s = Kextshell.newSession();
        run(s, "device list", 0, "No emulated USB devices attached.");
        s.execute("device attach mouse");
        run(s, "device attach kbd --vendor 1452 --product 0x1235", 0,
                "Attached kbd: IOUSBHostDevice@14200000 idVendor 0x05ac idProduct 0x1235",
                "kbd: no driver matched");
        run(s, "device list", 0,
                "NAME   LOCATION  VENDOR  PRODUCT  STATE        DRIVERS",
                "mouse  14100000  0x05ac  0x1234   attached     -",
                "kbd    14200000  0x05ac  0x1235   attached     -");
        run(s, "device detach mouse", 0, "Detached mouse: IOUSBHostDevice@14100000 terminated");
        assertEquals(1, DeviceCommand.nubs(s.kernel()).size());
        // the freed port is reused
        run(s, "device attach pad", 0,
                "Attached pad: IOUSBHostDevice@14100000 idVendor 0x05ac idProduct 0x1234",
                "pad: no driver matched");
        assertTrue(s.kernel().violations().isEmpty(), s.kernel().violations().toString());
    }

    @Test
    void deviceErrors() {
        Session s = Kextshell.newSession();
        s.execute("device attach mouse");
        run(s, "device attach mouse", 1, "device: mouse is already attached");
        run(s, "device detach nope", 1, "device: no such device: nope");
        run(s, "device attach x --vendor 0x10000", 64, "device: invalid --vendor: 0x10000 (0x0000-0xffff)");
        run(s, "device attach x --product zz", 64, "device: invalid --product: zz (0x0000-0xffff)");
        run(s, "device attach 'a b'", 64, "device: invalid name: 'a b' (1-31 characters of A-Z a-z 0-9 _ . -)");
        run(s, "device attach", 64, "device attach: Missing required parameter: 'NAME' (see 'device attach -h')");
        run(s, "device", 64,
                "usage: device attach NAME [--vendor ID] [--product ID] | device detach NAME | device list");
        run(s, "device eject", 64, "device: unknown subcommand: eject",
                "usage: device attach NAME [--vendor ID] [--product ID] | device detach NAME | device list");
        assertEquals(1, DeviceCommand.nubs(s.kernel()).size());
    }

    @Test
    void portsRunOut() {
        Session s = Kextshell.newSession();
        for (int i = 1; i <= DeviceCommand.MAX_PORTS; i++) {
            assertEquals(0, s.execute("device attach d" + i).exitCode());
        }
        run(s, "device attach one-more", 1, "device: no free port: all 14 ports of the xHCI controller are in use");
    }
}
