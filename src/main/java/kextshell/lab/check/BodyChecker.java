package kextshell.lab.check;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kextshell.lab.ast.Ast.*;
import kextshell.lab.diag.Diag;
import kextshell.lab.diag.Diagnostics;
import kextshell.lab.lex.Headers;
import kextshell.lab.lex.Tok;
import kextshell.lab.parse.Names;

/**
 * Names, types and conversions inside method bodies (§3.3): lookup order local, parameter, field,
 * method via this, global, enum constant, then kernel names the includes make visible; member
 * calls against the static type; argument counts; returns; -Wparentheses, -Wformat and
 * -Wreturn-type. An expression whose type is unknown after an error yields {@link Types#ERROR},
 * which silences every later complaint about it (clang's own error recovery).
 */
final class BodyChecker {
    private record Var(Type type, Tok tok) {
    }

    private final Checker ck;
    private final Diagnostics diags;
    private final ClassTable table;
    private final Deque<Map<String, Var>> scopes = new ArrayDeque<>();
    private ClassDecl cls;
    private MethodDecl decl;
    private int loops;
    private int switches;
    private boolean sawReturn;

    BodyChecker(Checker ck) {
        this.ck = ck;
        this.diags = ck.diags();
        this.table = ck.table;
    }

    // ------------------------------------------------------------------ types

    /** An unknown type name, with clang's typo suggestion. */
    boolean checkType(Type t) {
        String b = t.base();
        if (Names.BUILTIN.contains(b.split(" ")[0]) || Names.TYPEDEFS.contains(b) || table.get(b) != null) {
            return true;
        }
        Set<String> cands = new LinkedHashSet<>(table.learnerClasses().keySet());
        for (String k : Names.KERNEL_CLASSES) {
            if (table.get(k) != null) {
                cands.add(k);
            }
        }
        cands.addAll(Names.TYPEDEFS);
        String near = Suggest.nearest(b, cands);
        if (near != null) {
            diags.error(t.tok(), "unknown type name '" + b + "'; did you mean '" + near + "'?").fixit(near)
                    .range(b.length());
        } else {
            diags.error(t.tok(), "unknown type name '" + b + "'").range(b.length());
        }
        return false;
    }

    void checkGlobalInit(Global g) {
        cls = null;
        decl = null;
        scopes.clear();
        scopes.push(new HashMap<>());
        Type v = expr(g.init());
        convert(g.type(), v, g.init(), "init");
    }

    // ------------------------------------------------------------------ methods

    void checkMethod(MethodDef d, MethodDecl dcl) {
        cls = table.get(d.className());
        decl = dcl;
        scopes.clear();
        scopes.push(new HashMap<>());
        for (Param p : d.params()) {
            if (p.name() != null) {
                scopes.peek().put(p.name(), new Var(p.type(), p.tok()));
            }
        }
        loops = 0;
        switches = 0;
        sawReturn = false;
        uninitialized.clear();
        flow.clear();
        block(d.body());
        // Flow warnings are skipped once the unit has had an error (AnalysisBasedWarnings.cpp,
        // hasUncompilableErrorOccurred); clang emits them when the function's analysis ends.
        if (diags.errorCount() > 0) {
            return;
        }
        flow.forEach(diags::report);
        if (!d.ret().isVoid() && !Types.isError(d.ret()) && !Flow.alwaysReturns(d.body())) {
            Tok close = d.body().close();
            String msg = sawReturn ? "non-void function does not return a value in all control paths"
                    : "non-void function does not return a value";
            diags.warning(close, msg, "-Wreturn-type");
        }
    }

    /** Locals declared without an initialiser and not yet assigned (lab rule §4.1: -Wuninitialized). */
    private final Map<String, Declarator> uninitialized = new HashMap<>();
    private final List<Diag> flow = new ArrayList<>();

    private void readLocal(Name n, Type t) {
        Declarator d = uninitialized.remove(n.name());
        if (d == null || lookupLocal(n.name()) == null || lookupLocal(n.name()).tok() != d.tok()) {
            return;
        }
        String init = Types.isPointer(t) ? " = nullptr" : Types.isBool(t) ? " = false" : " = 0";
        Tok end = d.tok();
        flow.add(Diag.at(Diag.Level.WARNING, n.tok(), "variable '" + n.name() + "' is uninitialized when used here")
                .flag("-Wuninitialized")
                .note(new Diag(Diag.Level.NOTE, end.file(), end.line(), end.endCol(), "initialize the variable '"
                        + n.name() + "' to silence this warning").fixit(init)));
    }

