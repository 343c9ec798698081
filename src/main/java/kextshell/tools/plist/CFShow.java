package kextshell.tools.plist;

import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * ioreg.c's {@code cfshow} family: how a property value reads in the text output. The model's
 * property values are the Java images of the CF types: String, Number (Long/Integer/...),
 * Boolean, byte[] (CFData), List (CFArray), Map (CFDictionary), Set (CFSet).
 */
public final class CFShow {
    private CFShow() {
    }

    /** cfshow(). */
    public static String show(Object object, boolean hex) {
        StringBuilder b = new StringBuilder();
        append(b, object, hex);
        return b.toString();
    }

    public static void append(StringBuilder b, Object object, boolean hex) {
        if (object instanceof List<?> list) {
            // cfarrayshow
            b.append('(');
            joinTo(b, list, hex);
            b.append(')');
        } else if (object instanceof Boolean bool) {
            b.append(bool ? "Yes" : "No");
        } else if (object instanceof byte[] data) {
            b.append('<');
            appendData(b, data, hex);
            b.append('>');
        } else if (object instanceof Map<?, ?> map) {
            // cfdictionaryshow: "k"=v pairs, no spaces
            b.append('{');
            boolean first = true;
            for (Map.Entry<?, ?> e : map.entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                append(b, e.getKey(), hex);
                b.append('=');
                append(b, e.getValue(), hex);
            }
            b.append('}');
        } else if (object instanceof Number n) {
            // cfnumbershow: "%qu" of the value as unsigned long long, or "0x%qx"
            long v = n.longValue();
            b.append(hex ? "0x" + Long.toHexString(v) : Long.toUnsignedString(v));
        } else if (object instanceof Set<?> set) {
            b.append('[');
            joinTo(b, set, hex);
            b.append(']');
        } else if (object instanceof String s) {
            // cfstringshow: no escaping at all
            b.append('"').append(s).append('"');
        } else {
            b.append("<unknown object>");
        }
    }

    private static void joinTo(StringBuilder b, Collection<?> items, boolean hex) {
        boolean first = true;
        for (Object o : items) {
            if (!first) {
                b.append(',');
            }
            first = false;
            append(b, o, hex);
        }
    }

    /** C isprint() in the C locale. */
    private static boolean isprint(int c) {
        return c >= 0x20 && c <= 0x7e;
    }

    /**
     * The string-detection scan shared by cfdatashow and printData. Returns true if the bytes
     * should print as one or more quoted strings. {@code skipTrailingNuls} is printData's variant,
     * which accepts any run of NULs at the end; cfdatashow accepts only one.
     */
    public static boolean looksLikeStrings(byte[] bytes, boolean hex, boolean skipTrailingNuls) {
        int length = bytes.length;
        int normal = 0;
        int symbol = 0;
        int index;
        for (index = 0; index < length; index++) {
            if (bytes[index] == 0) {
                if (skipTrailingNuls) {
                    while (index < length && bytes[index] == 0) {
                        index++;
                    }
                }
                break;
            }
            for (; index < length; index++) {
                int c = bytes[index] & 0xff;
                if (isprint(c)) {
                    normal++;
                } else if (c >= 128 && c <= 254) {
                    symbol++;
                } else {
                    break;
                }
            }
            if (index < length && bytes[index] == 0) {
                continue;
            }
            break;
        }
        if ((normal >>> 2) < symbol || length == 1 || hex) {
            index = 0;
        }
        return index >= length && normal != 0;
    }

    /** The quoted-strings rendering: {@code "abc","def"}; a second NUL in a row ends it. */
    public static void appendStrings(StringBuilder b, byte[] bytes) {
        boolean quoted = false;
        for (int index = 0; index < bytes.length; index++) {
            if (bytes[index] != 0) {
                if (!quoted) {
                    quoted = true;
                    b.append(index != 0 ? ",\"" : "\"");
                }
                // A byte is printed as is ("%c"); bytes 128-254 appear as their Latin-1 character.
                b.append((char) (bytes[index] & 0xff));
            } else {
                if (quoted) {
                    quoted = false;
                    b.append('"');
                } else {
                    break;
                }
            }
        }
        if (quoted) {
            b.append('"');
        }
    }

    public static void appendHexPairs(StringBuilder b, byte[] bytes) {
        for (byte x : bytes) {
            b.append(Character.forDigit((x >> 4) & 0xf, 16)).append(Character.forDigit(x & 0xf, 16));
        }
    }

    /** cfdatashow without the angle brackets. */
    private static void appendData(StringBuilder b, byte[] bytes, boolean hex) {
        if (looksLikeStrings(bytes, hex, false)) {
            appendStrings(b, bytes);
        } else {
            appendHexPairs(b, bytes);
        }
    }
}
