package kextshell.lab.run;

import kextshell.kernel.KernelPanic;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import kextshell.kernel.IOService;
import kextshell.kernel.IORegistryEntry;
import kextshell.kernel.OSObject;
import kextshell.lab.ast.Ast.*;
import kextshell.lab.check.Sdk;
import kextshell.lab.check.Types;

/**
 * The tree-walking interpreter: one instance per running method. Deterministic: it reads no
 * clock but the kernel's and keeps no state outside the {@link Runtime} of its kernel. NULL,
 * poisoned and freed pointers end in a {@link KernelPanic} at the faulting access (§4.3, §4.4);
 * a kernel entry past its step budget ends in a hang (§4.6).
 */
final class Interp {
    private static final int NORMAL = 0;
    private static final int BREAK = 1;
    private static final int CONTINUE = 2;
    private static final int RETURN = 3;
    static final long DEADBEEF = 0xdeadbeefL;

    final Runtime rt;
    final OSObject self;
    final Program.Method method;
    private final Deque<Map<String, Values.Cell>> scopes = new ArrayDeque<>();
    private Object retval;

    private Interp(Runtime rt, OSObject self, Program.Method method) {
        this.rt = rt;
        this.self = self;
        this.method = method;
    }

    /** A call from the kernel (or a timer) into the learner's code: nested calls share the entry's budget. */
    static Object entry(Runtime rt, OSObject self, Program.Method m, Object[] args) {
        if (rt.depth++ == 0) {
            rt.steps = 0;
            rt.sleptNs = 0;
            rt.entry = m;
            rt.entrySelf = self;
        }
        try {
            return new Interp(rt, self, m).run(args);
        } finally {
            if (--rt.depth == 0) {
                for (Values.LabIterator it : rt.iterators) {
                    if (it.retains > 0) {
                        rt.notes.add(it.creator + " does not release the OSIterator it got from "
                                + it.source + "() (a leak; it blocks nothing, but it is never freed)");
                    }
                }
                rt.iterators.clear();
            }
        }
    }

    /** Evaluates a global's initialiser, outside any method. */
    static Object global(Runtime rt, Expr init) {
        return new Interp(rt, null, null).eval(init);
    }

    private Object run(Object[] args) {
        Map<String, Values.Cell> params = new HashMap<>();
        List<Param> decl = method.decl().params();
        List<Param> defs = method.def().params();
        for (int i = 0; i < defs.size(); i++) {
            Object v = i < args.length ? args[i]
                    : decl.get(i).defaultValue() == null ? null : ConstEval.eval(decl.get(i).defaultValue(), Map.of());
            if (defs.get(i).name() != null) {
                Type t = defs.get(i).type();
                params.put(defs.get(i).name(), new Values.Cell(normalize(t, v), t));
            }
        }
        scopes.push(params);
        exec(method.def().body());
        return normalize(method.decl().ret(), retval);
    }

    // ------------------------------------------------------------------ values

    static boolean truthy(Object v) {
        return v instanceof Long l ? l != 0 : v != null;
    }

    static long toLong(Object v) {
        return v instanceof Long l ? l : v == null ? 0 : 1;
    }

    /** Stores a value as the C type holds it: bools 0/1, 32-bit ints wrapped, 0 as a null pointer. */
    static Object normalize(Type t, Object v) {
        if (t == null || Types.isError(t)) {
            return v;
        }
        if (Types.isPointer(t) || Types.isNull(t)) {
            return v instanceof Long l && l == 0 ? null : v;
        }
        if (!(v instanceof Long)) {
            return v == null ? (Object) 0L : v;
        }
        long x = (Long) v;
        if (Types.isBool(t)) {
            return x != 0 ? 1L : 0L;
        }
        String b = Sdk.AKA.getOrDefault(t.base(), t.base());
        if (b.contains("char")) {
            return b.startsWith("unsigned") ? x & 0xff : (long) (byte) x;
        }
        if (b.contains("short")) {
            return b.startsWith("unsigned") ? x & 0xffff : (long) (short) x;
        }
        if (b.contains("long")) {
            return x;
        }
        return b.startsWith("unsigned") ? x & 0xffffffffL : (long) (int) x;
    }