    private void block(Block b) {
        scopes.push(new HashMap<>());
        for (Stmt s : b.stmts()) {
            stmt(s);
        }
        scopes.pop();
    }

    private void stmt(Stmt s) {
        if (s instanceof Block b) {
            block(b);
        } else if (s instanceof Local l) {
            local(l);
        } else if (s instanceof ExprStmt e) {
            expr(e.expr());
        } else if (s instanceof If i) {
            condition(i.cond());
            scoped(i.then());
            if (i.otherwise() != null) {
                scoped(i.otherwise());
            }
        } else if (s instanceof While w) {
            condition(w.cond());
            loops++;
            scoped(w.body());
            loops--;
        } else if (s instanceof For f) {
            {
                scopes.push(new HashMap<>());
                if (f.init() != null) {
                    stmt(f.init());
                }
                if (f.cond() != null) {
                    condition(f.cond());
                }
                if (f.step() != null) {
                    expr(f.step());
                }
                loops++;
                scoped(f.body());
                loops--;
                scopes.pop();
            }
        } else if (s instanceof Switch sw) {
            switchStmt(sw);
        } else if (s instanceof Jump j) {
            if (j.isBreak() && loops == 0 && switches == 0) {
                diags.error(j.tok(), "'break' statement not in loop or switch statement");
            } else if (!j.isBreak() && loops == 0) {
                diags.error(j.tok(), "'continue' statement not in loop statement");
            }
        } else if (s instanceof Return r) {
            ret(r);
        }
    }

    private void scoped(Stmt s) {
        scopes.push(new HashMap<>());
        stmt(s);
        scopes.pop();
    }

    private void switchStmt(Switch sw) {
        Type v = expr(sw.value());
        if (!Types.isError(v) && !Types.isArithmetic(v)) {
            diags.error(sw.value().tok(), "statement requires expression of integer type (" + Types.quote(v)
                    + " invalid)");
        }
        switches++;
        scopes.push(new HashMap<>());
        for (Case c : sw.cases()) {
            if (c.value() != null) {
                expr(c.value());
            }
            for (Stmt s : c.body()) {
                stmt(s);
            }
        }
        scopes.pop();
        switches--;
    }

    private void local(Local l) {
        if (!checkType(l.type())) {
            return;
        }
        for (Declarator d : l.decls()) {
            Type t = new Type(l.type().base(), l.type().pointers() + d.extraPointers(), l.type().isConst(),
                    l.type().isVolatile(), l.type().tok());
            if (t.isVoid()) {
                diags.error(d.tok(), "variable has incomplete type 'void'");
                continue;
            }
            if (d.init() != null) {
                Type v = expr(d.init());
                convert(t, v, d.init(), "init");
            }
            Var prev = scopes.peek().get(d.name());
            if (prev != null) {
                diags.error(d.tok(), "redefinition of '" + d.name() + "'")
                        .note(Diag.at(Diag.Level.NOTE, prev.tok(), "previous definition is here"));
            }
            scopes.peek().put(d.name(), new Var(t, d.tok()));
            if (d.init() == null) {
                uninitialized.put(d.name(), d);
            } else {
                uninitialized.remove(d.name());
            }
        }
    }

    private void ret(Return r) {
        sawReturn = true;
        Type want = decl == null ? Types.VOID : decl.ret();
        if (r.value() == null) {
            if (!want.isVoid()) {
                diags.error(r.tok(), "non-void function '" + decl.name() + "' should return a value")
                        .flag("-Wreturn-type");
            }
            return;
        }
        Type v = expr(r.value());
        if (want.isVoid()) {
            if (!v.isVoid() && !Types.isError(v)) {
                diags.error(r.tok(), "void function '" + decl.name() + "' should not return a value")
                        .flag("-Wreturn-type");
            }
            return;
        }
        convert(want, v, r.value(), "return");
    }

