package kextshell.lab.check;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import kextshell.lab.ast.Ast.*;
import kextshell.lab.diag.Diag;
import kextshell.lab.diag.Diagnostics;

/**
 * The static rules of §3.3 for declarations: classes and their bases, overrides against the SDK's
 * virtuals, out-of-line definitions against their class, metaclass definitions; then each body
 * through {@link BodyChecker}. Every message is clang's wording (§5.2).
 */
public final class Checker {
    private final Unit unit;
    private final Diagnostics diags;
    final ClassTable table;
    final Set<String> features;
    final Map<String, Global> globals = new HashMap<>();
    final Map<String, EnumConst> enums = new HashMap<>();

    private Checker(Unit unit, Set<String> features, Diagnostics diags) {
        this.unit = unit;
        this.features = features;
        this.diags = diags;
        this.table = new ClassTable(unit.classes(), features);
    }

    public static void check(Unit unit, Set<String> features, Diagnostics diags) {
        new Checker(unit, features, diags).run();
    }

    Diagnostics diags() {
        return diags;
    }

    Unit unit() {
        return unit;
    }

    private void run() {
        for (EnumConst e : unit.enums()) {
            enums.putIfAbsent(e.name(), e);
        }
        Map<String, ClassDecl> named = new HashMap<>();
        for (ClassDecl c : unit.classes()) {
            ClassDecl prev = named.putIfAbsent(c.name(), c);
            if (prev != null) {
                diags.error(c.tok(), "redefinition of '" + c.name() + "'")
                        .note(Diag.at(Diag.Level.NOTE, prev.tok(), "previous definition is here"));
            } else if (Sdk.classes().containsKey(c.name())) {
                // The kernel already defines it: OSMetaClass would refuse the duplicate at load,
                // and with the headers included clang refuses the class itself.
                diags.error(c.tok(), "redefinition of '" + c.name() + "'");
            }
            checkClass(c);
        }
        for (MetaClassDef m : unit.metaClasses()) {
            if (!table.isLearner(m.className())) {
                diags.error(m.classTok(), "use of undeclared identifier '" + m.className() + "'");
            } else if (table.get(m.superName()) == null) {
                diags.error(m.superTok(), "use of undeclared identifier '" + m.superName() + "'");
            }
        }
        BodyChecker body = new BodyChecker(this);
        for (Global g : unit.globals()) {
            body.checkType(g.type());
            if (g.init() != null) {
                body.checkGlobalInit(g);
            }
            globals.putIfAbsent(g.name(), g);
        }
        Map<String, MethodDef> seen = new HashMap<>();
        for (MethodDef d : unit.methods()) {
            MethodDecl decl = checkDefinition(d, seen);
            if (decl != null && !diags.stopped()) {
                body.checkMethod(d, decl);
            }
        }
    }

    // ------------------------------------------------------------------ classes

    private void checkClass(ClassDecl c) {
        if (table.get(c.superName()) == null) {
            diags.error(c.superTok(), "expected class name");
        }
        BodyChecker types = new BodyChecker(this);
        for (Field f : c.fields()) {
            types.checkType(f.type());
        }
        boolean anyOverride = c.methods().stream().anyMatch(MethodDecl::isOverride);
        for (MethodDecl m : c.methods()) {
            types.checkType(m.ret());
            for (Param p : m.params()) {
                types.checkType(p.type());
            }
            checkOverride(c, m, anyOverride);
        }
    }

    MethodDecl overridden(ClassDecl c, MethodDecl m) {
        return overridden(table, c, m);
    }

    /** The base virtual {@code m} overrides: same name, same parameter types and const. */
    public static MethodDecl overridden(ClassTable table, ClassDecl c, MethodDecl m) {
        ClassTable.Found<List<MethodDecl>> base = table.methods(c.superName(), m.name());
        if (base == null) {
            return null;
        }
        for (MethodDecl b : base.member()) {
            if (sameParams(b.params(), m.params()) && b.isConst() == m.isConst()) {
                return b;
            }
        }
        return null;
    }

