package kextshell.app;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.ShellCommand;
import org.junit.jupiter.api.Test;

/**
 * Usage lines list only what works: every option a command's help names in its usage lines is
 * accepted by the command (it may then fail for another reason: not root, no such kext).
 */
class UsageOptionsTest {
    /** {@code [-abc]}: flags without values. */
    private static final Pattern CLUSTER = Pattern.compile("\\[-([A-Za-z0-9@%]+)\\]");
    /** {@code [-c class]}, {@code [--last time]}, {@code [-n=<count>]}, {@code -s signal_name}. */
    private static final Pattern WITH_VALUE = Pattern.compile("(?<![\\w-])(--?[A-Za-z][\\w-]*)(?:[ =](<?[a-z_A-Z]+>?))?");
    private static final List<String> REJECTIONS = List.of("illegal option", "invalid option", "unknown option",
            "bad option", "unrecognized option", "unmatched argument", "requires an argument");

    /** Option (as typed) to the prefix of the usage line it came from, e.g. "--last 1m" -> "log show". */
    static Map<String, String> optionsIn(ShellCommand command) {
        Map<String, String> found = new LinkedHashMap<>();
        boolean inUsage = false;
        for (String line : command.help()) {
            String form = line.replaceFirst("(?i)^usage:\\s*", "").strip();
            // a usage line, or one that continues it (indented, right under it)
            inUsage = line.toLowerCase(Locale.ROOT).startsWith("usage:") || inUsage && line.startsWith("       ");
            if (!inUsage) {
                continue;
            }
            String[] words = form.split("\\s+");
            StringBuilder prefix = new StringBuilder();
            for (String w : words) {
                if (w.startsWith("[") || w.startsWith("-") || w.contains("|")) {
                    break;
                }
                prefix.append(prefix.length() == 0 ? "" : " ").append(w);
            }
            Matcher cluster = CLUSTER.matcher(form);
            while (cluster.find()) {
                for (char c : cluster.group(1).toCharArray()) {
                    found.put("-" + c, prefix.toString());
                }
            }
            Matcher opt = WITH_VALUE.matcher(form.replaceAll(CLUSTER.pattern(), ""));
            while (opt.find()) {
                String name = opt.group(1);
                if (name.matches("-[a-z]+_[a-z]+") || name.equals("--")) {
                    continue; // a placeholder such as -signal_name, or the end of options
                }
                found.put(opt.group(2) == null ? name : name + " " + sample(opt.group(2)), prefix.toString());
            }
        }
        return found;
    }

    private static String sample(String placeholder) {
        String p = placeholder.toLowerCase(Locale.ROOT);
        if (p.contains("signal")) {
            return "TERM";
        }
        if (p.contains("class") || p.contains("plane")) {
            return "IOService";
        }
        if (p.contains("time")) {
            return "1m";
        }
        return p.matches("<?(depth|width|count|seconds|exit_status|id|n|pid)>?") ? "1" : "x";
    }

    @Test
    void everyOptionInAUsageLineIsAccepted() {
        List<String> rejected = new ArrayList<>();
        int checked = 0;
        for (ShellCommand command : Kextshell.newSession().commands().values()) {
            for (Map.Entry<String, String> option : optionsIn(command).entrySet()) {
                if (option.getKey().equals("-h") || option.getKey().equals("--help")) {
                    continue; // prints the usage on purpose
                }
                String line = option.getValue() + " " + option.getKey();
                Result r = Kextshell.newSession().execute(line);
                String err = r.stderr().toLowerCase(Locale.ROOT);
                // a command that needs operands (cp, mv) prints its usage without them, option or not
                String bare = Kextshell.newSession().execute(option.getValue()).stderr().toLowerCase(Locale.ROOT);
                boolean needsOperands = bare.startsWith("usage:") || bare.startsWith("\tusage");
                boolean usageOnly = !needsOperands && (err.startsWith("usage:") || err.startsWith("\tusage"));
                if (usageOnly || REJECTIONS.stream().anyMatch(err::contains)) {
                    rejected.add(line + " -> " + r.stderr().lines().findFirst().orElse(""));
                }
                checked++;
            }
        }
        assertTrue(rejected.isEmpty(), "listed but rejected:\n" + String.join("\n", rejected));
        assertTrue(checked > 40, "options checked: " + checked);
    }

    @Test
    void theParserFindsClustersAndValuedOptions() {
        ShellCommand ioreg = Kextshell.newSession().commands().get("ioreg");
        Map<String, String> options = optionsIn(ioreg);
        assertTrue(options.containsKey("-a") && options.containsKey("-x") && options.containsKey("-c IOService")
                && options.containsKey("-d 1"), options.toString());
        assertTrue(optionsIn(Kextshell.newSession().commands().get("log")).containsKey("--last 1m"));
    }

    /** Commands whose options need a sub-command or a required option first. */
    private static final Map<String, String> CONTEXT = Map.of("cut -s", "cut -f 1 -s", "lab --from",
            "lab new Foo --from", "lab --usb", "lab new Foo --usb");

    /** The options tab completion offers are accepted too (those that take a value get one). */
    @Test
    void everyOptionCompletionOffersIsAccepted() {
        List<String> rejected = new ArrayList<>();
        for (ShellCommand command : Kextshell.newSession().commands().values()) {
            for (String option : command.options()) {
                if (!option.startsWith("-") || option.equals("-h") || option.equals("--help") || option.equals("-help")) {
                    continue;
                }
                // alone, or, for an option that takes a value, followed by one
                // some options only make sense after a sub-command or beside a required one
                String line = CONTEXT.getOrDefault(command.name() + " " + option, command.name() + " " + option);
                boolean needsOperands = rejects(command.name()); // cp, mv: usage without operands anyway
                if (rejects(line) && rejects(line + " 1") && (!needsOperands || rejects(line + " /tmp/a /tmp/b"))) {
                    rejected.add(line + " -> " + Kextshell.newSession().execute(line).stderr().lines().findFirst().orElse(""));
                }
            }
        }
        assertTrue(rejected.isEmpty(), "offered but rejected:\n" + String.join("\n", rejected));
    }

    private static boolean rejects(String line) {
        String err = Kextshell.newSession().execute(line).stderr().toLowerCase(Locale.ROOT);
        return err.startsWith("usage:") || REJECTIONS.stream().anyMatch(err::contains);
    }
}
