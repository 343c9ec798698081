package kextshell.tools.plist;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * CFPropertyListWrite in kCFPropertyListXMLFormat_v1_0, as CF's {@code _CFAppendXML0} and
 * {@code _XMLPlistAppendDataUsingBase64} (CFPropertyList.c) write it: tab indentation, dictionary
 * keys sorted with CFStringCompare (UTF-16 order), {@code <array/>}/{@code <dict/>} when empty,
 * only {@code < > &} escaped, base64 data on its own lines of at most 76 - 8*indent characters.
 */
public final class PlistXml {
    private PlistXml() {
    }

    public static String write(Object plist) {
        StringBuilder b = new StringBuilder();
        b.append("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
        b.append("<!DOCTYPE plist PUBLIC \"-//Apple//DTD PLIST 1.0//EN\" \"http://www.apple.com/DTDs/PropertyList-1.0.dtd\">\n");
        b.append("<plist version=\"1.0\">\n");
        append(b, plist, 0);
        b.append("</plist>\n");
        return b.toString();
    }

    private static void indents(StringBuilder b, int n) {
        b.append("\t".repeat(n));
    }

    private static void escaped(StringBuilder b, String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> b.append("&lt;");
                case '>' -> b.append("&gt;");
                case '&' -> b.append("&amp;");
                default -> b.append(c);
            }
        }
    }

    private static void append(StringBuilder b, Object object, int indentation) {
        indents(b, indentation);
        if (object instanceof String s) {
            b.append("<string>");
            escaped(b, s);
            b.append("</string>\n");
        } else if (object instanceof List<?> list) {
            if (list.isEmpty()) {
                b.append("<array/>\n");
                return;
            }
            b.append("<array>\n");
            for (Object o : list) {
                append(b, o, indentation + 1);
            }
            indents(b, indentation);
            b.append("</array>\n");
        } else if (object instanceof Map<?, ?> map) {
            if (map.isEmpty()) {
                b.append("<dict/>\n");
                return;
            }
            b.append("<dict>\n");
            List<String> keys = new ArrayList<>();
            for (Object k : map.keySet()) {
                keys.add(String.valueOf(k));
            }
            keys.sort(null);
            for (String key : keys) {
                indents(b, indentation + 1);
                b.append("<key>");
                escaped(b, key);
                b.append("</key>\n");
                append(b, map.get(key), indentation + 1);
            }
            indents(b, indentation);
            b.append("</dict>\n");
        } else if (object instanceof byte[] data) {
            b.append("<data>\n");
            base64(b, data, indentation);
            indents(b, indentation);
            b.append("</data>\n");
        } else if (object instanceof Number n) {
            // "%@" of an integer CFNumber: signed decimal.
            b.append("<integer>").append(n.longValue()).append("</integer>\n");
        } else if (object instanceof Boolean bool) {
            b.append(bool ? "<true/>\n" : "<false/>\n");
        } else {
            // Not a property-list type; CF would refuse the whole plist. Kept visible instead.
            b.append("<string>");
            escaped(b, String.valueOf(object));
            b.append("</string>\n");
        }
    }

    private static final String TABLE = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";

    /** _XMLPlistAppendDataUsingBase64. */
    private static void base64(StringBuilder b, byte[] bytes, int indent) {
        if (indent > 8) {
            indent = 8;
        }
        int maxLine = 76 - 8 * indent;
        StringBuilder buf = new StringBuilder();
        int i;
        for (i = 0; i < bytes.length; i++) {
            int p0 = bytes[i] & 0xff;
            int pm1 = i > 0 ? bytes[i - 1] & 0xff : 0;
            switch (i % 3) {
                case 0 -> buf.append(TABLE.charAt((p0 >> 2) & 0x3f));
                case 1 -> buf.append(TABLE.charAt((((pm1 << 8) | p0) >> 4) & 0x3f));
                default -> {
                    buf.append(TABLE.charAt((((pm1 << 8) | p0) >> 6) & 0x3f));
                    buf.append(TABLE.charAt(p0 & 0x3f));
                }
            }
            if (buf.length() >= maxLine) {
                indents(b, indent);
                b.append(buf).append('\n');
                buf.setLength(0);
            }
        }
        if (i > 0) {
            int last = bytes[i - 1] & 0xff;
            switch (i % 3) {
                case 1 -> buf.append(TABLE.charAt((last << 4) & 0x30)).append("==");
                case 2 -> buf.append(TABLE.charAt((last << 2) & 0x3c)).append('=');
                default -> {
                }
            }
        }
        if (buf.length() > 0) {
            indents(b, indent);
            b.append(buf).append('\n');
        }
    }
}
