package kextshell.lab.parse;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import kextshell.lab.ast.Ast.*;
import kextshell.lab.diag.Diag;
import kextshell.lab.diag.Diagnostics;
import kextshell.lab.lex.Lexer;
import kextshell.lab.lex.Tok;

/**
 * Recursive descent over the §3.2 grammar. A syntax error is reported once, in clang's words,
 * and the parser resynchronises at the next ';' or '}' (clang's own recovery, one error per
 * statement). A missing ';' is reported and then assumed, as clang's fix-it does.
 */
public final class Parser {
    private static final class Bail extends RuntimeException {
        Bail() {
            super(null, null, false, false);
        }
    }

    private final List<Tok> toks;
    private final Diagnostics diags;
    private final Set<String> classNames = new HashSet<>(Names.KERNEL_CLASSES);
    private int p;
    private final List<ClassDecl> classes = new ArrayList<>();
    private final List<MethodDef> methods = new ArrayList<>();
    private final List<Global> globals = new ArrayList<>();
    private final List<EnumConst> enums = new ArrayList<>();
    private final List<MetaClassDef> metas = new ArrayList<>();
    private final Set<Expr> parens = java.util.Collections.newSetFromMap(new java.util.IdentityHashMap<>());

    private Parser(List<Tok> toks, Diagnostics diags) {
        this.toks = toks;
        this.diags = diags;
        for (int i = 0; i + 1 < toks.size(); i++) {
            if (toks.get(i).is("class") && toks.get(i + 1).isIdent()) {
                classNames.add(toks.get(i + 1).text());
            }
        }
    }

    public static Unit parse(List<Tok> toks, Diagnostics diags) {
        Parser ps = new Parser(toks, diags);
        ps.unit();
        return new Unit(ps.classes, ps.methods, ps.globals, ps.enums, ps.metas, ps.parens);
    }

    // ------------------------------------------------------------------ tokens

    private Tok peek() {
        return toks.get(Math.min(p, toks.size() - 1));
    }

    private Tok peek(int n) {
        return toks.get(Math.min(p + n, toks.size() - 1));
    }

    private Tok prev() {
        return toks.get(Math.max(0, p - 1));
    }

    private Tok next() {
        Tok t = peek();
        if (t.kind() != Tok.Kind.EOF) {
            p++;
        }
        return t;
    }

    private boolean at(String s) {
        return peek().is(s);
    }

    private boolean accept(String s) {
        if (at(s)) {
            p++;
            return true;
        }
        return false;
    }

    private Bail fail(Tok t, String message) {
        if (!diags.stopped()) {
            diags.error(t, message);
        }
        return new Bail();
    }

    private Tok expect(String s) {
        if (at(s)) {
            return next();
        }
        throw fail(peek(), "expected '" + s + "'");
    }

    private Tok expectClose(String close, Tok open) {
        if (at(close)) {
            return next();
        }
        Diag d = diags.error(peek(), "expected '" + close + "'");
        d.note(Diag.at(Diag.Level.NOTE, open, "to match this '" + open.text() + "'"));
        throw new Bail();
    }

    /** A missing ';': reported after the previous token with a fix-it, then assumed. */
    private void semi(String message) {
        if (accept(";")) {
            return;
        }
        Tok last = prev();
        diags.report(new Diag(Diag.Level.ERROR, last.file(), last.line(), last.endCol(), message).fixit(";"));
    }

    private Tok ident(String what) {
        Tok t = peek();
        if (!t.isIdent() || Names.KEYWORDS.contains(t.text())) {
            throw fail(t, "expected " + what);
        }
        return next();
    }

    // ------------------------------------------------------------------ top level

    private void unit() {
        while (peek().kind() != Tok.Kind.EOF && !diags.stopped()) {
            int start = p;
            try {
                topDecl();
            } catch (Bail b) {
                recoverTop();
            }
            if (p == start) {
                next();
            }
        }
    }

    private void recoverTop() {
        int depth = 0;
        while (peek().kind() != Tok.Kind.EOF) {
            Tok t = next();
            if (t.is("{")) {
                depth++;
            } else if (t.is("}")) {
                if (--depth <= 0) {
                    accept(";");
                    return;
                }
            } else if (t.is(";") && depth == 0) {
                return;
            }
        }
    }