    private void condition(Expr c) {
        if (c instanceof Assign a && a.op().equals("=") && !ck.unit().parenthesized().contains(c)) {
            diags.warning(a.tok(), "using the result of an assignment as a condition without parentheses",
                    "-Wparentheses")
                    .note(Diag.at(Diag.Level.NOTE, a.target().tok(), "place parentheses around the assignment to "
                            + "silence this warning"))
                    .note(Diag.at(Diag.Level.NOTE, a.tok(), "use '==' to turn this assignment into an equality "
                            + "comparison").fixit("=="));
        }
        Type t = expr(c);
        if (!Types.isError(t) && (t.isVoid() || Types.isNull(t) && false)) {
            diags.error(c.tok(), "value of type 'void' is not contextually convertible to 'bool'");
        }
    }

    // ------------------------------------------------------------------ conversions

    /** Copy-initialisation of {@code to} from an expression of type {@code from} (§3.3 conversions). */
    void convert(Type to, Type from, Expr e, String how) {
        if (Types.isError(to) || Types.isError(from) || ok(to, from, e)) {
            return;
        }
        String kind = e instanceof Name || e instanceof Member || e instanceof StrLit ? "an lvalue" : "an rvalue";
        String msg = switch (how) {
            case "return" -> "cannot initialize return object of type " + Types.quote(to) + " with " + kind
                    + " of type " + Types.quote(from);
            case "assign" -> "assigning to " + Types.quote(to) + " from incompatible type " + Types.quote(from);
            case "param" -> "cannot initialize a parameter of type " + Types.quote(to) + " with " + kind + " of type "
                    + Types.quote(from);
            default -> "cannot initialize a variable of type " + Types.quote(to) + " with " + kind + " of type "
                    + Types.quote(from);
        };
        diags.error(e.tok(), msg);
    }

    private boolean ok(Type to, Type from, Expr e) {
        if (from.isVoid()) {
            return false;
        }
        if (Types.isBool(to)) {
            return !Types.isNull(from) && !Types.isError(from);
        }
        if (Types.isInteger(to)) {
            return Types.isArithmetic(from);
        }
        if (to.base().equals("void") && to.pointers() == 1) {
            return Types.isPointer(from) || Types.isNull(from);
        }
        if (Types.isPointer(to)) {
            if (Types.isNull(from) || e instanceof IntLit i && i.value() == 0) {
                return true;
            }
            if (to.pointers() != from.pointers()) {
                return false;
            }
            if (to.pointers() == 0) {
                return to.base().equals(from.base());
            }
            if (to.base().equals(from.base()) || Types.same(to, from) || to.base().equals("char")
                    && from.base().equals("char")) {
                return true;
            }
            return to.pointers() == 1 && table.derives(from.base(), to.base());
        }
        if (to.base().equals(Types.ACTION.base())) {
            return from.base().equals(Types.ACTION.base()) || Types.isNull(from);
        }
        return true;
    }

    // ------------------------------------------------------------------ expressions

    Type expr(Expr e) {
        if (e instanceof IntLit i) {
            return i.unsigned() ? Types.t("unsigned int", 0) : Types.INT;
        } else if (e instanceof StrLit || e instanceof Pretty) {
            return Types.STRING;
        } else if (e instanceof BoolLit) {
            return Types.BOOL;
        } else if (e instanceof NullLit) {
            return Types.NULLPTR;
        } else if (e instanceof This t) {
            return cls == null ? thisOutside(t) : Types.t(cls.name(), 1);
        } else if (e instanceof Name n) {
            return name(n);
        } else if (e instanceof Scoped s) {
            return scopedValue(s);
        } else if (e instanceof Call c) {
            return Calls.call(this, c);
        } else if (e instanceof Member m) {
            return member(m, false);
        } else if (e instanceof Index i) {
            return index(i);
        } else if (e instanceof Unary u) {
            return unary(u);
        } else if (e instanceof Postfix p) {
            Type t = expr(p.operand());
            lvalue(p.operand());
            return t;
        } else if (e instanceof Binary b) {
            return binary(b);
        } else if (e instanceof Assign a) {
            return assign(a);
        } else if (e instanceof Cond c) {
            expr(c.test());
            Type a = expr(c.then());
            Type b = expr(c.otherwise());
            return Types.isNull(a) ? b : a;
        } else if (e instanceof Cast c) {
            expr(c.operand());
            return checkType(c.type()) ? c.type() : Types.ERROR;
        } else if (e instanceof DynCast d) {
            return dynCast(d);
        }
        return memberFnCast((MemberFnCast) e);
    }

