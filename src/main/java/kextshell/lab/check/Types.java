package kextshell.lab.check;

import java.util.Set;
import kextshell.lab.ast.Ast.Type;
import kextshell.lab.lex.Tok;

/** Static types as the checker sees them, and how clang spells them in a diagnostic. */
public final class Types {
    private Types() {
    }

    static final Tok NOWHERE = new Tok(Tok.Kind.IDENT, "", "", 0, 0, false, null);
    public static final Type ERROR = t("<error>", 0);
    public static final Type INT = t("int", 0);
    public static final Type BOOL = t("bool", 0);
    public static final Type VOID = t("void", 0);
    public static final Type NULLPTR = t("nullptr_t", 0);
    public static final Type STRING = new Type("char", 1, true, false, NOWHERE);
    public static final Type ACTION = t("IOTimerEventSource::Action", 0);

    private static final Set<String> INTEGERS = Set.of("int", "unsigned", "unsigned int", "long", "unsigned long",
            "long long", "unsigned long long", "char", "unsigned char", "short", "unsigned short", "signed int",
            "signed char", "IOReturn", "IOOptionBits", "UInt8", "UInt16", "UInt32", "SInt32", "UInt64", "SInt64",
            "uint8_t", "uint16_t", "uint32_t", "uint64_t", "int32_t", "int64_t", "OSReturn", "OSKextLoadTag",
            "vm_size_t", "size_t", "IOByteCount");

    /** Typedefs of opaque pointers: a scalar to the lab, a pointer to C. */
    private static final Set<String> OPAQUE = Set.of("task_t", "os_log_t");

    public static Type t(String base, int ptr) {
        return new Type(base, ptr, false, false, NOWHERE);
    }

    public static boolean isError(Type t) {
        return t == null || t.base().equals("<error>");
    }

    public static boolean isInteger(Type t) {
        return t.pointers() == 0 && INTEGERS.contains(t.base());
    }

    public static boolean isBool(Type t) {
        return t.pointers() == 0 && t.base().equals("bool");
    }

    public static boolean isArithmetic(Type t) {
        return isInteger(t) || isBool(t);
    }

    public static boolean isPointer(Type t) {
        return t.pointers() > 0 || OPAQUE.contains(t.base()) && t.pointers() == 0;
    }

    public static boolean isNull(Type t) {
        return t.base().equals("nullptr_t");
    }

    public static boolean isUnsigned(Type t) {
        String b = Sdk.AKA.getOrDefault(t.base(), t.base());
        return t.pointers() == 0 && b.startsWith("unsigned");
    }

    /** 32-bit unless the C type is 64-bit. */
    public static boolean is64(Type t) {
        String b = Sdk.AKA.getOrDefault(t.base(), t.base());
        return t.pointers() == 0 && (b.contains("long"));
    }

    /** {@code 'IOReturn' (aka 'int')}, {@code 'IOService *'}. */
    public static String quote(Type t) {
        String s = "'" + t.spelled() + "'";
        String aka = t.pointers() == 0 ? Sdk.AKA.get(t.base()) : null;
        if (aka != null) {
            s += " (aka '" + (t.isConst() ? "const " : "") + aka + "')";
        }
        return s;
    }

    /** Same parameter type, as an override must have (const on a pointee counts; typedef names resolve). */
    public static boolean same(Type a, Type b) {
        String ab = Sdk.AKA.getOrDefault(a.base(), a.base());
        String bb = Sdk.AKA.getOrDefault(b.base(), b.base());
        if (ab.equals("unsigned")) {
            ab = "unsigned int";
        }
        if (bb.equals("unsigned")) {
            bb = "unsigned int";
        }
        return ab.equals(bb) && a.pointers() == b.pointers() && (a.pointers() == 0 || a.isConst() == b.isConst());
    }
}
