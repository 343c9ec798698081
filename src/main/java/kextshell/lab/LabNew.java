package kextshell.lab;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kextshell.compare.Strategy;

/**
 * {@code lab new NAME [--from STRATEGY] [--usb]}: the files of a new lab kext. The C++ is a
 * sample's own listing (header and source in one file) with its two classes renamed to NAME and
 * NAMEClient; the Info.plist has bundle id com.example.NAME and one personality, on IOResources
 * or on the USB device.
 */
public final class LabNew {
    private LabNew() {
    }

    /** The USB device the lab's personality matches: `device attach`'s default ids. */
    public static final long USB_VENDOR = 0x05ac;
    public static final long USB_PRODUCT = 0x1234;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_]{0,62}");

    /** A learner-chosen NAME must be a C identifier (it becomes the class name). */
    public static boolean validName(String name) {
        return NAME.matcher(name).matches();
    }

    /** Relative path (under the home) → text, for {@code NAME.kext}. */
    public static Map<String, String> files(String name, Strategy from, boolean usb) {
        Map<String, String> out = new LinkedHashMap<>();
        boolean onUsb = usb || from.usb();
        out.put(name + ".kext/Contents/Info.plist", infoPlist(name, onUsb));
        out.put(name + ".kext/Contents/Sources/" + name + ".cpp", source(name, from));
        return out;
    }

    /** The sample's header and source as one file, its classes renamed. */
    static String source(String name, Strategy from) {
        String dir = "/Library/Extensions/" + from.name() + ".kext/Contents/Sources/";
        String h = read(dir + from.name() + ".h");
        String cpp = read(dir + from.name() + ".cpp");
        StringBuilder b = new StringBuilder();
        b.append("//\n//  ").append(name).append(".cpp\n//  com.example.").append(name)
                .append(" — written in the kextshell driver lab, starting from ").append(from.name())
                .append(".kext.\n//\n");
        if (h != null) {
            b.append(stripPreamble(h).replaceAll("(?m)^#ifndef COM_OSXKERNEL_\\w+_H\\n#define COM_OSXKERNEL_\\w+_H\\n", "")
                    .replaceAll("(?m)^#endif // COM_OSXKERNEL_\\w+_H\\n?", ""));
        }
        b.append(stripPreamble(cpp).replaceAll("(?m)^#include \"" + Pattern.quote(from.name()) + "\\.h\"\\n", ""));
        String text = b.toString().replace(from.clientClass(), name + "Client").replace(from.driverClass(), name)
                .replace(from.bundleId(), "com.example." + name);
        return text.replaceAll("\\n{3,}", "\n\n");
    }

    /** Drops a listing's leading comment block (the sample's own title). */
    private static String stripPreamble(String s) {
        Matcher m = Pattern.compile("\\A(//[^\\n]*\\n)+\\n?").matcher(s);
        return m.find() ? s.substring(m.end()) : s;
    }

    static String infoPlist(String name, boolean usb) {
        StringBuilder p = new StringBuilder();
        p.append("""
                <?xml version="1.0" encoding="UTF-8"?>
                <!DOCTYPE plist PUBLIC "-//Apple//DTD PLIST 1.0//EN" "http://www.apple.com/DTDs/PropertyList-1.0.dtd">
                <plist version="1.0">
                <dict>
                """);
        kv(p, 1, "CFBundleDevelopmentRegion", "en");
        kv(p, 1, "CFBundleExecutable", name);
        kv(p, 1, "CFBundleIdentifier", "com.example." + name);
        kv(p, 1, "CFBundleInfoDictionaryVersion", "6.0");
        kv(p, 1, "CFBundleName", name);
        kv(p, 1, "CFBundlePackageType", "KEXT");
        kv(p, 1, "CFBundleShortVersionString", "1.0");
        kv(p, 1, "CFBundleVersion", "1.0.0");
        p.append("\t<key>IOKitPersonalities</key>\n\t<dict>\n");
        p.append("\t\t<key>").append(name).append("</key>\n\t\t<dict>\n");
        kv(p, 3, "CFBundleIdentifier", "com.example." + name);
        kv(p, 3, "IOClass", name);
        kv(p, 3, "IOMatchCategory", usb ? "IODefaultMatchCategory" : name);
        p.append("\t\t\t<key>IOProbeScore</key>\n\t\t\t<integer>0</integer>\n");
        kv(p, 3, "IOProviderClass", usb ? "IOUSBHostInterface" : "IOResources");
        if (!usb) {
            kv(p, 3, "IOResourceMatch", "IOKit");
        }
        kv(p, 3, "IOUserClientClass", name + "Client");
        if (usb) {
            p.append("\t\t\t<key>bConfigurationValue</key>\n\t\t\t<integer>1</integer>\n");
            p.append("\t\t\t<key>bInterfaceNumber</key>\n\t\t\t<integer>0</integer>\n");
            p.append("\t\t\t<key>idProduct</key>\n\t\t\t<integer>").append(USB_PRODUCT).append("</integer>\n");
            p.append("\t\t\t<key>idVendor</key>\n\t\t\t<integer>").append(USB_VENDOR).append("</integer>\n");
        }
        p.append("\t\t</dict>\n\t</dict>\n");
        p.append("\t<key>OSBundleLibraries</key>\n\t<dict>\n");
        kv(p, 2, "com.apple.kpi.iokit", "19.0");
        kv(p, 2, "com.apple.kpi.libkern", "19.0");
        p.append("\t</dict>\n</dict>\n</plist>\n");
        return p.toString();
    }

    private static void kv(StringBuilder p, int indent, String key, String value) {
        String tabs = "\t".repeat(indent);
        p.append(tabs).append("<key>").append(key).append("</key>\n").append(tabs).append("<string>").append(value)
                .append("</string>\n");
    }

    private static String read(String path) {
        try (InputStream in = LabNew.class.getResourceAsStream("/vfs" + path)) {
            return in == null ? null : new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