    private void topDecl() {
        Tok t = peek();
        if (t.is(";")) {
            next();
            return;
        }
        if (t.is("class")) {
            classDecl();
        } else if (t.is("enum")) {
            enumDecl();
        } else if (t.is("OSDefineMetaClassAndStructors")) {
            metaClassDef();
        } else if (t.is("struct") || t.is("union") || t.is("typedef") || t.is("namespace") || t.is("using")
                || t.is("template")) {
            diags.notSupported(t, "'" + t.text() + "'");
            throw new Bail();
        } else {
            if (t.is("virtual")) {
                diags.error(next(), "'virtual' can only be specified inside the class definition");
            }
            methodOrGlobal();
        }
    }

    private void classDecl() {
        Tok kw = next();
        Tok name = ident("class name");
        if (!accept(":")) {
            throw fail(peek(), at("{") ? "a class without a base is not supported in the driver lab"
                    .replace("a class", "a class") : "expected '{' after base class list");
        }
        if (!accept("public")) {
            if (at("private") || at("protected")) {
                throw fail(peek(), "non-public inheritance is not supported in the driver lab");
            }
        }
        Tok superTok = ident("class name");
        if (at(",")) {
            diags.notSupported(peek(), "multiple inheritance");
            throw new Bail();
        }
        Tok open = expect("{");
        List<Field> fields = new ArrayList<>();
        List<MethodDecl> decls = new ArrayList<>();
        String access = "private";
        if (at("OSDeclareDefaultStructors")) {
            next();
            expect("(");
            ident("class name");
            expect(")");
            accept(";");
            access = "protected";
        }
        while (!at("}") && peek().kind() != Tok.Kind.EOF) {
            int start = p;
            try {
                access = member(name.text(), access, fields, decls);
            } catch (Bail b) {
                recoverMember();
            }
            if (p == start) {
                next();
            }
        }
        expectClose("}", open);
        if (!accept(";")) {
            Tok last = prev();
            diags.report(new Diag(Diag.Level.ERROR, last.file(), last.line(), last.endCol(), "expected ';' after class")
                    .fixit(";"));
        }
        classes.add(new ClassDecl(name.text(), superTok.text(), name, superTok, fields, decls));
    }

    private void recoverMember() {
        int depth = 0;
        while (peek().kind() != Tok.Kind.EOF) {
            if (at("}") && depth == 0) {
                return;
            }
            Tok t = next();
            if (t.is("{")) {
                depth++;
            } else if (t.is("}")) {
                depth--;
                if (depth == 0) {
                    return;
                }
            } else if (t.is(";") && depth == 0) {
                return;
            }
        }
    }

    private String member(String cls, String access, List<Field> fields, List<MethodDecl> decls) {
        Tok t = peek();
        if ((t.is("public") || t.is("protected") || t.is("private")) && peek(1).is(":")) {
            next();
            next();
            return t.text();
        }
        if (t.is("enum")) {
            enumDecl();
            return access;
        }
        if (t.is("OSDeclareDefaultStructors")) {
            throw fail(t, "OSDeclareDefaultStructors must be the first thing in the class body");
        }
        if (t.is(cls) && peek(1).is("(") || t.is("~")) {
            diags.notSupported(t, "a hand-written constructor or destructor");
            throw new Bail();
        }
        if (t.is("static") || t.is("friend") || t.is("operator")) {
            diags.notSupported(t, "'" + t.text() + "' in a class");
            throw new Bail();
        }
        boolean virt = accept("virtual");
        Type type = type();
        Tok name = declName();
        if (at("(")) {
            List<Param> params = params(true);
            boolean isConst = accept("const");
            Tok ovr = null;
            if (at("override") || at("APPLE_KEXT_OVERRIDE")) {
                ovr = next();
            }
            if (at("{")) {
                Block body = block();
                decls.add(new MethodDecl(name.text(), type, params, virt, ovr != null, isConst, access, name, ovr));
                methods.add(new MethodDef(cls, name.text(), type, params, isConst, body, name, name));
                accept(";");
                return access;
            }
            if (at("=")) {
                diags.notSupported(peek(), "a pure virtual method");
                throw new Bail();
            }
            semi("expected ';' at end of declaration list");
            decls.add(new MethodDecl(name.text(), type, params, virt, ovr != null, isConst, access, name, ovr));
            return access;
        }
        fields.add(new Field(type, name.text(), name, access));
        while (accept(",")) {
            int ptr = 0;
            while (accept("*")) {
                ptr++;
            }
            Tok n2 = declName();
            fields.add(new Field(new Type(type.base(), ptr, type.isConst(), type.isVolatile(), type.tok()), n2.text(),
                    n2, access));
        }
        if (at("[")) {
            diags.notSupported(peek(), "an array");
            throw new Bail();
        }
        semi("expected ';' at end of declaration list");
        return access;
    }

