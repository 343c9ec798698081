package kextshell.tools.ioreg;

import kextshell.tools.plist.CFShow;

import java.util.Locale;

/**
 * ioreg -f: {@code printProp} and its helpers in IOKitTools ioreg.c. The model has no
 * IODeviceTree plane, so the helpers that need it ({@code reg}'s pci-parent test, {@code ranges},
 * {@code interrupt-map}, {@code interrupt-parent}) fall back to the generic rendering; the
 * self-contained ones ({@code assigned-addresses}, {@code slot-names}, {@code interrupts}, and the
 * hex dump of data longer than 8 bytes) are reproduced. Cells are read little-endian, as on an
 * Intel Mac.
 */
public final class IoregFormat {
    private final IoregOptions options;
    private final IoregPrinter out;
    private final Ioreg ioreg;
    private final int serviceDepth;
    private final long stackOfBits;

    IoregFormat(IoregOptions options, IoregPrinter out, Ioreg ioreg, int serviceDepth, long stackOfBits) {
        this.options = options;
        this.out = out;
        this.ioreg = ioreg;
        this.serviceDepth = serviceDepth;
        this.stackOfBits = stackOfBits;
    }

    private void indent() {
        ioreg.indent(false, serviceDepth, stackOfBits);
    }

    public void printProp(String key, Object value) {
        boolean shown = false;
        switch (key) {
            case "assigned-addresses":
                printPhysAddr(value);
                shown = true;
                break;
            case "slot-names":
                printSlotNames(value);
                shown = true;
                break;
            case "interrupts":
                if (value instanceof byte[] data) {
                    printInterrupts(data);
                    shown = true;
                }
                break;
            default:
                break;
        }
        if (!shown) {
            if (value instanceof byte[] data) {
                printData(data);
            } else {
                out.print(CFShow.show(value, options.hex));
                out.println("");
            }
        }
    }

    private static long cell(byte[] b, int cellIndex) {
        int o = cellIndex * 4;
        return (b[o] & 0xffL) | (b[o + 1] & 0xffL) << 8 | (b[o + 2] & 0xffL) << 16 | (b[o + 3] & 0xffL) << 24;
    }

    private static String hex8(long v) {
        return String.format(Locale.ROOT, "%08x", v);
    }

    private void printPhysAddr(Object value) {
        if (!(value instanceof byte[] data)) {
            throw new Ioreg.Fatal("invalid phys addr");
        }
        if (data.length == 0) {
            out.println("<>");
            return;
        }
        int n = data.length / 20;
        out.println("");
        for (int count = 0; count < n; count++) {
            long hi = cell(data, count * 5);
            String type = switch ((int) ((hi & 0x03000000L) >> 24)) {
                case 0 -> "Config";
                case 1 -> "I/O";
                case 2 -> "Mem";
                default -> "64-bit";
            };
            indent();
            out.println(String.format(Locale.ROOT, "    %02d: phys.hi: %s phys.mid: %s phys.lo: %s", count,
                    hex8(hi), hex8(cell(data, count * 5 + 1)), hex8(cell(data, count * 5 + 2))));
            indent();
            out.println("        size.hi: " + hex8(cell(data, count * 5 + 3)) + " size.lo: "
                    + hex8(cell(data, count * 5 + 4)));
            indent();
            out.println("        bus: " + ((hi & 0x00FF0000L) >> 16) + " dev: " + ((hi & 0x0000F800L) >> 11)
                    + " func: " + ((hi & 0x00000700L) >> 8) + " reg: " + (hi & 0xFFL));
            indent();
            out.println("        type: " + type + " flags: " + ((hi & 0x80000000L) != 0 ? "abs" : "rel")
                    + ((hi & 0x40000000L) != 0 ? ", prefetch" : "") + ((hi & 0x20000000L) != 0 ? ", alias" : ""));
        }
    }

    private void printSlotNames(Object value) {
        if (!(value instanceof byte[] data)) {
            throw new Ioreg.Fatal("invalid phys addr");
        }
        if (data.length < 4 || cell(data, 0) == 0) {
            out.println("<>");
            return;
        }
        long avail = cell(data, 0);
        int p = 4;
        out.println("");
        for (int count = 0; count < 32; count++) {
            if ((avail & (1L << count)) != 0) {
                int end = p;
                while (end < data.length && data[end] != 0) {
                    end++;
                }
                indent();
                out.println(String.format(Locale.ROOT, "    %02d: ", count)
                        + new String(data, Math.min(p, data.length), Math.max(0, end - p),
                                java.nio.charset.StandardCharsets.ISO_8859_1));
                p = end + 1;
            }
        }
    }

    private void printInterrupts(byte[] data) {
        int length = data.length / 4;
        int pos = 0;
        int count = 0;
        int index = 0;
        out.println("");
        while (pos < length) {
            indent();
            out.print(String.format(Locale.ROOT, "    %02d: ", index));
            if (count < length - 1) {
                long spec = cell(data, pos);
                long sense = cell(data, pos + 1);
                out.print("specifier: " + hex8(spec) + " (vector: " + String.format(Locale.ROOT, "%02x", spec & 0xFF)
                        + ") sense: " + hex8(sense) + " (");
                pos++;
                count++;
                if ((sense & 2) != 0) {
                    out.print("HyperTransport vector: " + String.format(Locale.ROOT, "%04x", (sense >> 16) & 0xFFFF)
                            + ", ");
                }
                out.println(((sense & 1) != 0 ? "level" : "edge") + ")");
            } else {
                out.println("parent interrupt-map entry: " + hex8(cell(data, pos)));
            }
            pos++;
            count++;
            index++;
        }
    }

    /** printData(): strings, a hex dump for more than 8 bytes, else {@code <hex>}. */
    private void printData(byte[] bytes) {
        int length = bytes.length;
        StringBuilder b = new StringBuilder();
        if (CFShow.looksLikeStrings(bytes, options.hex, true)) {
            b.append('<');
            CFShow.appendStrings(b, bytes);
            b.append('>');
            out.print(b.toString());
        } else if (length > 8) {
            // bytesPerLine = (width - 20 - 2*depth)/4 in UInt32 arithmetic, at most 32. The C loops
            // forever when that is 0 (width 20-23 at depth 0); kextshell uses 1 instead.
            long perLine = Integer.toUnsignedLong(options.width - 20 - 2 * serviceDepth) / 4;
            int bytesPerLine = (int) Math.max(1, Math.min(32, perLine));
            for (int offset = 0; offset < length; offset += bytesPerLine) {
                out.println("");
                int n = Math.min(bytesPerLine, length - offset);
                StringBuilder w = new StringBuilder(String.format(Locale.ROOT, "%08X:", offset));
                for (int i = 0; i < n; i++) {
                    w.append(' ').append(String.format(Locale.ROOT, "%02X", bytes[offset + i] & 0xff));
                }
                for (int i = n; i < bytesPerLine; i++) {
                    w.append("   ");
                }
                w.append(' ');
                for (int i = 0; i < n; i++) {
                    int c = bytes[offset + i] & 0xff;
                    w.append(c < ' ' || c > '~' ? '.' : (char) c);
                }
                indent();
                out.print("    " + w);
            }
        } else {
            b.append('<');
            CFShow.appendHexPairs(b, bytes);
            b.append('>');
            out.print(b.toString());
        }
        out.println("");
    }
}
