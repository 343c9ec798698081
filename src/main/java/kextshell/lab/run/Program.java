package kextshell.lab.run;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kextshell.lab.ast.Ast.*;
import kextshell.lab.check.Checker;
import kextshell.lab.check.ClassTable;

/** A checked unit arranged for running: each learner method with its declaration and its name. */
final class Program {
    /** One defined method: where it is declared, its body, and its __PRETTY_FUNCTION__. */
    record Method(ClassDecl owner, MethodDecl decl, MethodDef def, String pretty, boolean isVirtual) {
        String qualified() {
            return owner.name() + "::" + decl.name();
        }
    }

    final Unit unit;
    final ClassTable table;
    private final Map<String, List<Method>> methods = new HashMap<>();
    private final Map<String, Long> enumValues = new HashMap<>();

    Program(Unit unit, Set<String> features) {
        this.unit = unit;
        this.table = new ClassTable(unit.classes(), features);
        for (MethodDef d : unit.methods()) {
            ClassDecl c = table.get(d.className());
            MethodDecl decl = c == null ? null : match(c, d);
            if (decl != null) {
                boolean virt = Checker.isVirtual(table, c, decl);
                methods.computeIfAbsent(c.name() + "::" + d.name(), k -> new ArrayList<>())
                        .add(new Method(c, decl, d, pretty(c, decl, d, virt), virt));
            }
        }
        long next = 0;
        for (EnumConst e : unit.enums()) {
            long v = e.value() == null ? next : ConstEval.eval(e.value(), enumValues);
            enumValues.put(e.name(), v);
            next = v + 1;
        }
    }

    private static MethodDecl match(ClassDecl c, MethodDef d) {
        for (MethodDecl m : c.methods()) {
            if (m.name().equals(d.name()) && m.params().size() == d.params().size()) {
                return m;
            }
        }
        return null;
    }

    /** clang's PredefinedExpr::ComputeName for a method: "virtual " ret Class::name(types)[ const]. */
    private static String pretty(ClassDecl c, MethodDecl decl, MethodDef d, boolean virt) {
        StringBuilder b = new StringBuilder();
        if (virt) {
            b.append("virtual ");
        }
        b.append(d.ret().spelled()).append(' ').append(c.name()).append("::").append(d.name()).append('(');
        for (int i = 0; i < d.params().size(); i++) {
            b.append(i == 0 ? "" : ", ").append(d.params().get(i).type().spelled());
        }
        b.append(')');
        if (d.isConst()) {
            b.append(" const");
        }
        return b.toString();
    }

    Long enumValue(String name) {
        return enumValues.get(name);
    }

    /** The first definition of {@code name} from {@code cls} up the learner's chain (any arity fitting). */
    Method find(String cls, String name, int argc) {
        int guard = 0;
        for (String c = cls; c != null && table.isLearner(c) && guard++ < 64; ) {
            List<Method> ms = methods.get(c + "::" + name);
            if (ms != null) {
                for (Method m : ms) {
                    long min = m.decl().params().stream().filter(p -> p.defaultValue() == null).count();
                    if (argc < 0 || argc >= min && argc <= m.decl().params().size()) {
                        return m;
                    }
                }
            }
            c = table.get(c).superName();
        }
        return null;
    }

    /** The kernel class at the top of a learner class's chain (IOService, IOUserClient, ...). */
    String kernelBase(String cls) {
        String c = cls;
        int guard = 0;
        while (c != null && table.isLearner(c) && guard++ < 64) {
            c = table.get(c).superName();
        }
        return c;
    }

    /** Every learner field of the chain, most derived last, with its type. */
    List<Field> fields(String cls) {
        List<Field> out = new ArrayList<>();
        int guard = 0;
        for (String c = cls; c != null && table.isLearner(c) && guard++ < 64; c = table.get(c).superName()) {
            out.addAll(0, table.get(c).fields());
        }
        return out;
    }

    boolean isLearner(String cls) {
        return table.isLearner(cls);
    }

    boolean derives(String cls, String ancestor) {
        return table.derives(cls, ancestor);
    }
}
