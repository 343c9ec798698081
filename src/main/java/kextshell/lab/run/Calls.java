package kextshell.lab.run;

import java.util.List;
import kextshell.kernel.IORegistryEntry;
import kextshell.kernel.OSKext;
import kextshell.kernel.OSObject;
import kextshell.lab.ast.Ast.*;

/** Call expressions at run time: learner methods, kernel methods, and the kernel's free functions (§2). */
final class Calls {
    private Calls() {
    }

    static Object call(Interp in, Call c) {
        Expr callee = c.callee();
        if (callee instanceof Name n) {
            String name = n.name();
            boolean method = in.self != null && (in.rt.kext.program.find(className(in.self), name, -1) != null
                    || KernelApi.NAMES.contains(name));
            if (method) {
                return virtualCall(in, in.self, name, in.evalAll(c.args()).toArray());
            }
            return builtin(in, name, c.args());
        }
        if (callee instanceof Scoped s) {
            List<Object> args = in.evalAll(c.args());
            if (s.scope().equals("IOTimerEventSource") && s.name().equals("timerEventSource")) {
                Object owner = args.isEmpty() ? null : args.get(0);
                Object action = args.size() > 1 ? args.get(1) : null;
                return owner instanceof OSObject o ? new Values.LabTimer(o, (Values.MethodRef) action) : null;
            }
            return nonVirtual(in, s.scope(), s.name(), args.toArray());
        }
        Member m = (Member) callee;
        Object target = in.eval(m.object());
        Object[] args = in.evalAll(c.args()).toArray();
        return virtualCall(in, target, m.name(), args);
    }

    private static String className(OSObject o) {
        return o instanceof LabObject lo ? lo.lab().className : o.getMetaClass().getClassName();
    }

    /** {@code p->m(args)}: the dynamic class's override, through the kernel for the kernel's virtuals. */
    static Object virtualCall(Interp in, Object target, String name, Object[] args) {
        in.checkTarget(target);
        if (target instanceof LabObject lo && !KernelApi.NAMES.contains(name)) {
            Program.Method m = lo.lab().kext.program.find(lo.lab().className, name, args.length);
            if (m == null) {
                throw in.rt.trap(13, 0, false); // a wrong C cast: no such method in the real class
            }
            return in.invoke((OSObject) target, m, args);
        }
        if (!KernelApi.NAMES.contains(name)) {
            throw in.rt.trap(13, 0, false);
        }
        return KernelApi.invoke(in, target, name, args);
    }

    /** {@code Class::m(args)} on this: that class's body, without virtual dispatch. */
    private static Object nonVirtual(Interp in, String scope, String name, Object[] args) {
        in.checkTarget(in.self);
        Program prog = in.rt.kext.program;
        if (prog.isLearner(scope)) {
            Program.Method m = prog.find(scope, name, args.length);
            if (m != null) {
                return in.invoke(in.self, m, args);
            }
        }
        if (in.self instanceof LabObject lo) {
            Object r = lo.superCall(name, args);
            if (r != LabObject.NOT_VIRTUAL) {
                return r;
            }
        }
        return KernelApi.invoke(in, in.self, name, args);
    }

    private static Object builtin(Interp in, String name, List<Expr> argExprs) {
        if (name.equals("OSSafeReleaseNULL")) {
            Values.Ref r = in.ref(argExprs.get(0));
            Object v = r.get();
            if (v != null) {
                virtualCall(in, v, "release", new Object[0]);
            }
            r.set(null);
            return null;
        }
        List<Object> a = in.evalAll(argExprs);
        switch (name) {
            case "IOLog":
                log(in, a, 0);
                return null;
            case "os_log", "os_log_info", "os_log_debug", "os_log_error", "os_log_fault":
                log(in, a, 1);
                return null;
            case "os_log_create":
                return Values.OsLog.DEFAULT;
            case "IOSleep", "IODelay":
                sleep(in, Interp.toLong(a.get(0)) * (name.equals("IOSleep") ? 1_000_000L : 1_000L));
                return null;
            case "OSIncrementAtomic", "OSDecrementAtomic":
                return atomic(in, a.get(0), name.startsWith("OSIncrement") ? 1 : -1);
            case "OSKextGetCurrentLoadTag":
                return (long) loadTag(in);
            case "OSKextRetainKextWithLoadTag":
                return (long) in.rt.kernel.kexts().retainKextWithLoadTag((int) Interp.toLong(a.get(0)));
            case "OSKextReleaseKextWithLoadTag":
                return (long) in.rt.kernel.kexts().releaseKextWithLoadTag((int) Interp.toLong(a.get(0)));
            default:
                throw new IllegalStateException("no builtin " + name);
        }
    }

    private static void log(Interp in, List<Object> a, int fmt) {
        String text = a.size() > fmt && a.get(fmt) instanceof String f ? Printf.format(f, a.subList(fmt + 1, a.size()))
                : "";
        if (text.endsWith("\n")) {
            text = text.substring(0, text.length() - 1);
        }
        in.rt.kernel.log().ioLog(sender(in), text);
    }

    /** The kext's executable, as the unified log shows the sender of a kext's IOLog. */
    private static String sender(Interp in) {
        OSObject o = in.self != null ? in.self : in.rt.entrySelf;
        OSKext k = o == null ? null : o.getMetaClass().getKext();
        if (k != null) {
            return k.getExecutable();
        }
        OSKext byId = in.rt.kernel.kexts().lookup(in.rt.kext.bundleId());
        return byId != null ? byId.getExecutable() : "kernel";
    }

    private static int loadTag(Interp in) {
        OSObject o = in.self != null ? in.self : in.rt.entrySelf;
        OSKext k = o == null ? in.rt.kernel.kexts().lookup(in.rt.kext.bundleId()) : o.getMetaClass().getKext();
        return k == null ? -1 : k.getLoadTag();
    }

    /** OSIncrementAtomic / OSDecrementAtomic return the value before the change (OSAtomic.h). */
    private static Object atomic(Interp in, Object ref, int delta) {
        if (ref == null) {
            throw in.rt.trap(14, 0, true);
        }
        if (!(ref instanceof Values.Ref r)) {
            throw in.rt.trap(13, 0, true);
        }
        Object old = r.get();
        r.set(Interp.toLong(old) + delta);
        return Interp.normalize(kextshell.lab.check.Types.t("SInt32", 0), old);
    }

    private static void sleep(Interp in, long ns) {
        in.rt.sleptNs += ns;
        if (in.rt.sleptNs > Runtime.SLEEP_BUDGET_NS) {
            throw in.rt.hang();
        }
    }

    static boolean registered(IORegistryEntry e) {
        return e.isAttached();
    }
}
