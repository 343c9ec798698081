package kextshell.lab.run;

import java.util.ArrayList;
import java.util.List;
import kextshell.lab.ast.Ast.*;

/**
 * Grader notes for traps clang does not catch (lab reference §4.1, §5.3): an IOReturn constant
 * returned from a bool method (kIOReturnSuccess is 0, so it means false), a bool returned from an
 * IOReturn method. Printed as {@code kextshell:} notes, never dressed as clang.
 */
final class Lints {
    private Lints() {
    }

    static List<String> of(Program p) {
        List<String> out = new ArrayList<>();
        for (MethodDef d : p.unit.methods()) {
            walk(d.body(), d, out);
        }
        return out;
    }

    private static void walk(Stmt s, MethodDef d, List<String> out) {
        if (s instanceof Block b) {
            b.stmts().forEach(x -> walk(x, d, out));
        } else if (s instanceof If i) {
            walk(i.then(), d, out);
            if (i.otherwise() != null) {
                walk(i.otherwise(), d, out);
            }
        } else if (s instanceof While w) {
            walk(w.body(), d, out);
        } else if (s instanceof For f) {
            walk(f.body(), d, out);
        } else if (s instanceof Switch sw) {
            sw.cases().forEach(c -> c.body().forEach(x -> walk(x, d, out)));
        } else if (s instanceof Return r && r.value() != null) {
            check(r, d, out);
        }
    }

    private static void check(Return r, MethodDef d, List<String> out) {
        String where = r.tok().file() + ":" + r.tok().line() + ": " + d.className() + "::" + d.name();
        boolean boolMethod = d.ret().base().equals("bool") && d.ret().pointers() == 0;
        boolean ioReturnMethod = d.ret().base().equals("IOReturn") && d.ret().pointers() == 0;
        if (boolMethod && r.value() instanceof Name n && n.name().startsWith("kIOReturn")) {
            out.add(where + " returns " + n.name() + " from a bool method: "
                    + (n.name().equals("kIOReturnSuccess") ? "that is 0, so it means false" : "that is non-zero, so it means true"));
        }
        if (ioReturnMethod && r.value() instanceof BoolLit b) {
            out.add(where + " returns " + b.value() + " from an IOReturn method: that is "
                    + (b.value() ? "1, not kIOReturnSuccess" : "0, kIOReturnSuccess"));
        }
    }
}
