package kextshell.lab.check;

import java.util.List;
import kextshell.lab.ast.Ast.*;
import kextshell.lab.diag.Diag;
import kextshell.lab.lex.Headers;

/** Call expressions: what is called, its access, its argument count and argument types. */
final class Calls {
    private Calls() {
    }

    static Type call(BodyChecker b, Call c) {
        if (c.callee() instanceof Name n) {
            return nameCall(b, c, n);
        } else if (c.callee() instanceof Scoped s) {
            return scopedCall(b, c, s);
        } else if (c.callee() instanceof Member m) {
            return memberCall(b, c, m);
        }
        Type t = b.expr(c.callee());
        if (!Types.isError(t)) {
            b.diagnostics().error(c.tok(), "called object type " + Types.quote(t)
                    + " is not a function or function pointer");
        }
        args(b, c.args());
        return Types.ERROR;
    }

    private static void args(BodyChecker b, List<Expr> args) {
        for (Expr a : args) {
            b.expr(a);
        }
    }

    private static Type nameCall(BodyChecker b, Call c, Name n) {
        ClassDecl cls = b.currentClass();
        if (b.localType(n.name()) != null) {
            b.diagnostics().error(c.tok(), "called object type " + Types.quote(b.localType(n.name()))
                    + " is not a function or function pointer");
            return Types.ERROR;
        }
        if (cls != null) {
            ClassTable.Found<List<MethodDecl>> m = b.table().methods(cls.name(), n.name());
            if (m != null) {
                return invoke(b, c, m, n.name());
            }
        }
        Sdk.Function f = Sdk.FUNCTIONS.get(n.name());
        if (f != null && b.checker().features.contains(f.feature())) {
            return freeCall(b, c, n.name(), f);
        }
        b.undeclared(n.tok(), n.name());
        args(b, c.args());
        return Types.ERROR;
    }

    private static Type scopedCall(BodyChecker b, Call c, Scoped s) {
        if (s.scope().equals("IOTimerEventSource") && s.name().equals("timerEventSource")
                && b.checker().features.contains(Headers.TIMER)) {
            args(b, c.args());
            return Types.t("IOTimerEventSource", 1);
        }
        if (b.table().get(s.scope()) == null) {
            b.undeclared(s.tok(), s.scope());
            args(b, c.args());
            return Types.ERROR;
        }
        ClassDecl cls = b.currentClass();
        if (cls == null || !b.table().derives(cls.name(), s.scope())) {
            b.diagnostics().error(s.tok(), "call to non-static member function without an object argument");
            args(b, c.args());
            return Types.ERROR;
        }
        ClassTable.Found<List<MethodDecl>> m = b.table().methods(s.scope(), s.name());
        if (m == null) {
            Diag d = null;
            b.noMember(s.nameTok(), s.name(), s.scope());
            args(b, c.args());
            return Types.ERROR;
        }
        return invoke(b, c, m, s.name());
    }

    private static Type memberCall(BodyChecker b, Call c, Member m) {
        Type obj = b.expr(m.object());
        if (Types.isError(obj)) {
            args(b, c.args());
            return Types.ERROR;
        }
        if (obj.pointers() == 1 && b.table().get(obj.base()) != null && m.arrow()
                && (Sdk.BODY_FEATURE.get(obj.base()) == null
                || b.checker().features.contains(Sdk.BODY_FEATURE.get(obj.base())))) {
            ClassTable.Found<List<MethodDecl>> found = b.table().methods(obj.base(), m.name());
            if (found != null) {
                return invoke(b, c, found, m.name());
            }
        }
        // Not a method: let the member rules report it (pointer '.', incomplete type, no member).
        Member again = new Member(new Cast(obj, m.object(), m.object().tok()), m.name(), m.arrow(), m.tok(), m.nameTok());
        b.member(again, true);
        args(b, c.args());
        return Types.ERROR;
    }

