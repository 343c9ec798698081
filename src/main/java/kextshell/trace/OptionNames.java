package kextshell.trace;

import kextshell.kernel.IOOptions;

/** Option bits as xnu spells them: {@code kIOServiceRequired|kIOServiceSynchronous}. */
public final class OptionNames {
    private static final int[] BITS = {IOOptions.kIOServiceRequired, IOOptions.kIOServiceSynchronous,
        IOOptions.kIOServiceTerminate, IOOptions.kIOServiceTerminateNeedWillTerminate, IOOptions.kIOServiceRecursing};
    private static final String[] NAMES = {"kIOServiceRequired", "kIOServiceSynchronous", "kIOServiceTerminate",
        "kIOServiceTerminateNeedWillTerminate", "kIOServiceRecursing"};

    private OptionNames() {
    }

    /** The names of the set bits joined by '|', unknown bits as hex; "0" when none is set. */
    public static String of(int options) {
        if (options == 0) {
            return "0";
        }
        StringBuilder b = new StringBuilder();
        int rest = options;
        for (int i = 0; i < BITS.length; i++) {
            if ((options & BITS[i]) != 0) {
                b.append(b.length() == 0 ? "" : "|").append(NAMES[i]);
                rest &= ~BITS[i];
            }
        }
        if (rest != 0) {
            b.append(b.length() == 0 ? "" : "|").append("0x").append(Integer.toHexString(rest));
        }
        return b.toString();
    }

    /** Whether the options ask for a synchronous termination (IOService::scheduleTerminatePhase2). */
    public static boolean synchronous(int options) {
        return options >= 0 && (options & IOOptions.kIOServiceSynchronous) != 0;
    }
}