    private Type thisOutside(This t) {
        diags.error(t.tok(), "invalid use of 'this' outside of a non-static member function");
        return Types.ERROR;
    }

    private Type name(Name n) {
        Var v = lookupLocal(n.name());
        if (v != null) {
            readLocal(n, v.type());
            return v.type();
        }
        if (cls != null) {
            ClassTable.Found<Field> f = table.field(cls.name(), n.name());
            if (f != null && table.isLearner(f.owner().name())) {
                return f.member().type();
            }
            ClassTable.Found<List<MethodDecl>> m = table.methods(cls.name(), n.name());
            if (m != null) {
                diags.error(n.tok(), "reference to non-static member function must be called");
                return Types.ERROR;
            }
        }
        Global g = ck.globals.get(n.name());
        if (g != null) {
            return g.type();
        }
        if (ck.enums.containsKey(n.name())) {
            return Types.INT;
        }
        if (Sdk.isConstant(n.name()) && ck.features.contains(Sdk.CONSTANT_FEATURE.get(n.name()))) {
            return Types.t(Sdk.CONSTANT_TYPES.get(n.name()), 0);
        }
        return undeclared(n.tok(), n.name());
    }

    Type undeclared(Tok t, String name) {
        if (t.macro() != null && t.macro().equals("super") || name.equals("super")) {
            diags.error(t, "use of undeclared identifier '" + name + "'");
            return Types.ERROR;
        }
        String near = Suggest.nearest(name, visibleNames());
        if (near != null) {
            Diag d = diags.error(t, "use of undeclared identifier '" + name + "'; did you mean '" + near + "'?")
                    .fixit(near);
            Tok at = declaredAt(near);
            if (at != null) {
                d.note(Diag.at(Diag.Level.NOTE, at, "'" + near + "' declared here"));
            }
        } else {
            diags.error(t, "use of undeclared identifier '" + name + "'");
        }
        return Types.ERROR;
    }

    private Tok declaredAt(String name) {
        Var v = lookupLocal(name);
        if (v != null) {
            return v.tok();
        }
        if (cls != null) {
            ClassTable.Found<Field> f = table.field(cls.name(), name);
            if (f != null && table.isLearner(f.owner().name())) {
                return f.member().tok();
            }
            ClassTable.Found<List<MethodDecl>> m = table.methods(cls.name(), name);
            if (m != null && table.isLearner(m.owner().name())) {
                return m.member().get(0).tok();
            }
        }
        Global g = ck.globals.get(name);
        if (g != null) {
            return g.tok();
        }
        EnumConst ec = ck.enums.get(name);
        return ec == null ? null : ec.tok();
    }

    private Set<String> visibleNames() {
        Set<String> out = new LinkedHashSet<>();
        for (Map<String, Var> s : scopes) {
            out.addAll(s.keySet());
        }
        if (cls != null) {
            out.addAll(table.memberNames(cls.name()));
        }
        out.addAll(ck.globals.keySet());
        out.addAll(ck.enums.keySet());
        for (Map.Entry<String, String> c : Sdk.CONSTANT_FEATURE.entrySet()) {
            if (ck.features.contains(c.getValue())) {
                out.add(c.getKey());
            }
        }
        for (Map.Entry<String, Sdk.Function> f : Sdk.FUNCTIONS.entrySet()) {
            if (ck.features.contains(f.getValue().feature())) {
                out.add(f.getKey());
            }
        }
        return out;
    }

    Var lookupLocal(String name) {
        for (Map<String, Var> s : scopes) {
            Var v = s.get(name);
            if (v != null) {
                return v;
            }
        }
        return null;
    }

    Type localType(String name) {
        Var v = lookupLocal(name);
        return v == null ? null : v.type();
    }

    private Type scopedValue(Scoped s) {
        if (ck.enums.containsKey(s.name()) || Sdk.isConstant(s.name())) {
            return Types.INT;
        }
        diags.error(s.tok(), "call to non-static member function without an object argument");
        return Types.ERROR;
    }