    private static Type invoke(BodyChecker b, Call c, ClassTable.Found<List<MethodDecl>> found, String name) {
        MethodDecl d = pick(found.member(), c.args().size());
        b.access(c.callee() instanceof Member mm ? mm.nameTok() : c.callee().tok(), found.owner(), d.access(), name);
        boolean learner = b.table().isLearner(found.owner().name());
        arity(b, c, d.params(), name, learner ? d : null);
        return d.ret();
    }

    private static MethodDecl pick(List<MethodDecl> decls, int n) {
        for (MethodDecl d : decls) {
            long min = d.params().stream().filter(p -> p.defaultValue() == null).count();
            if (n >= min && n <= d.params().size()) {
                return d;
            }
        }
        return decls.get(0);
    }

    private static void arity(BodyChecker b, Call c, List<Param> params, String name, MethodDecl learnerDecl) {
        int min = (int) params.stream().filter(p -> p.defaultValue() == null).count();
        int n = c.args().size();
        Diag d = null;
        if (n < min) {
            if (params.size() == 1) {
                d = b.diagnostics().error(c.close(), "too few arguments to function call, single argument '"
                        + params.get(0).name() + "' was not specified");
            } else {
                d = b.diagnostics().error(c.close(), "too few arguments to function call, expected "
                        + (min == params.size() ? "" : "at least ") + min + ", have " + n);
            }
        } else if (n > params.size()) {
            d = b.diagnostics().error(c.args().get(params.size()).tok(), "too many arguments to function call, expected "
                    + (min == params.size() ? "" : "at most ") + params.size() + ", have " + n);
        }
        if (d != null) {
            if (learnerDecl != null) {
                d.note(Diag.at(Diag.Level.NOTE, learnerDecl.tok(), "'" + name + "' declared here"));
            }
            args(b, c.args());
            return;
        }
        for (int i = 0; i < n; i++) {
            Type t = b.expr(c.args().get(i));
            b.convert(params.get(i).type(), t, c.args().get(i), "param");
        }
    }

    private static Type freeCall(BodyChecker b, Call c, String name, Sdk.Function f) {
        int n = c.args().size();
        if (n < f.minArgs() || f.maxArgs() >= 0 && n > f.maxArgs()) {
            if (f.maxArgs() == 1 && n == 0) {
                b.diagnostics().error(c.close(), "too few arguments to function call, single argument '"
                        + f.params().get(0).replaceAll(".*[ *]", "") + "' was not specified");
            } else if (n < f.minArgs()) {
                b.diagnostics().error(c.close(), "too few arguments to function call, expected "
                        + (f.maxArgs() < 0 ? "at least " : "") + f.minArgs() + ", have " + n);
            } else {
                b.diagnostics().error(c.args().get(f.maxArgs()).tok(), "too many arguments to function call, expected "
                        + f.maxArgs() + ", have " + n);
            }
            args(b, c.args());
            return Types.t(f.ret(), 0);
        }
        if (name.equals("OSSafeReleaseNULL")) {
            Expr a = c.args().get(0);
            b.expr(a);
            if (!(a instanceof Name) && !(a instanceof Member)) {
                b.diagnostics().error(a.tok(), "expression is not assignable");
            }
            return Types.VOID;
        }
        Type[] types = new Type[n];
        for (int i = 0; i < n; i++) {
            types[i] = b.expr(c.args().get(i));
        }
        if (name.equals("IOLog") || name.startsWith("os_log") && !name.equals("os_log_create")) {
            int fmt = name.equals("IOLog") ? 0 : 1;
            Format.check(b.diagnostics(), c, fmt, types, name.startsWith("os_log"));
        } else if (name.startsWith("OS") && name.endsWith("Atomic")) {
            Type t = types[0];
            if (!Types.isError(t) && !(t.pointers() == 1 && Types.isInteger(Types.t(t.base(), 0)))) {
                b.diagnostics().error(c.args().get(0).tok(), "cannot initialize a parameter of type 'volatile SInt32 *'"
                        + " (aka 'volatile int *') with an rvalue of type " + Types.quote(t));
            }
        }
        return Types.t(f.ret(), 0);
    }
}
