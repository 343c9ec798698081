package kextshell.lab.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kextshell.lab.ast.Ast.ClassDecl;
import kextshell.lab.ast.Ast.Field;
import kextshell.lab.ast.Ast.MethodDecl;

/** The learner's classes over the SDK's: lookups that walk the superclass chain. */
public final class ClassTable {
    /** A member found in a class of the chain. */
    public record Found<T>(ClassDecl owner, T member) {
    }

    private final Map<String, ClassDecl> learner = new HashMap<>();
    private final Set<String> features;

    public ClassTable(List<ClassDecl> classes, Set<String> features) {
        for (ClassDecl c : classes) {
            learner.putIfAbsent(c.name(), c);
        }
        this.features = features;
    }

    public boolean isLearner(String name) {
        return learner.containsKey(name);
    }

    /** A class the unit can name: one of the learner's, or a kernel class its includes bring. */
    public ClassDecl get(String name) {
        ClassDecl c = learner.get(name);
        if (c != null) {
            return c;
        }
        String f = Sdk.CLASS_FEATURE.get(name);
        return f != null && features.contains(f) ? Sdk.classes().get(name) : null;
    }

    /** Any class, visible or not (the chain of a visible class may pass through hidden ones). */
    ClassDecl any(String name) {
        ClassDecl c = learner.get(name);
        return c != null ? c : Sdk.classes().get(name);
    }

    public boolean derives(String cls, String ancestor) {
        int guard = 0;
        for (String c = cls; c != null && guard++ < 64; ) {
            if (c.equals(ancestor)) {
                return true;
            }
            ClassDecl d = any(c);
            c = d == null ? null : d.superName();
        }
        return false;
    }

    /** Every method named {@code name} in the first class of the chain that declares one. */
    public Found<List<MethodDecl>> methods(String cls, String name) {
        int guard = 0;
        for (String c = cls; c != null && guard++ < 64; ) {
            ClassDecl d = any(c);
            if (d == null) {
                return null;
            }
            List<MethodDecl> out = new ArrayList<>();
            for (MethodDecl m : d.methods()) {
                if (m.name().equals(name)) {
                    out.add(m);
                }
            }
            if (!out.isEmpty()) {
                return new Found<>(d, out);
            }
            c = d.superName();
        }
        return null;
    }

    public Found<Field> field(String cls, String name) {
        int guard = 0;
        for (String c = cls; c != null && guard++ < 64; ) {
            ClassDecl d = any(c);
            if (d == null) {
                return null;
            }
            Field f = d.field(name);
            if (f != null) {
                return new Found<>(d, f);
            }
            c = d.superName();
        }
        return null;
    }

    /** Every member name along the chain, for "did you mean" suggestions. */
    public List<String> memberNames(String cls) {
        List<String> out = new ArrayList<>();
        int guard = 0;
        for (String c = cls; c != null && guard++ < 64; ) {
            ClassDecl d = any(c);
            if (d == null) {
                break;
            }
            d.methods().forEach(m -> out.add(m.name()));
            d.fields().forEach(f -> out.add(f.name()));
            c = d.superName();
        }
        return out;
    }

    public Map<String, ClassDecl> learnerClasses() {
        return learner;
    }
}
