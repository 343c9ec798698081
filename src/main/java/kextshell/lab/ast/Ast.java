package kextshell.lab.ast;

import java.util.List;
import kextshell.lab.lex.Tok;

/** The syntax tree of a lab unit (§3.2). Every node keeps a token for its diagnostics. */
public final class Ast {
    private Ast() {
    }

    /** A type as written: {@code const volatile base **}. */
    public record Type(String base, int pointers, boolean isConst, boolean isVolatile, Tok tok) {
        public boolean isVoid() {
            return base.equals("void") && pointers == 0;
        }

        /** As clang prints it: {@code IOService *}, {@code const char *}, {@code bool}. */
        public String spelled() {
            String s = (isConst ? "const " : "") + (isVolatile ? "volatile " : "") + base;
            return pointers == 0 ? s : s + " " + "*".repeat(pointers);
        }

        public Type pointee() {
            return new Type(base, pointers - 1, isConst, isVolatile, tok);
        }
    }

    public record Param(Type type, String name, Tok tok, Expr defaultValue) {
    }

    public record Field(Type type, String name, Tok tok, String access) {
    }

    public record MethodDecl(String name, Type ret, List<Param> params, boolean isVirtual, boolean isOverride,
            boolean isConst, String access, Tok tok, Tok overrideTok) {
    }

    public record ClassDecl(String name, String superName, Tok tok, Tok superTok, List<Field> fields,
            List<MethodDecl> methods) {
        public MethodDecl method(String n) {
            for (MethodDecl m : methods) {
                if (m.name().equals(n)) {
                    return m;
                }
            }
            return null;
        }

        public Field field(String n) {
            for (Field f : fields) {
                if (f.name().equals(n)) {
                    return f;
                }
            }
            return null;
        }
    }

    public record MethodDef(String className, String name, Type ret, List<Param> params, boolean isConst,
            Block body, Tok tok, Tok classTok) {
    }

    public record Global(Type type, String name, Expr init, Tok tok) {
    }

    public record EnumConst(String name, Expr value, Tok tok) {
    }

    public record MetaClassDef(String className, String superName, Tok tok, Tok classTok, Tok superTok) {
    }

    /** {@code parenthesized}: assignments written inside their own parentheses (-Wparentheses is silent). */
    public record Unit(List<ClassDecl> classes, List<MethodDef> methods, List<Global> globals,
            List<EnumConst> enums, List<MetaClassDef> metaClasses, java.util.Set<Expr> parenthesized) {
    }

    // ------------------------------------------------------------------ statements

    public sealed interface Stmt permits Block, Local, ExprStmt, If, While, For, Switch, Jump, Return, Empty {
        Tok tok();
    }

    public record Block(List<Stmt> stmts, Tok tok, Tok close) implements Stmt {
    }

    public record Declarator(String name, int extraPointers, Expr init, Tok tok) {
    }

    public record Local(Type type, List<Declarator> decls, Tok tok) implements Stmt {
    }

    public record ExprStmt(Expr expr, Tok tok) implements Stmt {
    }

    public record If(Expr cond, Stmt then, Stmt otherwise, Tok tok) implements Stmt {
    }

    public record While(Expr cond, Stmt body, Tok tok) implements Stmt {
    }

    public record For(Stmt init, Expr cond, Expr step, Stmt body, Tok tok) implements Stmt {
    }

    public record Case(Expr value, List<Stmt> body, Tok tok) {
    }

    public record Switch(Expr value, List<Case> cases, Tok tok) implements Stmt {
    }

    /** break or continue. */
    public record Jump(boolean isBreak, Tok tok) implements Stmt {
    }

    public record Return(Expr value, Tok tok) implements Stmt {
    }

    public record Empty(Tok tok) implements Stmt {
    }

    // ------------------------------------------------------------------ expressions

    public sealed interface Expr permits IntLit, StrLit, BoolLit, NullLit, This, Name, Scoped, Call, Member, Index,
            Unary, Postfix, Binary, Assign, Cond, Cast, DynCast, MemberFnCast, Pretty {
        Tok tok();
    }

    public record IntLit(long value, boolean unsigned, Tok tok) implements Expr {
    }

    public record StrLit(String value, Tok tok) implements Expr {
    }

    public record BoolLit(boolean value, Tok tok) implements Expr {
    }

    /** nullptr or NULL. */
    public record NullLit(Tok tok) implements Expr {
    }

    public record This(Tok tok) implements Expr {
    }

    public record Name(String name, Tok tok) implements Expr {
    }

    /** {@code Class::member}: super::m (after expansion), IOService::didTerminate, IOTimerEventSource::x. */
    public record Scoped(String scope, String name, Tok tok, Tok nameTok) implements Expr {
    }

    public record Call(Expr callee, List<Expr> args, Tok tok, Tok close) implements Expr {
    }

    public record Member(Expr object, String name, boolean arrow, Tok tok, Tok nameTok) implements Expr {
    }

    public record Index(Expr array, Expr index, Tok tok) implements Expr {
    }

    public record Unary(String op, Expr operand, Tok tok) implements Expr {
    }

    public record Postfix(String op, Expr operand, Tok tok) implements Expr {
    }

    public record Binary(String op, Expr left, Expr right, Tok tok) implements Expr {
    }

    public record Assign(String op, Expr target, Expr value, Tok tok) implements Expr {
    }

    public record Cond(Expr test, Expr then, Expr otherwise, Tok tok) implements Expr {
    }

    public record Cast(Type type, Expr operand, Tok tok) implements Expr {
    }

    /** OSDynamicCast(Class, e) or OSRequiredCast (required = true). */
    public record DynCast(String className, Expr operand, boolean required, Tok tok, Tok classTok) implements Expr {
    }

    /** OSMemberFunctionCast(IOTimerEventSource::Action, this, &Class::method). */
    public record MemberFnCast(String className, String method, Tok tok) implements Expr {
    }

    /** __PRETTY_FUNCTION__, __FUNCTION__ or __func__. */
    public record Pretty(String which, Tok tok) implements Expr {
    }
}
