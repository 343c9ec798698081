package kextshell.lab.run;

import java.util.Map;
import kextshell.lab.ast.Ast.*;
import kextshell.lab.check.Sdk;

/** Constant expressions of enum initialisers and default arguments. */
final class ConstEval {
    private ConstEval() {
    }

    static long eval(Expr e, Map<String, Long> enums) {
        if (e instanceof IntLit i) {
            return i.value();
        } else if (e instanceof BoolLit b) {
            return b.value() ? 1 : 0;
        } else if (e instanceof NullLit) {
            return 0;
        } else if (e instanceof Name n) {
            Long v = enums.get(n.name());
            return v != null ? v : Sdk.constant(n.name());
        } else if (e instanceof Unary u) {
            long v = eval(u.operand(), enums);
            return switch (u.op()) {
                case "-" -> -v;
                case "~" -> ~v;
                case "!" -> v == 0 ? 1 : 0;
                default -> v;
            };
        } else if (e instanceof Binary b) {
            return Interp.arith(b.op(), eval(b.left(), enums), eval(b.right(), enums));
        } else if (e instanceof Cast c) {
            return eval(c.operand(), enums);
        }
        return 0;
    }
}