    private Tok declName() {
        Tok t = peek();
        if (t.isIdent() && !Names.KEYWORDS.contains(t.text())) {
            return next();
        }
        if (t.is("&")) {
            diags.notSupported(t, "a reference");
            throw new Bail();
        }
        throw fail(t, "expected unqualified-id");
    }

    private void enumDecl() {
        Tok kw = next();
        if (peek().isIdent() && !at("{")) {
            next(); // a named enum: the name is not used
        }
        Tok open = expect("{");
        while (!at("}")) {
            Tok n = ident("identifier");
            Expr v = accept("=") ? cond() : null;
            enums.add(new EnumConst(n.text(), v, n));
            if (!accept(",")) {
                break;
            }
        }
        expectClose("}", open);
        semi("expected ';' after enum");
    }

    private void metaClassDef() {
        Tok kw = next();
        Tok open = expect("(");
        Tok cls = ident("class name");
        expect(",");
        Tok sup = ident("class name");
        expectClose(")", open);
        accept(";");
        metas.add(new MetaClassDef(cls.text(), sup.text(), kw, cls, sup));
    }

    private void methodOrGlobal() {
        accept("static");
        Type type = type();
        Tok name = declName();
        if (accept("::")) {
            Tok member = peek();
            if (member.is("~")) {
                diags.notSupported(member, "a hand-written constructor or destructor");
                throw new Bail();
            }
            member = declName();
            if (member.text().equals(name.text())) {
                diags.notSupported(member, "a hand-written constructor or destructor");
                throw new Bail();
            }
            List<Param> params = params(false);
            boolean isConst = accept("const");
            if (at("override") || at("APPLE_KEXT_OVERRIDE")) {
                diags.error(peek(), "'" + next().text() + "' specifier is not allowed outside a class definition")
                        .fixit("");
            }
            if (!at("{")) {
                throw fail(peek(), "expected function body after function declarator");
            }
            Block body = block();
            methods.add(new MethodDef(name.text(), member.text(), type, params, isConst, body, member, name));
            return;
        }
        if (at("(")) {
            diags.notSupported(name, "a free function");
            throw new Bail();
        }
        Expr init = accept("=") ? expr() : null;
        globals.add(new Global(type, name.text(), init, name));
        semi("expected ';' after top level declarator");
    }

    private List<Param> params(boolean inClass) {
        Tok open = expect("(");
        List<Param> out = new ArrayList<>();
        if (at("void") && peek(1).is(")")) {
            next();
        }
        while (!at(")") && peek().kind() != Tok.Kind.EOF) {
            Type t = type();
            Tok name = null;
            if (peek().isIdent() && !Names.KEYWORDS.contains(peek().text())) {
                name = next();
            } else if (at("&")) {
                diags.notSupported(peek(), "a reference");
                throw new Bail();
            }
            Expr def = null;
            if (at("=")) {
                Tok eq = next();
                def = cond();
                if (!inClass) {
                    diags.error(eq, "redefinition of default argument");
                }
            }
            out.add(new Param(t, name == null ? null : name.text(), name == null ? t.tok() : name, def));
            if (!accept(",")) {
                break;
            }
        }
        expectClose(")", open);
        return out;
    }

    // ------------------------------------------------------------------ types

    boolean startsType(int ahead) {
        Tok t = peek(ahead);
        if (!t.isIdent()) {
            return false;
        }
        String s = t.text();
        return s.equals("const") || s.equals("volatile") || Names.BUILTIN.contains(s) || Names.TYPEDEFS.contains(s)
                || classNames.contains(s);
    }

    private Type type() {
        Tok first = peek();
        boolean isConst = accept("const");
        boolean isVolatile = accept("volatile");
        isConst |= accept("const");
        Tok b = peek();
        if (b.is("auto")) {
            diags.notSupported(b, "'auto'");
            throw new Bail();
        }
        if (b.is("float") || b.is("double")) {
            diags.notSupported(b, "floating point");
            throw new Bail();
        }
        if (b.is("struct") || b.is("union")) {
            diags.notSupported(b, "'" + b.text() + "'");
            throw new Bail();
        }
        if (!b.isIdent() || (Names.KEYWORDS.contains(b.text()) && !Names.BUILTIN.contains(b.text()))) {
            throw fail(b, "expected a type");
        }
        next();
        String base = b.text();
        if (base.equals("unsigned") || base.equals("signed")) {
            if (at("int") || at("long") || at("char") || at("short")) {
                base = base + " " + next().text();
            }
        } else if (base.equals("long") && at("long")) {
            next();
            base = "long long";
        }
        if (at("<")) {
            diags.notSupported(peek(), "a template");
            throw new Bail();
        }
        int ptr = 0;
        while (accept("*")) {
            ptr++;
        }
        accept("const");
        return new Type(base, ptr, isConst, isVolatile, first.is("const") || first.is("volatile") ? first : b);
    }

