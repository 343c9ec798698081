package kextshell.lab.check;

import kextshell.lab.ast.Ast.*;

/** A conservative "control cannot fall off the end" test, enough for -Wreturn-type on the subset. */
final class Flow {
    private Flow() {
    }

    static boolean alwaysReturns(Stmt s) {
        if (s instanceof Return) {
            return true;
        } else if (s instanceof Block b) {
            return b.stmts().stream().anyMatch(Flow::alwaysReturns);
        } else if (s instanceof If i) {
            return i.otherwise() != null && alwaysReturns(i.then()) && alwaysReturns(i.otherwise());
        } else if (s instanceof While w) {
            return isTrue(w.cond()) && !breaks(w.body());
        } else if (s instanceof For f) {
            return (f.cond() == null || isTrue(f.cond())) && !breaks(f.body());
        } else if (s instanceof Switch sw) {
            return switchReturns(sw);
        }
        return false;
    }

    private static boolean switchReturns(Switch sw) {
        boolean hasDefault = false;
        for (Case c : sw.cases()) {
            hasDefault |= c.value() == null;
            for (Stmt s : c.body()) {
                if (breaks(s)) {
                    return false;
                }
            }
        }
        if (!hasDefault || sw.cases().isEmpty()) {
            return false;
        }
        Case last = sw.cases().get(sw.cases().size() - 1);
        return last.body().stream().anyMatch(Flow::alwaysReturns);
    }

    private static boolean isTrue(Expr e) {
        return e instanceof BoolLit b && b.value() || e instanceof IntLit i && i.value() != 0;
    }

    /** A break that leaves this statement (not one inside a nested loop or switch). */
    private static boolean breaks(Stmt s) {
        if (s instanceof Jump j) {
            return j.isBreak();
        } else if (s instanceof Block b) {
            return b.stmts().stream().anyMatch(Flow::breaks);
        } else if (s instanceof If i) {
            return breaks(i.then()) || i.otherwise() != null && breaks(i.otherwise());
        }
        return false;
    }
}