    static long arith(String op, long a, long b) {
        return switch (op) {
            case "+" -> a + b;
            case "-" -> a - b;
            case "*" -> a * b;
            case "/" -> b == 0 ? 0 : a / b;
            case "%" -> b == 0 ? 0 : a % b;
            case "<<" -> a << (b & 63);
            case ">>" -> a >> (b & 63);
            case "&" -> a & b;
            case "|" -> a | b;
            case "^" -> a ^ b;
            default -> 0;
        };
    }

    // ------------------------------------------------------------------ statements

    private void step() {
        if (++rt.steps > Runtime.STEP_BUDGET) {
            throw rt.hang();
        }
    }

    private int exec(Stmt s) {
        step();
        if (s instanceof Block b) {
            scopes.push(new HashMap<>());
            try {
                for (Stmt x : b.stmts()) {
                    int r = exec(x);
                    if (r != NORMAL) {
                        return r;
                    }
                }
                return NORMAL;
            } finally {
                scopes.pop();
            }
        } else if (s instanceof ExprStmt e) {
            eval(e.expr());
        } else if (s instanceof Local l) {
            local(l);
        } else if (s instanceof If i) {
            if (truthy(eval(i.cond()))) {
                return scoped(i.then());
            } else if (i.otherwise() != null) {
                return scoped(i.otherwise());
            }
        } else if (s instanceof While w) {
            while (truthy(eval(w.cond()))) {
                int r = scoped(w.body());
                if (r == BREAK) {
                    break;
                } else if (r == RETURN) {
                    return r;
                }
                step();
            }
        } else if (s instanceof For f) {
            return forLoop(f);
        } else if (s instanceof Switch sw) {
            return switchStmt(sw);
        } else if (s instanceof Jump j) {
            return j.isBreak() ? BREAK : CONTINUE;
        } else if (s instanceof Return r) {
            retval = r.value() == null ? null : eval(r.value());
            return RETURN;
        }
        return NORMAL;
    }

    private int scoped(Stmt s) {
        scopes.push(new HashMap<>());
        try {
            return exec(s);
        } finally {
            scopes.pop();
        }
    }

    private int forLoop(For f) {
        scopes.push(new HashMap<>());
        try {
            if (f.init() != null) {
                exec(f.init());
            }
            while (f.cond() == null || truthy(eval(f.cond()))) {
                int r = scoped(f.body());
                if (r == BREAK) {
                    break;
                } else if (r == RETURN) {
                    return r;
                }
                if (f.step() != null) {
                    eval(f.step());
                }
                step();
            }
            return NORMAL;
        } finally {
            scopes.pop();
        }
    }

    private int switchStmt(Switch sw) {
        long v = toLong(eval(sw.value()));
        int start = -1;
        for (int i = 0; i < sw.cases().size() && start < 0; i++) {
            Case c = sw.cases().get(i);
            if (c.value() != null && ConstEval.eval(c.value(), enumMap()) == v) {
                start = i;
            }
        }
        for (int i = 0; i < sw.cases().size() && start < 0; i++) {
            if (sw.cases().get(i).value() == null) {
                start = i;
            }
        }
        if (start < 0) {
            return NORMAL;
        }
        scopes.push(new HashMap<>());
        try {
            for (int i = start; i < sw.cases().size(); i++) {
                for (Stmt s : sw.cases().get(i).body()) {
                    int r = exec(s);
                    if (r == BREAK) {
                        return NORMAL;
                    } else if (r != NORMAL) {
                        return r;
                    }
                }
            }
            return NORMAL;
        } finally {
            scopes.pop();
        }
    }

    private Map<String, Long> enumMap() {
        Map<String, Long> m = new HashMap<>();
        for (EnumConst e : rt.kext.program.unit.enums()) {
            m.put(e.name(), rt.kext.program.enumValue(e.name()));
        }
        return m;
    }