    // ------------------------------------------------------------------ statements

    private Block block() {
        Tok open = expect("{");
        List<Stmt> stmts = new ArrayList<>();
        while (!at("}") && peek().kind() != Tok.Kind.EOF && !diags.stopped()) {
            int start = p;
            try {
                stmts.add(stmt());
            } catch (Bail b) {
                recoverStmt();
            }
            if (p == start) {
                next();
            }
        }
        Tok close = expectClose("}", open);
        return new Block(stmts, open, close);
    }

    private void recoverStmt() {
        int depth = 0;
        while (peek().kind() != Tok.Kind.EOF) {
            if (at("}") && depth == 0) {
                return;
            }
            Tok t = next();
            if (t.is("{") || t.is("(")) {
                depth++;
            } else if (t.is("}") || t.is(")")) {
                depth--;
                if (depth == 0 && t.is("}")) {
                    return;
                }
            } else if (t.is(";") && depth <= 0) {
                return;
            }
        }
    }

    private Stmt stmt() {
        Tok t = peek();
        switch (t.kind() == Tok.Kind.IDENT || t.kind() == Tok.Kind.PUNCT ? t.text() : "") {
            case "{":
                return block();
            case ";":
                next();
                return new Empty(t);
            case "if": {
                next();
                Tok open = expect("(");
                Expr c = expr();
                expectClose(")", open);
                Stmt then = stmt();
                Stmt otherwise = accept("else") ? stmt() : null;
                return new If(c, then, otherwise, t);
            }
            case "while": {
                next();
                Tok open = expect("(");
                Expr c = expr();
                expectClose(")", open);
                return new While(c, stmt(), t);
            }
            case "for":
                return forStmt();
            case "switch":
                return switchStmt();
            case "break":
            case "continue":
                next();
                semi("expected ';' after " + t.text() + " statement");
                return new Jump(t.is("break"), t);
            case "return": {
                next();
                Expr v = at(";") ? null : expr();
                semi("expected ';' after return statement");
                return new Return(v, t);
            }
            case "do":
            case "goto":
                diags.notSupported(t, "'" + t.text() + "'");
                throw new Bail();
            case "try":
            case "throw":
                diags.error(t, "cannot use '" + t.text() + "' with exceptions disabled");
                throw new Bail();
            case "case":
            case "default":
                throw fail(t, "'" + t.text() + "' statement not in switch statement");
            case "else":
                throw fail(t, "expected expression");
            default:
                break;
        }
        if (looksLikeDecl()) {
            Local l = local();
            semi("expected ';' at end of declaration");
            return l;
        }
        Expr e = expr();
        semi("expected ';' after expression");
        return new ExprStmt(e, t);
    }

    /** A declaration starts with a known type; {@code Unknown *x =} or {@code Unknown x;} is a typo'd one. */
    private boolean looksLikeDecl() {
        if (startsType(0)) {
            return !peek(1).is("::") && !peek(1).is("(");
        }
        Tok t = peek();
        if (t.isIdent() && !Names.KEYWORDS.contains(t.text()) && !t.text().startsWith("__")) {
            Tok n = peek(1);
            if (n.isIdent() && !Names.KEYWORDS.contains(n.text()) && (peek(2).is(";") || peek(2).is("=")
                    || peek(2).is(","))) {
                return true;
            }
            if (n.is("*") && peek(2).isIdent() && (peek(3).is("=") || peek(3).is(";")) && !peek(2).is("this")) {
                return true;
            }
        }
        return false;
    }

    private Local local() {
        Tok start = peek();
        Type type = type();
        List<Declarator> ds = new ArrayList<>();
        int extra = 0;
        do {
            if (!ds.isEmpty()) {
                extra = 0;
                while (accept("*")) {
                    extra++;
                }
            }
            Tok name = declName();
            if (at("[")) {
                diags.notSupported(peek(), "an array");
                throw new Bail();
            }
            Expr init = accept("=") ? expr() : null;
            ds.add(new Declarator(name.text(), extra, init, name));
        } while (accept(","));
        return new Local(type, ds, start);
    }

