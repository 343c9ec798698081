package kextshell.tools.ioreg;

/**
 * ioreg.c's {@code printinit}/{@code print}/{@code println}. With a width, each line keeps at
 * most {@code width - 1} characters; if anything was cut, {@code $} is appended, and newlines
 * inside printed text become spaces. Counting is per Java char where the C code counts bytes,
 * which only differs for non-ASCII text.
 */
public final class IoregPrinter {
    private final StringBuilder out = new StringBuilder();
    private final int size;
    private int left;
    private boolean clip;

    /** {@code width} is the UInt32 option value; 0 means no clipping. */
    IoregPrinter(int width) {
        this.size = width;
        this.left = width;
    }

    public void print(String text) {
        if (size == 0) {
            out.append(text);
            return;
        }
        // vsnprintf(printbuf, printbufleft, ...): at most left - 1 characters are kept.
        int count = text.length();
        long room = Integer.toUnsignedLong(left) - 1;
        String kept = count > room ? text.substring(0, (int) room) : text;
        out.append(kept.replace('\n', ' '));
        if (count >= Integer.toUnsignedLong(left)) {
            count = left - 1;
            clip = true;
        }
        left -= count;
    }

    public void println(String text) {
        print(text);
        if (clip) {
            out.append('$');
        }
        out.append('\n');
        clip = false;
        left = size;
    }

    public String text() {
        return out.toString();
    }
}
