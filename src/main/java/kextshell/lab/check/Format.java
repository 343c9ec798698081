package kextshell.lab.check;

import kextshell.lab.ast.Ast.*;
import kextshell.lab.diag.Diagnostics;

/** printf format checking for IOLog and os_log (clang's -Wformat, SemaChecking.cpp CheckFormatString). */
final class Format {
    private Format() {
    }

    static void check(Diagnostics diags, Call c, int fmtIndex, Type[] types, boolean osLog) {
        Expr f = c.args().get(fmtIndex);
        if (!(f instanceof StrLit lit)) {
            if (osLog) {
                diags.error(f.tok(), "static_assert failed due to requirement '__builtin_constant_p(" + "format)' "
                        + "\"format string must be constant\"");
            } else if (!Types.isError(types[fmtIndex])) {
                diags.warning(f.tok(), "format string is not a string literal (potentially insecure)",
                        "-Wformat-security");
            }
            return;
        }
        String s = lit.value();
        int arg = fmtIndex + 1;
        for (int i = 0; i < s.length(); i++) {
            if (s.charAt(i) != '%') {
                continue;
            }
            i++;
            if (i < s.length() && s.charAt(i) == '%') {
                continue;
            }
            if (i < s.length() && s.charAt(i) == '{') {
                int close = s.indexOf('}', i);
                i = close < 0 ? s.length() : close + 1;
            }
            while (i < s.length() && "-+ #0123456789.".indexOf(s.charAt(i)) >= 0) {
                i++;
            }
            StringBuilder len = new StringBuilder();
            while (i < s.length() && "lhqz".indexOf(s.charAt(i)) >= 0) {
                len.append(s.charAt(i++));
            }
            if (i >= s.length()) {
                break;
            }
            char conv = s.charAt(i);
            if (arg >= c.args().size()) {
                diags.warning(f.tok(), "more '%' conversions than data arguments", "-Wformat");
                return;
            }
            mismatch(diags, c.args().get(arg), types[arg], conv, len.toString());
            arg++;
        }
        if (arg < c.args().size()) {
            diags.warning(c.args().get(arg).tok(), "data argument not used by format string", "-Wformat-extra-args");
        }
    }

    private static void mismatch(Diagnostics diags, Expr e, Type t, char conv, String len) {
        if (Types.isError(t)) {
            return;
        }
        String want;
        boolean ok;
        switch (conv) {
            case 's' -> {
                want = "char *";
                ok = t.pointers() == 1 && t.base().equals("char");
            }
            case 'p' -> {
                want = "void *";
                ok = Types.isPointer(t) || Types.isNull(t);
            }
            case 'd', 'i', 'c', 'u', 'x', 'X', 'o' -> {
                boolean unsigned = "uxXo".indexOf(conv) >= 0;
                String base = len.equals("ll") || len.equals("q") ? "long long" : len.equals("l") ? "long" : "int";
                want = conv == 'c' ? "int" : (unsigned ? "unsigned " : "") + base;
                boolean wide = !base.equals("int");
                ok = Types.isArithmetic(t) && (Types.is64(t) == wide || Types.isBool(t) && !wide);
            }
            default -> {
                return;
            }
        }
        if (!ok) {
            diags.warning(e.tok(), "format specifies type '" + want + "' but the argument has type " + Types.quote(t),
                    "-Wformat");
        }
    }
}
