package kextshell.tools.ioreg;

/**
 * ioreg's {@code struct options} (IOKitTools ioreg.c). Unsigned C fields ({@code depth},
 * {@code width}) are kept as Java ints and compared unsigned, so {@code -d -1} behaves as the
 * real tool's {@code UInt32} does.
 */
public final class IoregOptions {
    boolean archive;
    boolean bold;
    boolean format;
    boolean hex;
    boolean inheritance;
    boolean list;
    boolean root;
    boolean tree;
    String className;
    /** UInt32. */
    int depth;
    String key;
    String name;
    String plane = "IOService";
    /** UInt32; 0 means no clipping. */
    int width;

    public IoregOptions copy() {
        IoregOptions o = new IoregOptions();
        o.archive = archive;
        o.bold = bold;
        o.format = format;
        o.hex = hex;
        o.inheritance = inheritance;
        o.list = list;
        o.root = root;
        o.tree = tree;
        o.className = className;
        o.depth = depth;
        o.key = key;
        o.name = name;
        o.plane = plane;
        o.width = width;
        return o;
    }

    /** {@code options.depth == 0 || options.depth > serviceDepth + 1}, in UInt32 arithmetic. */
    public boolean descendBelow(int serviceDepth) {
        return depth == 0 || Integer.compareUnsigned(depth, serviceDepth + 1) > 0;
    }
}
