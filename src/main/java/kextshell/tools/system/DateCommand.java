package kextshell.tools.system;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.List;
import java.util.Locale;
import kextshell.kernel.Kernel;
import kextshell.kernel.VirtualClock;
import kextshell.shell.Invocation;
import kextshell.shell.ShellCommand;

/**
 * {@code date [-u] [+FORMAT]}: the virtual wall clock, boot moment plus uptime, in UTC. The
 * default output is macOS date's {@code %a %b %e %T %Z %Y}; +FORMAT knows the common strftime
 * conversions. Setting the date is not supported.
 */
public final class DateCommand implements ShellCommand {
    public static final String USAGE1 = "usage: date [-jnRu] [-d dst] [-r seconds] [-t west] [-v[+|-]val[ymwdHMS]] ... ";
    public static final String USAGE2 = "            [-f fmt date | [[[mm]dd]HH]MM[[cc]yy][.ss]] [+format]";

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "date";
    }

    @Override
    public String summary() {
        return "print the virtual date and time";
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        String format = "%a %b %e %T %Z %Y";
        for (String a : args) {
            if (a.equals("-u")) {
                continue;
            }
            if (a.startsWith("+")) {
                format = a.substring(1);
                continue;
            }
            inv.console().err(USAGE1);
            inv.console().err(USAGE2);
            return 1;
        }
        inv.console().out(format(now(inv.session().kernel()), format));
        return 0;
    }

    static ZonedDateTime now(Kernel k) {
        long ns = k.clock().now();
        Instant t = Instant.ofEpochSecond(Kernel.BOOT_EPOCH_SECONDS + ns / VirtualClock.NS_PER_SEC,
                ns % VirtualClock.NS_PER_SEC);
        return t.atZone(ZoneOffset.UTC);
    }

    /** A strftime subset; unknown conversions are copied as they are. */
    static String format(ZonedDateTime t, String format) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < format.length(); i++) {
            char c = format.charAt(i);
            if (c != '%' || i + 1 == format.length()) {
                out.append(c);
                continue;
            }
            char conv = format.charAt(++i);
            switch (conv) {
                case 'a' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.SHORT, Locale.ROOT));
                case 'A' -> out.append(t.getDayOfWeek().getDisplayName(TextStyle.FULL, Locale.ROOT));
                case 'b', 'h' -> out.append(t.getMonth().getDisplayName(TextStyle.SHORT, Locale.ROOT));
                case 'B' -> out.append(t.getMonth().getDisplayName(TextStyle.FULL, Locale.ROOT));
                case 'd' -> out.append(String.format(Locale.ROOT, "%02d", t.getDayOfMonth()));
                case 'e' -> out.append(String.format(Locale.ROOT, "%2d", t.getDayOfMonth()));
                case 'H' -> out.append(String.format(Locale.ROOT, "%02d", t.getHour()));
                case 'M' -> out.append(String.format(Locale.ROOT, "%02d", t.getMinute()));
                case 'S' -> out.append(String.format(Locale.ROOT, "%02d", t.getSecond()));
                case 'T' -> out.append(DateTimeFormatter.ofPattern("HH:mm:ss", Locale.ROOT).format(t));
                case 'F' -> out.append(DateTimeFormatter.ofPattern("yyyy-MM-dd", Locale.ROOT).format(t));
                case 'm' -> out.append(String.format(Locale.ROOT, "%02d", t.getMonthValue()));
                case 'y' -> out.append(String.format(Locale.ROOT, "%02d", t.getYear() % 100));
                case 'Y' -> out.append(t.getYear());
                case 'j' -> out.append(String.format(Locale.ROOT, "%03d", t.getDayOfYear()));
                case 's' -> out.append(t.toEpochSecond());
                case 'Z' -> out.append("UTC");
                case 'z' -> out.append("+0000");
                case 'n' -> out.append(' ');
                case '%' -> out.append('%');
                default -> out.append('%').append(conv);
            }
        }
        return out.toString();
    }

    @Override
    public String group() {
        return MACOS_TOOLS;
    }

    @Override
    public List<String> options() {
        return List.of("-u");
    }
}