    private void local(Local l) {
        for (Declarator d : l.decls()) {
            Type t = new Type(l.type().base(), l.type().pointers() + d.extraPointers(), l.type().isConst(),
                    l.type().isVolatile(), l.type().tok());
            Object v;
            if (d.init() != null) {
                v = eval(d.init());
            } else {
                // Lab rule (§4.1): an uninitialised local holds 0xdeadbeef(deadbeef).
                v = Types.isPointer(t) ? Values.Poison.DEADBEEF : DEADBEEF;
            }
            scopes.peek().put(d.name(), new Values.Cell(normalize(t, v), t));
        }
    }

    // ------------------------------------------------------------------ expressions

    Object eval(Expr e) {
        if (e instanceof IntLit i) {
            return i.value();
        } else if (e instanceof StrLit s) {
            return s.value();
        } else if (e instanceof BoolLit b) {
            return b.value() ? 1L : 0L;
        } else if (e instanceof NullLit) {
            return null;
        } else if (e instanceof This) {
            return self;
        } else if (e instanceof Pretty p) {
            return method == null ? "" : p.which().equals("__PRETTY_FUNCTION__") ? method.pretty()
                    : method.decl().name();
        } else if (e instanceof Name n) {
            return name(n.name());
        } else if (e instanceof Scoped s) {
            return constant(s.name());
        } else if (e instanceof Call c) {
            return Calls.call(this, c);
        } else if (e instanceof Member m) {
            return member(m);
        } else if (e instanceof Index i) {
            return ref(i).get();
        } else if (e instanceof Unary u) {
            return unary(u);
        } else if (e instanceof Postfix p) {
            Values.Ref r = ref(p.operand());
            Object old = r.get();
            r.set(toLong(old) + (p.op().equals("++") ? 1 : -1));
            return old;
        } else if (e instanceof Binary b) {
            return binary(b);
        } else if (e instanceof Assign a) {
            return assign(a);
        } else if (e instanceof Cond c) {
            return truthy(eval(c.test())) ? eval(c.then()) : eval(c.otherwise());
        } else if (e instanceof Cast c) {
            Object v = eval(c.operand());
            return v instanceof Long || Types.isPointer(c.type()) ? normalize(c.type(), v) : 1L;
        } else if (e instanceof DynCast d) {
            return dynCast(d);
        }
        MemberFnCast m = (MemberFnCast) e;
        return new Values.MethodRef(m.className(), m.method());
    }

    private Object name(String n) {
        Values.Cell c = cell(n);
        if (c != null) {
            return c.get();
        }
        return constant(n);
    }

    private Object constant(String n) {
        Long ev = rt.kext.program.enumValue(n);
        if (ev != null) {
            return ev;
        }
        if (n.equals("OS_LOG_DEFAULT")) {
            return Values.OsLog.DEFAULT;
        }
        if (Sdk.isConstant(n)) {
            String type = kextshell.lab.check.Types.t("int", 0).base();
            return normalizeConstant(n);
        }
        return 0L;
    }

    private static Object normalizeConstant(String n) {
        long v = Sdk.constant(n);
        return n.startsWith("kIOReturn") || n.startsWith("kOSKextReturn") || n.startsWith("kOSReturn")
                ? (long) (int) v : v;
    }

    /** A variable by name: local, then field of this, then global. */
    private Values.Cell cell(String n) {
        for (Map<String, Values.Cell> s : scopes) {
            Values.Cell c = s.get(n);
            if (c != null) {
                return c;
            }
        }
        if (self instanceof LabObject lo) {
            Values.Cell f = lo.lab().fields.get(n);
            if (f != null) {
                if (self.isFreed() && !lo.lab().inFree) {
                    return new Values.Cell(Types.isPointer(f.type) ? Values.Poison.DEADBEEF : DEADBEEF, f.type);
                }
                return f;
            }
        }
        return rt.globals.get(n);
    }

    private Object member(Member m) {
        Object obj = eval(m.object());
        if (obj instanceof Values.ExternalArgs x) {
            return switch (m.name()) {
                case "selector" -> x.selector();
                case "scalarInputCount" -> (long) x.scalarInput().length;
                case "scalarOutputCount" -> (long) x.scalarOutput().length;
                default -> x;
            };
        }
        return field(obj, m.name(), false).get();
    }