    private void checkOverride(ClassDecl c, MethodDecl m, boolean classUsesOverride) {
        if (Set.of("clientMemoryForType", "registerNotificationPort", "newUserClient").contains(m.name())) {
            diags.error(m.tok(), "'" + m.name() + "' is not modelled: it is not supported in the driver lab");
            return;
        }
        MethodDecl base = overridden(c, m);
        boolean baseVirtual = base != null && (base.isVirtual() || inheritedVirtual(c.superName(), base));
        if (base != null && baseVirtual && !Types.same(base.ret(), m.ret()) && !Types.isError(m.ret())) {
            diags.error(m.tok(), "virtual function '" + m.name() + "' has a different return type ("
                    + Types.quote(m.ret()) + ") than the function it overrides (which has return type "
                    + Types.quote(base.ret()) + ")");
            return;
        }
        if (m.isOverride()) {
            if (base != null && baseVirtual) {
                return;
            }
            ClassTable.Found<List<MethodDecl>> named = table.methods(c.superName(), m.name());
            boolean hidesVirtual = named != null && named.member().stream().anyMatch(MethodDecl::isVirtual);
            if (!m.isVirtual() && hidesVirtual) {
                diags.error(m.overrideTok(), "non-virtual member function marked 'override' hides virtual member function");
            } else if (!m.isVirtual()) {
                diags.error(m.overrideTok(), "only virtual member functions can be marked 'override'");
            } else {
                diags.error(m.tok(), "'" + m.name() + "' marked 'override' but does not override any member functions");
            }
            return;
        }
        if (base != null && baseVirtual && classUsesOverride) {
            diags.warning(m.tok(), "'" + m.name() + "' overrides a member function but is not marked 'override'",
                    "-Winconsistent-missing-override");
        }
    }

    private boolean inheritedVirtual(String cls, MethodDecl m) {
        ClassTable.Found<List<MethodDecl>> f = table.methods(cls, m.name());
        return f != null && f.member().stream().anyMatch(MethodDecl::isVirtual);
    }

    /** Whether a declaration is virtual: declared so, or overriding a base virtual. */
    public static boolean isVirtual(ClassTable table, ClassDecl c, MethodDecl m) {
        if (m.isVirtual()) {
            return true;
        }
        return overridden(table, c, m) != null;
    }

    static boolean sameParams(List<Param> a, List<Param> b) {
        if (a.size() != b.size()) {
            return false;
        }
        for (int i = 0; i < a.size(); i++) {
            if (!Types.same(a.get(i).type(), b.get(i).type())) {
                return false;
            }
        }
        return true;
    }

    // ------------------------------------------------------------------ definitions

    private MethodDecl checkDefinition(MethodDef d, Map<String, MethodDef> seen) {
        ClassDecl c = table.isLearner(d.className()) ? table.get(d.className()) : null;
        if (c == null) {
            if (table.get(d.className()) != null) {
                diags.error(d.tok(), "out-of-line definition of '" + d.name() + "' does not match any declaration in '"
                        + d.className() + "'");
            } else {
                diags.error(d.classTok(), "use of undeclared identifier '" + d.className() + "'");
            }
            return null;
        }
        MethodDecl match = null;
        for (MethodDecl m : c.methods()) {
            if (m.name().equals(d.name()) && sameParams(m.params(), d.params()) && m.isConst() == d.isConst()) {
                match = m;
            }
        }
        if (match == null) {
            List<String> names = new ArrayList<>();
            c.methods().forEach(m -> names.add(m.name()));
            String near = Suggest.nearest(d.name(), names);
            boolean sameName = names.contains(d.name());
            if (near != null && !sameName) {
                diags.error(d.tok(), "out-of-line definition of '" + d.name() + "' does not match any declaration in '"
                        + d.className() + "'; did you mean '" + near + "'?").fixit(near)
                        .note(Diag.at(Diag.Level.NOTE, c.method(near).tok(), "'" + near + "' declared here"));
            } else {
                diags.error(d.tok(), "out-of-line definition of '" + d.name() + "' does not match any declaration in '"
                        + d.className() + "'");
            }
            return null;
        }
        if (!Types.same(match.ret(), d.ret())) {
            diags.error(d.ret().tok(), "return type of out-of-line definition of '" + d.className() + "::" + d.name()
                    + "' differs from that in the declaration").note(Diag.at(Diag.Level.NOTE, match.tok(),
                    "previous declaration is here"));
            return null;
        }
        String key = d.className() + "::" + d.name() + "/" + d.params().size();
        MethodDef prev = seen.putIfAbsent(key, d);
        if (prev != null) {
            diags.error(d.tok(), "redefinition of '" + d.name() + "'")
                    .note(Diag.at(Diag.Level.NOTE, prev.tok(), "previous definition is here"));
            return null;
        }
        return match;
    }
}
