package kextshell.lab.run;

import kextshell.kernel.KernelPanic;

import java.util.HashMap;
import java.util.Map;
import kextshell.kernel.IOUserClient;
import kextshell.kernel.Kernel;
import kextshell.kernel.OSKext;
import kextshell.kernel.OSObject;

/** One lab kext's state inside one kernel: its globals and the current kernel entry's budget. */
final class Runtime {
    /** §4.6: statements one kernel entry may evaluate before the lab calls it a hang. */
    static final int STEP_BUDGET = 100_000;
    /** §4.6: ten minutes of IOSleep/IODelay in one entry. */
    static final long SLEEP_BUDGET_NS = 600L * 1_000_000_000L;

    final CompiledKext kext;
    final Kernel kernel;
    final Map<String, Values.Cell> globals = new HashMap<>();
    int steps;
    long sleptNs;
    int depth;
    Program.Method entry;
    OSObject entrySelf;
    boolean zoneCorrupted;
    /** Iterators handed out in the current kernel entry; one still held when it returns is leaked. */
    final java.util.List<Values.LabIterator> iterators = new java.util.ArrayList<>();
    final java.util.Set<String> notes = new java.util.LinkedHashSet<>();

    Runtime(CompiledKext kext, Kernel kernel) {
        this.kext = kext;
        this.kernel = kernel;
    }

    /** The kext that panics: the entry object's, else the bundle this code was packaged in. */
    String bundleId() {
        OSKext k = entrySelf == null ? null : entrySelf.getMetaClass().getKext();
        return k != null ? k.getIdentifier() : kext.bundleId();
    }

    String version() {
        OSKext k = entrySelf == null ? null : entrySelf.getMetaClass().getKext();
        return k != null ? k.getVersion() : "1.0";
    }

    /**
     * The thread's task for the report: the client process for its close, death or method call,
     * else the kernel's own (derived, §4.3).
     */
    String process() {
        if (entry != null && entrySelf instanceof IOUserClient uc && uc.getOwningTask() != null
                && java.util.Set.of("clientClose", "clientDied", "externalMethod").contains(entry.decl().name())) {
            return uc.getOwningTask().name();
        }
        return "kernel_task";
    }

    KernelPanic trap(int type, long cr2, boolean write) {
        return new KernelPanic(type == 14 ? KernelPanic.Kind.PAGE_FAULT : KernelPanic.Kind.GENERAL_PROTECTION,
                PanicReport.trap(type, cr2, write, bundleId(), version(), process()));
    }

    KernelPanic panic(String message) {
        return new KernelPanic(KernelPanic.Kind.PANIC_CALL, PanicReport.message(message, bundleId(), version(),
                process()));
    }

    KernelPanic hang() {
        String where = entry == null ? "a callback" : entry.qualified();
        return new KernelPanic(KernelPanic.Kind.HANG, PanicReport.hang(where));
    }
}