    /** A field of {@code obj}: NULL faults at the field's offset, a freed object reads 0xdeadbeef. */
    Values.Cell field(Object obj, String name, boolean write) {
        if (obj == null) {
            long off = self instanceof LabObject lo ? lo.lab().offsetOf(name) : 0xe0;
            throw rt.trap(14, off, write);
        }
        if (!(obj instanceof LabObject lo)) {
            throw rt.trap(13, 0, write);
        }
        Values.Cell f = lo.lab().fields.get(name);
        if (f == null) {
            // A wrong C cast: the field is not there.
            throw rt.trap(13, 0, write);
        }
        if (((OSObject) obj).isFreed() && !lo.lab().inFree) {
            if (write) {
                rt.zoneCorrupted = true;
            }
            return new Values.Cell(Types.isPointer(f.type) ? Values.Poison.DEADBEEF : DEADBEEF, f.type);
        }
        return f;
    }

    /** An lvalue: a variable, a field, {@code *p} or {@code scalarOutput[i]}. */
    Values.Ref ref(Expr e) {
        if (e instanceof Name n) {
            Values.Cell c = cell(n.name());
            if (c == null) {
                throw new IllegalStateException("unknown variable " + n.name());
            }
            return c;
        } else if (e instanceof Member m) {
            return field(eval(m.object()), m.name(), true);
        } else if (e instanceof Unary u && u.op().equals("*")) {
            Object p = eval(u.operand());
            if (p == null) {
                throw rt.trap(14, 0, true);
            }
            if (!(p instanceof Values.Ref r)) {
                throw rt.trap(13, 0, true);
            }
            return r;
        } else if (e instanceof Index i) {
            Object arr = eval(i.array());
            long idx = toLong(eval(i.index()));
            if (!(arr instanceof long[] a) || idx < 0 || idx >= a.length) {
                return new Values.Cell(0L, Types.t("uint64_t", 0));
            }
            return new Values.Ref() {
                @Override
                public Object get() {
                    return a[(int) idx];
                }

                @Override
                public void set(Object v) {
                    a[(int) idx] = toLong(v);
                }
            };
        }
        throw new IllegalStateException("not an lvalue");
    }

    private Object unary(Unary u) {
        switch (u.op()) {
            case "&":
                return ref(u.operand());
            case "*": {
                return ref(u).get();
            }
            case "++", "--": {
                Values.Ref r = ref(u.operand());
                r.set(toLong(r.get()) + (u.op().equals("++") ? 1 : -1));
                return r.get();
            }
            default:
                break;
        }
        Object v = eval(u.operand());
        return switch (u.op()) {
            case "!" -> truthy(v) ? 0L : 1L;
            case "-" -> -toLong(v);
            case "~" -> ~toLong(v);
            default -> v;
        };
    }

    private Object binary(Binary b) {
        switch (b.op()) {
            case "&&":
                return truthy(eval(b.left())) && truthy(eval(b.right())) ? 1L : 0L;
            case "||":
                return truthy(eval(b.left())) || truthy(eval(b.right())) ? 1L : 0L;
            default:
                break;
        }
        Object l = eval(b.left());
        Object r = eval(b.right());
        switch (b.op()) {
            case "==":
                return same(l, r) ? 1L : 0L;
            case "!=":
                return same(l, r) ? 0L : 1L;
            case "<":
                return toLong(l) < toLong(r) ? 1L : 0L;
            case ">":
                return toLong(l) > toLong(r) ? 1L : 0L;
            case "<=":
                return toLong(l) <= toLong(r) ? 1L : 0L;
            case ">=":
                return toLong(l) >= toLong(r) ? 1L : 0L;
            case "/", "%":
                if (toLong(r) == 0) {
                    throw rt.trap(0, 0, false);
                }
                return arith(b.op(), toLong(l), toLong(r));
            default:
                return arith(b.op(), toLong(l), toLong(r));
        }
    }

