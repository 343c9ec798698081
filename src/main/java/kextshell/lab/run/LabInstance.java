package kextshell.lab.run;

import java.util.LinkedHashMap;
import java.util.Map;
import kextshell.kernel.OSObject;
import kextshell.lab.ast.Ast.Field;
import kextshell.lab.check.Types;

/** The learner's part of one object: its class and its fields (zero-filled, as OSObject::operator new does). */
final class LabInstance {
    final CompiledKext kext;
    final String className;
    final Map<String, Values.Cell> fields = new LinkedHashMap<>();
    /** Set while the learner's free() runs: the object is going, but its own fields are still there. */
    boolean inFree;
    /** Whether IOService::init ran for this object (its property table and reserved data exist). */
    boolean superInitRan;

    LabInstance(CompiledKext kext, String className) {
        this.kext = kext;
        this.className = className;
        for (Field f : kext.program.fields(className)) {
            fields.put(f.name(), new Values.Cell(Types.isPointer(f.type()) || Types.isNull(f.type()) ? null : (Object) 0L,
                    f.type()));
        }
    }

    /** The field's offset for a fault address (lab rule: fields start at 0xe0, 8 bytes each). */
    long offsetOf(String field) {
        int i = 0;
        for (String n : fields.keySet()) {
            if (n.equals(field)) {
                return 0xe0 + 8L * i;
            }
            i++;
        }
        return 0xe0;
    }

    /**
     * The learner's init(). Without IOService::init there is no property table and no
     * {@code reserved}: the next use of either is a NULL dereference (lab reference §1.4). The
     * kernel uses the property table as soon as init returns (probeCandidates, newUserClient),
     * so the lab faults there.
     */
    boolean learnerInit(OSObject self, Object dictionary) {
        boolean ok = Interp.truthy(enter(self, "init", dictionary));
        if (ok && !superInitRan) {
            Runtime rt = kext.runtime(self.kernel());
            rt.entrySelf = self;
            throw rt.trap(14, 0, false);
        }
        return ok;
    }

    /** A bool virtual: the learner's override if the class has one, else the model's base body. */
    boolean bool(OSObject self, String name, java.util.function.BooleanSupplier base, Object... args) {
        return defines(name) ? Interp.truthy(enter(self, name, args)) : base.getAsBoolean();
    }

    /** An IOReturn virtual. */
    int ioReturn(OSObject self, String name, java.util.function.IntSupplier base, Object... args) {
        return defines(name) ? (int) Interp.toLong(enter(self, name, args)) : base.getAsInt();
    }

    /** A void virtual. */
    void run(OSObject self, String name, Runnable base, Object... args) {
        if (defines(name)) {
            enter(self, name, args);
        } else {
            base.run();
        }
    }

    boolean defines(String name) {
        return kext.program.find(className, name, -1) != null;
    }

    /** A call from the kernel into the learner's override: one kernel entry (§4.2). */
    Object enter(OSObject self, String name, Object... args) {
        Program.Method m = kext.program.find(className, name, args.length);
        if (m == null) {
            m = kext.program.find(className, name, -1);
        }
        return Interp.entry(kext.runtime(self.kernel()), self, m, args);
    }
}
