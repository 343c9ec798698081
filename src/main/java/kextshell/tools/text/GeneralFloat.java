package kextshell.tools.text;

import java.util.Locale;

/** printf's {@code %g} and {@code %G} as C prints them (Java's %g keeps trailing zeros and never drops to %f rules). */
final class GeneralFloat {
    private GeneralFloat() {
    }

    /**
     * C's %g, which Java's %g is not: %e when the exponent is below -4 or not below the precision,
     * else %f, with trailing zeros removed unless the # flag is given.
     */
    static String format(String spec, char conv, double value) {
        int dot = spec.indexOf('.');
        String flagsAndWidth = dot < 0 ? spec : spec.substring(0, dot);
        int precision = dot < 0 ? 6 : dot + 1 == spec.length() ? 0 : Integer.parseInt(spec.substring(dot + 1));
        precision = Math.max(precision, 1);
        int exponent = value == 0 || !Double.isFinite(value) ? 0
                : Integer.parseInt(String.format(Locale.ROOT, "%." + (precision - 1) + "e", value).replaceAll(".*e", ""));
        boolean scientific = exponent < -4 || exponent >= precision;
        String body = scientific
                ? String.format(Locale.ROOT, "%." + (precision - 1) + "e", Math.abs(value))
                : String.format(Locale.ROOT, "%." + (precision - 1 - exponent) + "f", Math.abs(value));
        if (!flagsAndWidth.contains("#") && body.contains(".")) {
            String mantissa = body.replaceAll("e.*", "").replaceAll("0+$", "").replaceAll("\\.$", "");
            body = mantissa + (scientific ? body.substring(body.indexOf('e')) : "");
        }
        body = (value < 0 || 1 / value < 0 ? "-" : flagsAndWidth.contains("+") ? "+" : "") + body;
        String width = flagsAndWidth.replaceAll("[^0-9]", "").replaceFirst("^0+", "");
        body = conv == 'G' ? body.toUpperCase(Locale.ROOT) : body;
        if (width.isEmpty() || body.length() >= Integer.parseInt(width)) {
            return body;
        }
        String pad = " ".repeat(Integer.parseInt(width) - body.length());
        return flagsAndWidth.contains("-") ? body + pad : pad + body;
    }
}