    /** {@code p->m} / {@code p.m} not in call position: a field. */
    Type member(Member m, boolean call) {
        Type obj = expr(m.object());
        if (Types.isError(obj)) {
            return Types.ERROR;
        }
        if (!m.arrow() && obj.pointers() == 1 && table.get(obj.base()) != null) {
            diags.error(m.tok(), "member reference type " + Types.quote(obj) + " is a pointer; did you mean to use '->'?")
                    .fixit("->").rangeFrom(m.object().tok().col());
            return Types.ERROR;
        }
        if (obj.pointers() != 1 || table.get(obj.base()) == null) {
            diags.error(m.tok(), "member reference type " + Types.quote(obj) + " is not a pointer");
            return Types.ERROR;
        }
        String body = Sdk.BODY_FEATURE.get(obj.base());
        if (body != null && !ck.features.contains(body)) {
            diags.error(m.tok(), "member access into incomplete type '" + obj.base() + "'");
            return Types.ERROR;
        }
        if (obj.base().equals("IOExternalMethodArguments")) {
            return externalArgs(m);
        }
        ClassTable.Found<Field> f = table.field(obj.base(), m.name());
        if (f != null && table.isLearner(f.owner().name())) {
            access(m.nameTok(), f.owner(), f.member().access(), m.name());
            return f.member().type();
        }
        ClassTable.Found<List<MethodDecl>> meth = table.methods(obj.base(), m.name());
        if (meth != null && !call) {
            diags.error(m.nameTok(), "reference to non-static member function must be called");
            return Types.ERROR;
        }
        if (meth == null) {
            noMember(m.nameTok(), m.name(), obj.base());
            return Types.ERROR;
        }
        return Types.ERROR;
    }

    private Type externalArgs(Member m) {
        return switch (m.name()) {
            case "selector", "scalarInputCount", "scalarOutputCount" -> Types.t("uint32_t", 0);
            case "scalarInput", "scalarOutput" -> Types.t("uint64_t", 1);
            default -> {
                diags.notSupported(m.nameTok(), "'" + m.name() + "' of IOExternalMethodArguments");
                yield Types.ERROR;
            }
        };
    }

    void noMember(Tok at, String name, String cls) {
        String near = Suggest.nearest(name, table.memberNames(cls));
        if (near != null) {
            diags.error(at, "no member named '" + name + "' in '" + cls + "'; did you mean '" + near + "'?")
                    .fixit(near);
        } else {
            diags.error(at, "no member named '" + name + "' in '" + cls + "'");
        }
    }

    /** Access to a protected or private member from outside its class (§5.2 row 12). */
    void access(Tok at, ClassDecl owner, String access, String name) {
        if (access.equals("public") || cls != null && cls.name().equals(owner.name())) {
            return;
        }
        if (access.equals("protected") && cls != null && table.derives(cls.name(), owner.name())) {
            return;
        }
        Diag d = diags.error(at, "'" + name + "' is a " + access + " member of '" + owner.name() + "'");
        if (table.isLearner(owner.name())) {
            Tok where = null;
            Field f = owner.field(name);
            MethodDecl md = owner.method(name);
            where = f != null ? f.tok() : md != null ? md.tok() : null;
            if (where != null) {
                d.note(Diag.at(Diag.Level.NOTE, where, "declared " + access + " here"));
            }
        }
    }

    private Type index(Index i) {
        Type a = expr(i.array());
        expr(i.index());
        if (Types.isError(a)) {
            return Types.ERROR;
        }
        if (i.array() instanceof Member m && (m.name().equals("scalarInput") || m.name().equals("scalarOutput"))) {
            return Types.t("uint64_t", 0);
        }
        diags.notSupported(i.tok(), "indexing other than arguments->scalarInput[i] or scalarOutput[i]");
        return Types.ERROR;
    }