    private static boolean same(Object l, Object r) {
        if (l instanceof Long a && r instanceof Long c) {
            return a.longValue() == c.longValue();
        }
        if (l instanceof Long a && a == 0) {
            return r == null;
        }
        if (r instanceof Long c && c == 0) {
            return l == null;
        }
        return l == r;
    }

    private Object assign(Assign a) {
        Values.Ref r = ref(a.target());
        Object v = eval(a.value());
        if (a.op().equals("=")) {
            r.set(v);
        } else {
            String op = a.op().substring(0, a.op().length() - 1);
            r.set(arith(op, toLong(r.get()), toLong(v)));
        }
        return r.get();
    }

    private Object dynCast(DynCast d) {
        Object v = eval(d.operand());
        Object out = null;
        if (v instanceof Values.Poison) {
            throw rt.trap(13, 0, false);
        }
        if (v instanceof OSObject o) {
            if (o.isFreed()) {
                throw rt.trap(13, 0, false);
            }
            out = o.getMetaClass().conformsTo(d.className()) ? o : null;
        } else if (v instanceof Values.LabIterator) {
            out = d.className().equals("OSIterator") || d.className().equals("OSObject") ? v : null;
        } else if (v instanceof Values.LabTimer) {
            out = d.className().matches("IOTimerEventSource|IOEventSource|OSObject") ? v : null;
        }
        if (d.required() && v != null && out == null) {
            throw rt.panic("Unexpected cast fail: from " + Printf.pointer(v) + " to " + Printf.pointer(d.className()));
        }
        return out;
    }

    // ------------------------------------------------------------------ objects

    /** Panics for a call through NULL, a poisoned pointer, or a freed object (§4.3, §4.4). */
    void checkTarget(Object target) {
        if (target == null) {
            throw rt.trap(14, 0, false);
        }
        if (target instanceof Values.Poison || target instanceof Long) {
            throw rt.trap(13, 0, false);
        }
        if (target instanceof OSObject o && o.isFreed() && !(o instanceof LabObject lo && lo.lab().inFree)) {
            throw rt.trap(13, 0, false);
        }
        if (target instanceof Values.LabTimer t && t.freed || target instanceof Values.LabIterator it
                && it.retains <= 0) {
            throw rt.trap(13, 0, false);
        }
    }

    void retain(OSObject o) {
        o.retain();
    }

    /**
     * OSObject::taggedRelease: a release that leaves fewer references than the registry's own
     * collection references panics (§4.5); otherwise the object may be freed at once.
     */
    void release(OSObject o) {
        if (o instanceof IORegistryEntry e) {
            int links = e.getParentEntries().size() + e.getChildEntries().size();
            if (o instanceof IOService s && (s.getState() & 0x2) != 0 && !(s.isInactive() && !e.isAttached())) {
                links++; // the class's instance set (OSMetaClass::addInstance)
            }
            if (o.getRetainCount() - 1 < links) {
                throw rt.panic("A kext releasing a(n) " + o.getMetaClass().getClassName()
                        + " has corrupted the registry.");
            }
        }
        o.release();
    }

    /** An IOTimerEventSource's action: a new kernel entry on the owner (§2.5). */
    void fireTimer(Values.LabTimer t) {
        t.armed = null;
        if (t.freed || t.owner.isFreed() || !(t.owner instanceof LabObject lo)) {
            return;
        }
        Program.Method m = lo.lab().kext.program.find(t.action.className(), t.action.method(), 1);
        if (m != null) {
            entry(rt, t.owner, m, new Object[] {t});
        }
    }

    /** Remembers an iterator the learner now owns, to see whether the entry releases it. */
    Values.LabIterator track(Values.LabIterator it, String source) {
        it.creator = method == null ? "a global initialiser" : method.qualified();
        it.source = source;
        rt.iterators.add(it);
        return it;
    }

    /** A nested call into another learner method: same entry, same budget. */
    Object invoke(OSObject target, Program.Method m, Object[] args) {
        step();
        return new Interp(rt, target, m).run(args);
    }

    List<Object> evalAll(List<Expr> args) {
        List<Object> out = new ArrayList<>(args.size());
        for (Expr a : args) {
            out.add(eval(a));
        }
        return out;
    }
}