    private Stmt forStmt() {
        Tok t = next();
        Tok open = expect("(");
        Stmt init = null;
        if (accept(";")) {
            init = null;
        } else if (looksLikeDecl()) {
            init = local();
            expect(";");
        } else {
            Expr e = expr();
            init = new ExprStmt(e, e.tok());
            expect(";");
        }
        Expr c = at(";") ? null : expr();
        expect(";");
        Expr step = at(")") ? null : expr();
        expectClose(")", open);
        return new For(init, c, step, stmt(), t);
    }

    private Stmt switchStmt() {
        Tok t = next();
        Tok open = expect("(");
        Expr v = expr();
        expectClose(")", open);
        Tok brace = expect("{");
        List<Case> cases = new ArrayList<>();
        while (!at("}") && peek().kind() != Tok.Kind.EOF) {
            Tok c = peek();
            Expr value = null;
            if (accept("case")) {
                value = cond();
            } else if (!accept("default")) {
                throw fail(c, "expected 'case' or 'default' in the switch");
            }
            expect(":");
            List<Stmt> body = new ArrayList<>();
            while (!at("case") && !at("default") && !at("}") && peek().kind() != Tok.Kind.EOF) {
                int start = p;
                try {
                    body.add(stmt());
                } catch (Bail b) {
                    recoverStmt();
                }
                if (p == start) {
                    next();
                }
            }
            cases.add(new Case(value, body, c));
        }
        expectClose("}", brace);
        return new Switch(v, cases, t);
    }

    // ------------------------------------------------------------------ expressions

    private static final List<List<String>> LEVELS = List.of(List.of("||"), List.of("&&"), List.of("|"),
            List.of("^"), List.of("&"), List.of("==", "!="), List.of("<", ">", "<=", ">="), List.of("<<", ">>"),
            List.of("+", "-"), List.of("*", "/", "%"));

    private static final Set<String> ASSIGN = Set.of("=", "+=", "-=", "|=", "&=", "^=", "<<=", ">>=", "*=", "/=",
            "%=");

    Expr expr() {
        Expr left = cond();
        if (ASSIGN.contains(peek().text()) && peek().kind() == Tok.Kind.PUNCT) {
            Tok op = next();
            return new Assign(op.text(), left, expr(), op);
        }
        return left;
    }

    private Expr cond() {
        Expr test = binary(0);
        if (at("?")) {
            Tok q = next();
            Expr a = expr();
            expect(":");
            Expr b = cond();
            return new Cond(test, a, b, q);
        }
        return test;
    }

    private Expr binary(int level) {
        if (level == LEVELS.size()) {
            return unary();
        }
        Expr left = binary(level + 1);
        while (peek().kind() == Tok.Kind.PUNCT && LEVELS.get(level).contains(peek().text())) {
            Tok op = next();
            left = new Binary(op.text(), left, binary(level + 1), op);
        }
        return left;
    }

    private Expr unary() {
        Tok t = peek();
        if (t.kind() == Tok.Kind.PUNCT && Set.of("!", "~", "-", "+", "++", "--", "&", "*").contains(t.text())) {
            next();
            return new Unary(t.text(), unary(), t);
        }
        if (t.is("(") && startsType(1)) {
            int save = p;
            next();
            Type ty = type();
            if (accept(")")) {
                return new Cast(ty, unary(), t);
            }
            p = save;
        }
        if (t.is("new") || t.is("delete")) {
            diags.notSupported(t, "'" + t.text() + "'");
            throw new Bail();
        }
        if (t.is("sizeof")) {
            diags.notSupported(t, "'sizeof'");
            throw new Bail();
        }
        return postfix(primary());
    }

    private Expr postfix(Expr e) {
        while (true) {
            Tok t = peek();
            if (t.is("(")) {
                next();
                List<Expr> args = new ArrayList<>();
                while (!at(")") && peek().kind() != Tok.Kind.EOF) {
                    args.add(expr());
                    if (!accept(",")) {
                        break;
                    }
                }
                Tok close = expectClose(")", t);
                e = new Call(e, args, e.tok(), close);
            } else if (t.is("->") || t.is(".")) {
                next();
                Tok n = ident("unqualified-id");
                e = new Member(e, n.text(), t.is("->"), t, n);
            } else if (t.is("[")) {
                next();
                Expr i = expr();
                expectClose("]", t);
                e = new Index(e, i, t);
            } else if (t.is("++") || t.is("--")) {
                next();
                e = new Postfix(t.text(), e, t);
            } else {
                return e;
            }
        }
    }

