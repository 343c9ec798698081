package kextshell.tools;

import kextshell.app.Kextshell;
import kextshell.tools.args.Getopt;
import kextshell.tools.ioreg.IoregCommand;
import kextshell.tools.plist.CFShow;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import kextshell.kernel.Connection;
import kextshell.kernel.IOReturn;
import kextshell.kernel.IOService;
import kextshell.kernel.Kernel;
import kextshell.kernel.KernelLog;
import kextshell.kernel.Task;
import kextshell.shell.Result;
import kextshell.shell.Session;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IoregTest {
    private Session session;
    private Kernel k;

    @BeforeEach
    void setUp() {
        session = Kextshell.newSession();
        k = session.kernel();
        // what `sudo kextload /Library/Extensions/driver.kext` does, without the kextload tool
        assertEquals(IOReturn.kIOReturnSuccess, k.kexts().loadRequest(
                k.kexts().bundleAtPath("/Library/Extensions/driver.kext"), KernelLog.DEFAULT_FILTER).result());
        IOService driver = k.userSpace().getMatchingService("com_osxkernel_driver");
        assertNotNull(driver);
        for (String name : List.of("clientd", "monitord")) {
            Task t = k.userSpace().spawn(name);
            Connection[] c = new Connection[1];
            assertEquals(IOReturn.kIOReturnSuccess, k.userSpace().serviceOpen(t, driver, 0, c));
        }
    }

    private List<String> lines(String command) {
        Result r = session.execute(command);
        assertEquals(0, r.exitCode(), r.output());
        return List.of(r.output().split("\n", -1));
    }

    @Test
    void treeBarsAndTrailingIndentLine() {
        List<String> out = lines("ioreg -c com_osxkernel_driverClient");
        int first = -1;
        for (int i = 0; i < out.size(); i++) {
            if (out.get(i).contains("+-o com_osxkernel_driverClient")) {
                first = i;
                break;
            }
        }
        assertTrue(first > 0, String.join("\n", out));
        String entry = out.get(first);
        String prefix = entry.substring(0, entry.indexOf("+-o "));
        // the first client has a sibling after it: its block carries a bar in its own column
        assertEquals(prefix + "|   {", out.get(first + 1));
        assertTrue(out.get(first + 2).contains("\"IOUserClientCreator\" = \"pid 401, clientd\""), out.get(first + 2));
        assertEquals(prefix + "|   }", out.get(first + 3));
        assertEquals(prefix + "|   ", out.get(first + 4), "the indent-only line keeps bars and trailing spaces");
        // the last client: no bar below it
        String second = out.get(first + 5);
        assertTrue(second.startsWith(prefix + "+-o com_osxkernel_driverClient"), second);
        assertEquals(prefix + "    {", out.get(first + 6));
        assertEquals(prefix + "    ", out.get(first + 9));
    }

    @Test
    void rootedSearchPrintsSubtreeAtDepthZeroAndBlankLine() {
        List<String> out = lines("ioreg -r -c com_osxkernel_driver");
        assertTrue(out.get(0).startsWith("+-o com_osxkernel_driver  <class com_osxkernel_driver, id 0x"), out.get(0));
        assertEquals("  | {", out.get(1));
        assertTrue(out.contains("  +-o com_osxkernel_driverClient  <class com_osxkernel_driverClient, id 0x"
                + Long.toHexString(k.userSpace().getMatchingService("com_osxkernel_driver").getChildEntries()
                        .iterator().next().getRegistryEntryID())
                + ", !registered, !matched, active, busy 0, retain "
                + (2 + k.userSpace().getMatchingService("com_osxkernel_driver").getChildEntries().iterator().next()
                        .getRetainCount()) + ">"), "ioreg's port and its child iterator's reference count");
        // output: subtree lines, then "" from println(""), then the final newline
        assertEquals("", out.get(out.size() - 2));
        assertEquals("", out.get(out.size() - 1));
        assertTrue(lines("ioreg -r").equals(List.of("")), "-r without criteria prints nothing");
    }

    @Test
    void treeOptionPrintsAncestorsAsChainAndDepthLimits() {
        List<String> out = lines("ioreg -rt -c com_osxkernel_driver -d 1");
        assertTrue(out.get(0).startsWith("+-o Root  <class IORegistryEntry"), out.get(0));
        assertTrue(out.get(1).startsWith("  +-o MacBookPro16,1  <class IOPlatformExpertDevice"), out.get(1));
        assertTrue(out.get(2).startsWith("    +-o IOResources  <class IOResources"), out.get(2));
        assertTrue(out.get(3).startsWith("      +-o com_osxkernel_driver  <class com_osxkernel_driver"), out.get(3));
        assertEquals("          {", out.get(4));
        assertTrue(out.stream().noneMatch(l -> l.contains("+-o com_osxkernel_driverClient")), "-d 1 hides the clients");
        List<String> d2 = lines("ioreg -d 2");
        assertEquals(3, d2.size(), String.join("\n", d2)); // Root, its child, final newline
        assertEquals("+-o Root  <class IORegistryEntry, id 0x100000100, retain " + (k.root().getRetainCount() + 1) + ">",
                d2.get(0));
    }

    @Test
    void widthClipsToWidthMinusOneAndAppendsDollar() {
        for (String line : lines("ioreg -w 40")) {
            assertTrue(line.length() <= 40, line);
            if (line.length() == 40) {
                assertTrue(line.endsWith("$"), line);
            }
        }
        assertEquals("+-o Root  <class IORegistryEntry, id 0x$", lines("ioreg -w40 -d1").get(0));
        List<String> unclipped = lines("ioreg -lw0");
        assertTrue(unclipped.stream().anyMatch(l -> l.length() > 120));
    }

    @Test
    void hexNumbers() {
        List<String> dec = lines("ioreg -r -n IOResources -d 1 -l");
        List<String> hex = lines("ioreg -r -n IOResources -d 1 -l -x");
        assertEquals(dec.size(), hex.size());
        assertTrue(session.execute("ioreg -x -r -c com_osxkernel_driver").output().contains("\"IOProbeScore\" = 0x"),
                session.lastResult().output());
    }

    @Test
    void archiveIsWellFormedXmlWithSortedKeys() throws Exception {
        Result r = session.execute("ioreg -a -r -c com_osxkernel_driver");
        String xml = r.output();
        assertTrue(xml.startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<!DOCTYPE plist PUBLIC"), xml);
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        var doc = f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
        assertEquals("plist", doc.getDocumentElement().getTagName());
        assertTrue(xml.contains("\n<array>\n\t<dict>\n"), "-r gives an array of matched subtrees");
        assertTrue(xml.indexOf("<key>IOObjectClass</key>") < xml.indexOf("<key>IORegistryEntryChildren</key>"));
        assertTrue(xml.contains("<key>IOUserClientCreator</key>") == false, "clients don't match -c: no properties");
    }

    @Test
    void usageOnBadOptionOrMissingArgument() {
        for (String bad : List.of("ioreg -z", "ioreg -c", "ioreg -lw", "ioreg -y")) {
            Result r = session.execute(bad);
            assertEquals(1, r.exitCode());
            assertTrue(r.output().startsWith("usage: ioreg [-abfilrtx] [-c class]"), r.output());
            assertTrue(r.output().contains("\n\t-a archive output\n"));
            assertTrue(r.output().endsWith("\t-x show data and numbers as hexadecimal\n"), "10.15 has no -y line");
        }
        assertEquals("", session.execute("ioreg -p IOFireWire").output(), "a plane this Mac has not made");
        assertTrue(session.execute("ioreg -p IODeviceTree").output().startsWith("+-o Root  <class IORegistryEntry"));
    }

    @Test
    void getoptCorners() {
        Getopt g = new Getopt(List.of("-lw0", "-c", "-l", "x", "-r"), IoregCommand.OPTSTRING);
        assertEquals('l', g.next());
        assertEquals('w', g.next());
        assertEquals("0", g.optarg());
        assertEquals('c', g.next());
        assertEquals("-l", g.optarg());
        assertEquals(-1, g.next(), "stops at the first operand");
        assertEquals(3, g.optind());
        assertEquals(-5, Getopt.atoi(" -5x"));
        assertEquals(0, Getopt.atoi("abc"));
    }

    @Test
    void dataRendering() {
        assertEquals("<\"VMware7,1\">", CFShow.show("VMware7,1\0".getBytes(StandardCharsets.ISO_8859_1), false));
        assertEquals("<\"abc\",\"def\">", CFShow.show("abc\0def".getBytes(StandardCharsets.ISO_8859_1), false));
        assertEquals("<00e1f505>", CFShow.show(new byte[] {0, (byte) 0xe1, (byte) 0xf5, 5}, false));
        assertEquals("<41>", CFShow.show(new byte[] {0x41}, false));
        assertEquals("<616263>", CFShow.show("abc".getBytes(StandardCharsets.ISO_8859_1), true));
        assertEquals("18446744073709551615", CFShow.show(-1L, false));
        assertEquals("(18446744073709551615,0)", CFShow.show(List.of(-1L, 0), false));
        assertEquals("0xffffffffffffffff", CFShow.show(-1L, true));
    }
}
