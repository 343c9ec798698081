package kextshell.lab.run;

/**
 * The first lines of a 10.15 panic report (lab reference §4.3): the panic line
 * (osfmk/kern/debug.c "panic(cpu %d caller 0x%lx): "), for a trap the register dump of
 * panic_trap, the backtrace with the kexts in it (panic_i386_backtrace, OSKext::printSummary),
 * the BSD process name and the version block. Lab rule: registers and addresses are fixed so the
 * text is the same on every run; RIP lies inside the lab kext; CR2 encodes the faulting access.
 * The version strings of 10.15.7 are UNCONFIRMED (§7), so that block names the build only.
 */
final class PanicReport {
    private PanicReport() {
    }

    static final long KEXT_BASE = 0xffffff7f83a40000L;
    static final long RIP = 0xffffff7f83a41c9eL;
    private static final String CALLER = "0xffffff80002e1d4a";

    /** Kernel trap: type 14 page fault (NULL) or 13 general protection (freed object, poison). */
    static String trap(int type, long cr2, boolean write, String bundleId, String version, String process) {
        String name = type == 14 ? "page fault" : type == 0 ? "divide error" : "general protection";
        StringBuilder b = new StringBuilder();
        b.append("panic(cpu 0 caller ").append(CALLER).append("): Kernel trap at ").append(hex(RIP, false))
                .append(", type ").append(type).append('=').append(name).append(", registers:\n");
        b.append("CR0: 0x000000008001003b, CR2: ").append(hex(cr2, true))
                .append(", CR3: 0x000000002a1f6000, CR4: 0x00000000003626e0\n");
        b.append("RAX: 0x0000000000000000, RBX: 0xffffff802f5e1e00, RCX: 0x0000000000000000, RDX: 0x0000000000000001\n");
        b.append("RSP: 0xffffff8123a3b6f0, RBP: 0xffffff8123a3b740, RSI: 0x0000000000000000, RDI: 0xffffff802f5e1e00\n");
        b.append("R8:  0x0000000000000000, R9:  0x0000000000000000, R10: 0x0000000000000000, R11: 0x0000000000000000\n");
        b.append("R12: 0x0000000000000000, R13: 0x0000000000000000, R14: 0x0000000000000000, R15: 0x0000000000000000\n");
        b.append("RFL: 0x0000000000010246, RIP: ").append(hex(RIP, true))
                .append(", CS:  0x0000000000000008, SS:  0x0000000000000010\n");
        b.append("Fault CR2: ").append(hex(cr2, true)).append(", Error code: ")
                .append(hex(write ? 2 : 0, true)).append(", Fault CPU: 0x0, PL: 0, VF: 0\n");
        tail(b, bundleId, version, process);
        return b.toString().stripTrailing();
    }

    /** A panic() call with a message (registry corrupted, cast failure, freed element modified). */
    static String message(String text, String bundleId, String version, String process) {
        StringBuilder b = new StringBuilder();
        b.append("panic(cpu 0 caller ").append(CALLER).append("): \"").append(text).append("\"\n");
        tail(b, bundleId, version, process);
        return b.toString().stripTrailing();
    }

    private static void tail(StringBuilder b, String bundleId, String version, String process) {
        b.append('\n');
        b.append("Backtrace (CPU 0), Frame : Return Address\n");
        b.append("0xffffff8123a3b1b0 : 0xffffff800021a4ad \n");
        b.append("0xffffff8123a3b200 : 0xffffff8000353ea5 \n");
        b.append("0xffffff8123a3b6f0 : ").append(hex(RIP, false)).append(" \n");
        b.append("      Kernel Extensions in backtrace:\n");
        b.append("         ").append(bundleId).append('(').append(version)
                .append(")[00000000-0000-0000-0000-000000000000]@").append(hex(KEXT_BASE, false)).append("->")
                .append(hex(KEXT_BASE + 0x2fff, false)).append('\n');
        b.append('\n');
        b.append("BSD process name corresponding to current thread: ").append(process).append('\n');
        b.append('\n');
        b.append("Mac OS version:\n19H2\n");
    }

    private static String hex(long v, boolean padded) {
        String h = Long.toHexString(v);
        return "0x" + (padded ? "0".repeat(Math.max(0, 16 - h.length())) + h : h);
    }

    /** The lab's words when a kernel entry spends its step budget (§4.6). */
    static String hang(String function) {
        return "kextshell: " + function + " has not returned; on a Mac this kernel thread would spin forever\n"
                + "kextshell: the kernel model is stopped and must restart (your files are kept)";
    }
}