    private Expr primary() {
        Tok t = peek();
        switch (t.kind()) {
            case INT:
                next();
                return intLit(t);
            case CHAR: {
                next();
                String v = Lexer.unescape(t.text());
                return new IntLit(v == null || v.isEmpty() ? 0 : v.charAt(0), false, t);
            }
            case STRING: {
                StringBuilder b = new StringBuilder();
                while (peek().kind() == Tok.Kind.STRING) {
                    String v = Lexer.unescape(next().text());
                    if (v == null) {
                        throw fail(t, "missing terminating '\"' character");
                    }
                    b.append(v);
                }
                return new StrLit(b.toString(), t);
            }
            case EOF:
                throw fail(t, "expected expression");
            default:
                break;
        }
        if (t.is("(")) {
            next();
            Expr e = expr();
            expectClose(")", t);
            parens.add(e);
            return e;
        }
        if (!t.isIdent()) {
            if (t.is("[") || t.is("^")) {
                diags.notSupported(t, t.is("[") ? "a lambda" : "a block");
                throw new Bail();
            }
            throw fail(t, "expected expression");
        }
        return identPrimary(t);
    }

    private Expr identPrimary(Tok t) {
        switch (t.text()) {
            case "true", "false" -> {
                next();
                return new BoolLit(t.is("true"), t);
            }
            case "nullptr", "NULL" -> {
                next();
                return new NullLit(t);
            }
            case "this" -> {
                next();
                return new This(t);
            }
            case "__PRETTY_FUNCTION__", "__FUNCTION__", "__func__" -> {
                next();
                return new Pretty(t.text(), t);
            }
            case "OSDynamicCast", "OSRequiredCast" -> {
                next();
                Tok open = expect("(");
                Tok cls = ident("class name");
                expect(",");
                Expr e = expr();
                expectClose(")", open);
                return new DynCast(cls.text(), e, t.is("OSRequiredCast"), t, cls);
            }
            case "OSMemberFunctionCast" -> {
                next();
                Tok open = expect("(");
                ident("type");
                expect("::");
                ident("type");
                expect(",");
                expect("this");
                expect(",");
                expect("&");
                Tok cls = ident("class name");
                expect("::");
                Tok m = ident("member name");
                expectClose(")", open);
                return new MemberFnCast(cls.text(), m.text(), cls);
            }
            case "dynamic_cast", "typeid" -> {
                diags.error(t, "use of " + t.text() + " requires -frtti");
                throw new Bail();
            }
            case "static_cast", "reinterpret_cast", "const_cast" -> {
                diags.error(t, "'" + t.text() + "' is not supported in the driver lab; use a C cast or OSDynamicCast");
                throw new Bail();
            }
            case "new", "delete", "sizeof", "auto", "operator", "template" -> {
                diags.notSupported(t, "'" + t.text() + "'");
                throw new Bail();
            }
            default -> {
            }
        }
        if (Names.KEYWORDS.contains(t.text()) && !Names.BUILTIN.contains(t.text())) {
            throw fail(t, "expected expression");
        }
        next();
        if (at("::")) {
            next();
            Tok n = peek();
            if (n.is("~")) {
                throw fail(n, "expected unqualified-id");
            }
            n = ident("unqualified-id");
            return new Scoped(t.text(), n.text(), t, n);
        }
        return new Name(t.text(), t);
    }

    private Expr intLit(Tok t) {
        String s = t.text();
        String digits = s.replaceAll("[uUlL]+$", "");
        boolean unsigned = s.substring(digits.length()).toLowerCase().contains("u");
        try {
            if (digits.startsWith("0x") || digits.startsWith("0X")) {
                return new IntLit(Long.parseUnsignedLong(digits.substring(2), 16), unsigned, t);
            }
            if (digits.length() > 1 && digits.startsWith("0")) {
                diags.notSupported(t, "an octal constant");
                return new IntLit(0, unsigned, t);
            }
            if (digits.contains(".") || digits.contains("e")) {
                diags.notSupported(t, "floating point");
                return new IntLit(0, unsigned, t);
            }
            return new IntLit(Long.parseUnsignedLong(digits), unsigned, t);
        } catch (NumberFormatException e) {
            diags.error(t, "invalid integer constant '" + s + "'");
            return new IntLit(0, unsigned, t);
        }
    }
}