    private Type unary(Unary u) {
        if (u.op().equals("&") && u.operand() instanceof Name an) {
            uninitialized.remove(an.name()); // its address escapes: clang no longer tracks it
        }
        Type t = expr(u.operand());
        if (Types.isError(t)) {
            return t;
        }
        switch (u.op()) {
            case "!":
                return Types.BOOL;
            case "&":
                if (!(u.operand() instanceof Name) && !(u.operand() instanceof Member)) {
                    diags.notSupported(u.tok(), "taking this address");
                    return Types.ERROR;
                }
                if (t.pointers() > 0) {
                    diags.notSupported(u.tok(), "a pointer to a pointer");
                    return Types.ERROR;
                }
                return new Type(t.base(), 1, t.isConst(), t.isVolatile(), t.tok());
            case "*":
                if (t.pointers() == 0) {
                    diags.error(u.tok(), "indirection requires pointer operand (" + Types.quote(t) + " invalid)");
                    return Types.ERROR;
                }
                if (table.get(t.base()) != null) {
                    diags.notSupported(u.tok(), "dereferencing an object pointer");
                    return Types.ERROR;
                }
                return t.pointee();
            case "++", "--":
                lvalue(u.operand());
                if (t.pointers() > 0) {
                    diags.notSupported(u.tok(), "pointer arithmetic");
                    return Types.ERROR;
                }
                return t;
            default:
                if (!Types.isArithmetic(t)) {
                    diags.error(u.tok(), "invalid argument type " + Types.quote(t) + " to unary expression");
                    return Types.ERROR;
                }
                return Types.INT;
        }
    }

    private Type binary(Binary b) {
        Type l = expr(b.left());
        Type r = expr(b.right());
        if (Types.isError(l) || Types.isError(r)) {
            return switch (b.op()) {
                case "&&", "||", "==", "!=", "<", ">", "<=", ">=" -> Types.BOOL;
                default -> Types.ERROR;
            };
        }
        switch (b.op()) {
            case "&&", "||":
                return Types.BOOL;
            case "==", "!=", "<", ">", "<=", ">=":
                boolean lp = Types.isPointer(l) || Types.isNull(l);
                boolean rp = Types.isPointer(r) || Types.isNull(r);
                if (lp != rp && !(b.right() instanceof IntLit i && i.value() == 0)
                        && !(b.left() instanceof IntLit j && j.value() == 0)) {
                    diags.error(b.tok(), "comparison between pointer and integer (" + Types.quote(l).replaceAll(" \\(aka.*", "")
                            + " and " + Types.quote(r).replaceAll(" \\(aka.*", "") + ")");
                }
                return Types.BOOL;
            default:
                if (Types.isPointer(l) || Types.isPointer(r)) {
                    diags.notSupported(b.tok(), "pointer arithmetic");
                    return Types.ERROR;
                }
                if (!Types.isArithmetic(l) || !Types.isArithmetic(r)) {
                    diags.error(b.tok(), "invalid operands to binary expression (" + Types.quote(l) + " and "
                            + Types.quote(r) + ")");
                    return Types.ERROR;
                }
                return Types.isUnsigned(l) ? l : Types.isBool(l) ? Types.INT : l;
        }
    }

    private Type assign(Assign a) {
        if (a.target() instanceof Name n && a.op().equals("=")) {
            uninitialized.remove(n.name());
        }
        Type t = expr(a.target());
        Type v = expr(a.value());
        if (!lvalue(a.target())) {
            return Types.ERROR;
        }
        if (a.op().equals("=")) {
            convert(t, v, a.value(), "assign");
        } else if (!Types.isError(t) && !Types.isArithmetic(t)) {
            diags.notSupported(a.tok(), "pointer arithmetic");
        }
        return t;
    }

    private boolean lvalue(Expr e) {
        if (e instanceof Name || e instanceof Member || e instanceof Index
                || e instanceof Unary u && u.op().equals("*")) {
            return true;
        }
        diags.error(e.tok(), "expression is not assignable");
        return false;
    }

    private Type dynCast(DynCast d) {
        Type v = expr(d.operand());
        if (table.get(d.className()) == null) {
            return undeclared(d.classTok(), d.className());
        }
        if (!Types.isError(v) && !Types.isPointer(v) && !Types.isNull(v)) {
            diags.error(d.operand().tok(), "member reference type " + Types.quote(v) + " is not a pointer");
        }
        return Types.t(d.className(), 1);
    }

    private Type memberFnCast(MemberFnCast m) {
        if (!ck.features.contains(Headers.TIMER)) {
            return undeclared(m.tok(), "IOTimerEventSource");
        }
        if (table.methods(m.className(), m.method()) == null) {
            noMember(m.tok(), m.method(), m.className());
        }
        return Types.ACTION;
    }

    ClassDecl currentClass() {
        return cls;
    }

    Checker checker() {
        return ck;
    }

    Diagnostics diagnostics() {
        return diags;
    }

    ClassTable table() {
        return table;
    }

    List<String> scopeNames() {
        return new ArrayList<>(visibleNames());
    }
}
