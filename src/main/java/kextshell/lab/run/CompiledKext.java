package kextshell.lab.run;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.WeakHashMap;
import kextshell.kernel.ClassSpec;
import kextshell.kernel.Kernel;
import kextshell.kernel.KextBundle;
import kextshell.kernel.OSObject;
import kextshell.lab.ast.Ast;

/**
 * A unit that compiled without errors: the classes its OSDefineMetaClassAndStructors lines
 * register, ready to be packaged with an Info.plist as a bundle the kernel model loads.
 * The same compiled kext may run in many kernels at once (each grading scenario boots its own);
 * its globals live per kernel.
 */
public final class CompiledKext {
    final Program program;
    private final Ast.Unit unit;
    private final Map<Kernel, Runtime> runtimes = new WeakHashMap<>();
    private String bundleId = "com.example.unknown";

    public CompiledKext(Ast.Unit unit, Set<String> features) {
        this.unit = unit;
        this.program = new Program(unit, features);
    }

    String bundleId() {
        return bundleId;
    }

    /** Grader notes: the static traps of {@link Lints}, then what the runs saw (leaked iterators). */
    public synchronized List<String> notes() {
        java.util.LinkedHashSet<String> out = new java.util.LinkedHashSet<>(Lints.of(program));
        for (Runtime rt : runtimes.values()) {
            out.addAll(rt.notes);
        }
        return List.copyOf(out);
    }

    /** The class names the unit registers, in OSDefineMetaClassAndStructors order. */
    public List<String> classNames() {
        List<String> out = new ArrayList<>();
        unit.metaClasses().forEach(m -> out.add(m.className()));
        return out;
    }

    /** The kernel class a learner class derives from in the end: IOService, IOUserClient, ... */
    public String kernelBase(String className) {
        return program.kernelBase(className);
    }

    /**
     * Methods declared but never defined that the kext references: a virtual one through its
     * vtable, any other through a call. x86_64 kexts link with them undefined, and kxld refuses
     * the load (lab reference §3.3, ld64 Options.cpp kUndefinedDynamicLookup). Demangled, as kxld
     * prints them: {@code Lab::helper(IOService*)}.
     */
    public List<String> unresolvedSymbols() {
        List<String> out = new ArrayList<>();
        java.util.Set<String> called = References.calledNames(unit);
        for (Ast.ClassDecl c : unit.classes()) {
            for (Ast.MethodDecl d : c.methods()) {
                boolean referenced = kextshell.lab.check.Checker.isVirtual(program.table, c, d)
                        || called.contains(d.name());
                if (referenced && program.find(c.name(), d.name(), d.params().size()) == null
                        && !definedElsewhere(c, d)) {
                    StringBuilder b = new StringBuilder(c.name()).append("::").append(d.name()).append('(');
                    for (int i = 0; i < d.params().size(); i++) {
                        Ast.Type t = d.params().get(i).type();
                        b.append(i == 0 ? "" : ", ").append(t.isConst() ? "const " : "").append(t.base())
                                .append("*".repeat(t.pointers()));
                    }
                    out.add(b.append(')').append(d.isConst() ? " const" : "").toString());
                }
            }
        }
        return out;
    }

    private boolean definedElsewhere(Ast.ClassDecl c, Ast.MethodDecl d) {
        for (Ast.MethodDef def : unit.methods()) {
            if (def.className().equals(c.name()) && def.name().equals(d.name())
                    && def.params().size() == d.params().size()) {
                return true;
            }
        }
        return false;
    }

    /** This kext's classes as the kernel registers them; allocation makes a lab adapter object. */
    public List<ClassSpec> classSpecs() {
        List<ClassSpec> out = new ArrayList<>();
        for (Ast.MetaClassDef m : unit.metaClasses()) {
            String name = m.className();
            String base = program.kernelBase(name);
            boolean client = base != null && program.derives(base, "IOUserClient");
            out.add(new ClassSpec(name, m.superName(), () -> newObject(name, client)));
        }
        return out;
    }

    private OSObject newObject(String className, boolean client) {
        LabInstance lab = new LabInstance(this, className);
        return client ? new LabUserClient(lab) : new LabService(lab);
    }

    /** The bundle kextload sees at {@code path}: the Info.plist and this executable's classes. */
    public KextBundle bundle(String path, Map<String, Object> infoPlist) {
        Object id = infoPlist.get("CFBundleIdentifier");
        if (id instanceof String s) {
            bundleId = s;
        }
        return new KextBundle(path, infoPlist, classSpecs());
    }

    synchronized Runtime runtime(Kernel k) {
        Runtime rt = runtimes.get(k);
        if (rt == null) {
            rt = new Runtime(this, k);
            runtimes.put(k, rt);
            for (Ast.Global g : unit.globals()) {
                Object v = g.init() == null ? null : Interp.global(rt, g.init());
                rt.globals.put(g.name(), new Values.Cell(Interp.normalize(g.type(), v), g.type()));
            }
        }
        return rt;
    }

    /** §4.4: after a write into a freed object, the next allocation of a lab object panics. */
    void allocated(OSObject o) {
        Runtime rt = runtime(o.kernel());
        if (rt.zoneCorrupted) {
            rt.entrySelf = o;
            throw rt.panic("a freed zone element has been modified in zone kalloc.256: expected 0xdeadbeefdeadbeef "
                    + "but found 0x0000000000000000, bits changed 0xdeadbeefdeadbeef, at offset 224 of 256 in "
                    + "element 0xffffff802f5e1e00, cookies 0x3f0011f5b7a5bb08 0x53521bd2a2b2e58");
        }
    }
}
