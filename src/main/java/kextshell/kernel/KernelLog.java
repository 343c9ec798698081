package kextshell.kernel;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The kernel's log: IOLog lines from drivers and xnu, and OSKextLog lines that pass the kernel
 * log filter. A kext request also captures the OSKextLog lines that pass the request's own filter,
 * which is how kextunload can print them as "(kernel) ..." (OSKext.cpp, OSKextVLog; IOKitUser
 * OSKext.c, __OSKextLogKernelMessages).
 */
public final class KernelLog {
    /** OSKextLog levels (OSKextLibPrivate.h). */
    public static final int EXPLICIT = 0;
    public static final int ERROR = 1;
    public static final int WARNING = 2;
    public static final int BASIC = 3;
    public static final int PROGRESS = 4;
    public static final int STEP = 5;
    public static final int DETAIL = 6;
    public static final int DEBUG = 7;
    /** Marker level for IOLog, which bypasses the OSKextLog filter. */
    public static final int IOLOG = -1;

    /** kOSKextLogLevelMask. */
    public static final int LEVEL_MASK = 0x7;
    /** kOSKextLogKextOrGlobalMask: the message has no kext, or its kext enables kext logging. */
    public static final int KEXT_OR_GLOBAL = 0x8;
    /** OSKextLog flags (libkern/libkern/OSKextLibPrivate.h). */
    public static final int GENERAL = 0x10;
    public static final int LOAD = 0x20;
    public static final int IPC = 0x40;
    public static final int DEPENDENCIES = 0x4000;
    public static final int KEXT_BOOKKEEPING = 0x40000;
    /** The flag bits of a spec: everything above the level and the kext-or-global bit. */
    private static final int FLAGS_MASK = ~0xf;

    /** IOKitUser's default user-space filter: warning level, the flags 0xff0 (IOKitUser OSKext.c). */
    public static final int DEFAULT_FILTER = 0xff2;
    /** kDefaultKernelLogFilter = kOSKextLogBasicLevel | kOSKextLogVerboseFlagsMask (OSKext.cpp). */
    public static final int KERNEL_DEFAULT_FILTER = 0xff3;

    /**
     * Lines always kept. The log is bounded like the real one (the unified log rotates): once it
     * holds twice this many lines the oldest are dropped, at a command boundary
     * ({@link #beginCommand()}), never while a command runs. {@link #size()} counts every line
     * ever written, so positions remembered by {@code log stream} stay valid.
     */
    public static final int KEEP = 50_000;

    private final List<LogLine> lines = new ArrayList<>();
    private int dropped;
    private final VirtualClock clock;
    private int kernelFilter = KERNEL_DEFAULT_FILTER;
    private List<String> capture;
    private int captureFilter;

    KernelLog(VirtualClock clock) {
        this.clock = clock;
    }

    /** IOLog(): always reaches the log. */
    public void ioLog(String sender, String text) {
        lines.add(new LogLine(clock.now(), sender, text, IOLOG));
    }

    /**
     * OSKextLog() with a spec (level | flags): logged if it passes the kernel filter, captured if
     * it passes the request's (R29). The model's kernel messages come from the kernel itself or
     * from sample kexts, so OSKextVLog sets kOSKextLogKextOrGlobalMask on every one of them.
     */
    public void kextLog(int spec, String text) {
        log(spec | KEXT_OR_GLOBAL, text);
    }

    /**
     * OSKextLog(aKext, spec, ...): OSKextVLog sets kOSKextLogKextOrGlobalMask only when the kext
     * asks for kext logging (OSBundleEnableKextLogging), so above Basic such a line passes a
     * filter only if the filter has that bit (kextunload forces it; kextload and kextutil do not).
     */
    public void kextLog(OSKext kext, int spec, String text) {
        log(kext == null || kext.enablesKextLogging() ? spec | KEXT_OR_GLOBAL : spec, text);
    }

    private void log(int msg, String text) {
        if (matches(msg, kernelFilter)) {
            lines.add(new LogLine(clock.now(), "kernel", text, msg & LEVEL_MASK));
        }
        if (capture != null && matches(msg, captureFilter)) {
            capture.add(text);
        }
    }

    /**
     * The level test of OSKext's logSpecMatch: the filter's level is its low three bits
     * (kOSKextLogLevelMask = 0x7, OSKextLib.h). Bit 0x8 is kOSKextLogKextOrGlobalMask, a flag,
     * not part of the level: kextunload forces it on, so -v 1 gives 0xffb, which is still level 3.
     * User-space messages of the tools are global, so only their level is tested.
     */
    public static boolean passes(int level, int filter) {
        return level <= (filter & LEVEL_MASK);
    }

    /**
     * OSKext.cpp logSpecMatch (R29): Explicit always; up to Basic, the level alone; above Basic
     * the message or the filter needs the kext-or-global bit and the two need a flag in common.
     */
    public static boolean matches(int msgSpec, int filter) {
        int level = msgSpec & LEVEL_MASK;
        if (level == EXPLICIT) {
            return true;
        }
        if (level > (filter & LEVEL_MASK)) {
            return false;
        }
        if (level <= BASIC) {
            return true;
        }
        if (((msgSpec | filter) & KEXT_OR_GLOBAL) == 0) {
            return false;
        }
        return (msgSpec & filter & FLAGS_MASK) != 0;
    }

    /** Starts capturing for one kext request; returns the lines when {@link #endCapture()} is called. */
    void beginCapture(int filter) {
        capture = new ArrayList<>();
        captureFilter = filter;
    }

    List<String> endCapture() {
        List<String> out = capture == null ? List.of() : capture;
        capture = null;
        return out;
    }

    public int kernelFilter() {
        return kernelFilter;
    }

    /** sysctl debug.kextlog. */
    public void setKernelFilter(int filter) {
        kernelFilter = filter;
    }

    /** The lines still held, oldest first. */
    public List<LogLine> lines() {
        return Collections.unmodifiableList(lines);
    }

    /** Lines ever written, dropped ones included. */
    public int size() {
        return dropped + lines.size();
    }

    /** Lines from position {@code from} on (from the oldest held, if that is later). */
    public List<LogLine> since(int from) {
        int index = Math.max(0, Math.min(from, size()) - dropped);
        return Collections.unmodifiableList(lines.subList(index, lines.size()));
    }

    /** A command line starts: drops the oldest lines when more than twice {@link #KEEP} are held. */
    public void beginCommand() {
        if (lines.size() > 2 * KEEP) {
            int drop = lines.size() - KEEP;
            lines.subList(0, drop).clear();
            dropped += drop;
        }
    }
}
