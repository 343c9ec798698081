package kextshell.lab.run;

import java.util.HashSet;
import java.util.Set;
import kextshell.lab.ast.Ast.*;

/** The method names a unit's bodies call: a call is what makes an undefined method a link-time symbol. */
final class References {
    private final Set<String> called = new HashSet<>();

    static Set<String> calledNames(Unit unit) {
        References r = new References();
        for (MethodDef d : unit.methods()) {
            r.stmt(d.body());
        }
        return r.called;
    }

    private void stmt(Stmt s) {
        if (s instanceof Block b) {
            b.stmts().forEach(this::stmt);
        } else if (s instanceof ExprStmt e) {
            expr(e.expr());
        } else if (s instanceof Local l) {
            l.decls().forEach(d -> expr(d.init()));
        } else if (s instanceof If i) {
            expr(i.cond());
            stmt(i.then());
            stmt(i.otherwise());
        } else if (s instanceof While w) {
            expr(w.cond());
            stmt(w.body());
        } else if (s instanceof For f) {
            stmt(f.init());
            expr(f.cond());
            expr(f.step());
            stmt(f.body());
        } else if (s instanceof Switch sw) {
            expr(sw.value());
            sw.cases().forEach(c -> c.body().forEach(this::stmt));
        } else if (s instanceof Return r) {
            expr(r.value());
        }
    }

    private void expr(Expr e) {
        if (e instanceof Call c) {
            Expr f = c.callee();
            if (f instanceof Name n) {
                called.add(n.name());
            } else if (f instanceof Scoped sc) {
                called.add(sc.name());
            } else if (f instanceof Member m) {
                called.add(m.name());
                expr(m.object());
            }
            c.args().forEach(this::expr);
        } else if (e instanceof Member m) {
            expr(m.object());
        } else if (e instanceof Index i) {
            expr(i.array());
            expr(i.index());
        } else if (e instanceof Unary u) {
            expr(u.operand());
        } else if (e instanceof Postfix p) {
            expr(p.operand());
        } else if (e instanceof Binary b) {
            expr(b.left());
            expr(b.right());
        } else if (e instanceof Assign a) {
            expr(a.target());
            expr(a.value());
        } else if (e instanceof Cond c) {
            expr(c.test());
            expr(c.then());
            expr(c.otherwise());
        } else if (e instanceof Cast c) {
            expr(c.operand());
        } else if (e instanceof DynCast d) {
            expr(d.operand());
        } else if (e instanceof MemberFnCast m) {
            called.add(m.method());
        }
    }
}
