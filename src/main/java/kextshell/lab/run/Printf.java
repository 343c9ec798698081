package kextshell.lab.run;

import java.util.List;
import kextshell.kernel.IORegistryEntry;
import kextshell.kernel.OSObject;

/** The kernel's printf for IOLog and os_log (%s %d %i %u %x %X %p %c %%, l/ll, width, %{public}). */
final class Printf {
    private Printf() {
    }

    static String format(String fmt, List<Object> args) {
        StringBuilder out = new StringBuilder();
        int a = 0;
        for (int i = 0; i < fmt.length(); i++) {
            char c = fmt.charAt(i);
            if (c != '%' || i + 1 >= fmt.length()) {
                out.append(c);
                continue;
            }
            int start = i;
            i++;
            if (fmt.charAt(i) == '%') {
                out.append('%');
                continue;
            }
            if (fmt.charAt(i) == '{') {
                int close = fmt.indexOf('}', i);
                i = close < 0 ? fmt.length() - 1 : close + 1;
            }
            StringBuilder flags = new StringBuilder();
            while (i < fmt.length() && "-+ #0123456789.".indexOf(fmt.charAt(i)) >= 0) {
                flags.append(fmt.charAt(i++));
            }
            StringBuilder len = new StringBuilder();
            while (i < fmt.length() && "lhqz".indexOf(fmt.charAt(i)) >= 0) {
                len.append(fmt.charAt(i++));
            }
            if (i >= fmt.length()) {
                out.append(fmt, start, fmt.length());
                break;
            }
            char conv = fmt.charAt(i);
            Object v = a < args.size() ? args.get(a++) : null;
            out.append(pad(convert(conv, len.toString(), v), flags.toString()));
        }
        return out.toString();
    }

    private static String convert(char conv, String len, Object v) {
        boolean wide = !len.isEmpty() && !len.equals("h");
        long n = v instanceof Long l ? l : v == null ? 0 : 1;
        switch (conv) {
            case 's':
                return v instanceof String s ? s : v == null ? "(null)" : "?";
            case 'd':
            case 'i':
                return Long.toString(wide ? n : (int) n);
            case 'u':
                return wide ? Long.toUnsignedString(n) : Long.toString(n & 0xffffffffL);
            case 'x':
                return wide ? Long.toHexString(n) : Integer.toHexString((int) n);
            case 'X':
                return (wide ? Long.toHexString(n) : Integer.toHexString((int) n)).toUpperCase();
            case 'c':
                return String.valueOf((char) n);
            case 'p':
                return pointer(v);
            default:
                return "%" + conv;
        }
    }

    /** A stable fake kernel address: the registry entry id, in the zone map's range. */
    static String pointer(Object v) {
        if (v == null) {
            return "0x0";
        }
        long id = v instanceof IORegistryEntry e ? e.getRegistryEntryID() & 0xffffff : v instanceof OSObject ? 1 : 2;
        return "0xffffff802f5" + String.format("%06x", id * 0x100 & 0xffffff);
    }

    private static String pad(String s, String flags) {
        String digits = flags.replaceAll("[^0-9.]", "");
        int dot = digits.indexOf('.');
        String w = dot >= 0 ? digits.substring(0, dot) : digits;
        if (w.isEmpty()) {
            return s;
        }
        int width;
        try {
            width = Integer.parseInt(w);
        } catch (NumberFormatException e) {
            return s;
        }
        if (s.length() >= width) {
            return s;
        }
        String fill = (flags.contains("0") && !flags.contains("-") && flags.startsWith("0") ? "0" : " ")
                .repeat(width - s.length());
        return flags.contains("-") ? s + fill : fill + s;
    }
}
