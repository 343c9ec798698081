package kextshell.tools.args;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.function.Consumer;

/**
 * An emulation of Darwin libc's {@code getopt_long_only(3)} (Libc stdlib/FreeBSD/getopt_long.c,
 * OpenBSD-derived, built with GNU_COMPATIBLE), as the kext tools call it.
 *
 * <p><b>Why not picocli.</b> The kext tools' observable behaviour is getopt's: long options with a
 * single dash ({@code -bundle-id}), unique-prefix abbreviations ({@code -s} for kextstat's
 * {@code -sort}, which is not even in its short-option string), a single letter that is also a
 * short option never abbreviating a long one, argument permutation (options after kext paths),
 * "optional_argument" that never takes the next word, the exact warnx texts ("unrecognized option
 * `-x'", "option `-b' requires an argument", "option requires an argument -- b", "option `-he'
 * is ambiguous") and tools that peek at and advance {@code optind} themselves (setLogFilterForOpt
 * reads the word after a bare {@code -v}). picocli can be configured for single-dash long names
 * and abbreviations, but not for the last three, and its error texts differ. Reproducing those is
 * the product, so the tools share this small state machine instead; it is kept behaviourally
 * identical to the C code, quirks included (e.g. {@code -v2} reports "unrecognized option `-2'").
 *
 * <p>Error messages go through {@code warnx}: {@code "<basename of argv[0]>: <message>"} on stderr.
 */
public final class GetoptLong {
    /** has_arg of struct option. */
    public enum Arg { NONE, REQUIRED, OPTIONAL }

    /** One struct option entry; {@code val} is what getopt returns for it. */
    public record LongOpt(String name, Arg arg, int val) {
    }

    /**
     * Every option a tool's tables accept, as the user types them: {@code -x} for each letter of the
     * short-option string and {@code -name} for each long option (single dash, getopt_long_only),
     * leaving out the tools' placeholder entries. Tab completion and "did you mean" offer these.
     */
    public static List<String> optionNames(String optChars, List<LongOpt> longOpts) {
        java.util.Set<String> names = new java.util.LinkedHashSet<>();
        for (char c : optChars.toCharArray()) {
            if (c != ':') {
                names.add("-" + c);
            }
        }
        for (LongOpt o : longOpts) {
            if (!o.name().startsWith("_")) {
                names.add("-" + o.name());
            }
        }
        return List.copyOf(names);
    }

    /** What getopt returns for an error (BADCH and BADARG, options string not starting with ':'). */
    public static final int BAD = '?';
    /** End of options. */
    public static final int END = -1;

    private final String progname;
    private final List<String> argv;
    private final String optstring;
    private final List<LongOpt> longopts;
    private final Consumer<String> stderr;

    /** Index of the next argv element to look at; tools may advance it, as setLogFilterForOpt does. */
    public int optind = 1;
    /** The argument of the option just returned, or null. */
    public String optarg;

    private String placeArg;
    private int placePos;
    private int nonoptStart = -1;
    private int nonoptEnd = -1;
    private String dashPrefix = "";

    /**
     * @param progname argv[0]; warnx prints its basename
     * @param args     the words after the command name
     * @param stderr   where warnx lines go (already including the program name)
     */
    public GetoptLong(String progname, List<String> args, String optstring, List<LongOpt> longopts, Consumer<String> stderr) {
        this.progname = basename(progname);
        this.argv = new ArrayList<>();
        this.argv.add(progname);
        this.argv.addAll(args);
        this.optstring = optstring;
        this.longopts = longopts;
        this.stderr = stderr;
    }

    public static String basename(String path) {
        int slash = path.lastIndexOf('/');
        return slash < 0 ? path : path.substring(slash + 1);
    }

    public int argc() {
        return argv.size();
    }

    /** argv[i] as it is now (getopt permutes argv while it scans). */
    public String argv(int i) {
        return i < argv.size() ? argv.get(i) : null;
    }

    /** argv[optind..] after getopt returned END: the operands (kext paths). */
    public List<String> operands() {
        return optind >= argv.size() ? List.of() : List.copyOf(argv.subList(optind, argv.size()));
    }

    private boolean placeEmpty() {
        return placeArg == null || placePos >= placeArg.length();
    }

    private String place() {
        return placeEmpty() ? "" : placeArg.substring(placePos);
    }

    private void clearPlace() {
        placeArg = null;
        placePos = 0;
    }

    private void warnx(String message) {
        stderr.accept(progname + ": " + message);
    }

    /** Moves the options in [end, optEnd) in front of the non-options in [start, end). */
    private void permute(int start, int end, int optEnd) {
        Collections.rotate(argv.subList(start, optEnd), optEnd - end);
    }

    /** One call of getopt_long_only(): an option value, {@link #BAD}, or {@link #END}. */
    public int next() {
        optarg = null;
        if (placeEmpty() && nextWord() == END) {
            return END;
        }
        // getopt_long_only: every option word (and the rest of a grouped one) is tried as a long
        // option first; a single letter that is also a short option never abbreviates a long one.
        if (longopts != null && placePos != 0) {
            int optchar = longOption();
            if (optchar != END) {
                clearPlace();
                return optchar;
            }
        }
        return shortOption();
    }

    /**
     * getopt_internal's "update scanning pointer": skips non-options (to permute them behind the
     * options later) and stops at the next option word, or returns {@link #END} at the end or "--".
     */
    private int nextWord() {
        while (true) {
            if (optind >= argv.size()) {
                clearPlace();
                if (nonoptEnd != -1) {
                    permute(nonoptStart, nonoptEnd, optind);
                    optind -= nonoptEnd - nonoptStart;
                } else if (nonoptStart != -1) {
                    optind = nonoptStart;
                }
                nonoptStart = nonoptEnd = -1;
                return END;
            }
            String arg = argv.get(optind);
            if (!arg.startsWith("-") || arg.length() == 1) {
                // A non-option: skip it now, permute it behind the options later.
                clearPlace();
                if (nonoptStart == -1) {
                    nonoptStart = optind;
                } else if (nonoptEnd != -1) {
                    permute(nonoptStart, nonoptEnd, optind);
                    nonoptStart = optind - (nonoptEnd - nonoptStart);
                    nonoptEnd = -1;
                }
                optind++;
                continue;
            }
            if (nonoptStart != -1 && nonoptEnd == -1) {
                nonoptEnd = optind;
            }
            placeArg = arg;
            placePos = 1;
            if (arg.equals("--")) {
                optind++;
                clearPlace();
                if (nonoptEnd != -1) {
                    permute(nonoptStart, nonoptEnd, optind);
                    optind -= nonoptEnd - nonoptStart;
                }
                nonoptStart = nonoptEnd = -1;
                return END;
            }
            return 0;
        }
    }

    /** The long-option attempt of getopt_internal: END when the caller should try a short option. */
    private int longOption() {
        boolean shortToo = false;
        dashPrefix = "-";
        if (place().startsWith("-")) {
            placePos++;
            dashPrefix = "--";
        } else if (place().charAt(0) != ':' && optstring.indexOf(place().charAt(0)) >= 0) {
            shortToo = true;
        }
        return parseLong(shortToo);
    }

    /** getopt_internal's short-option part: one letter of the current word, with its argument. */
    private int shortOption() {
        String rest = place();
        char optchar = rest.charAt(0);
        placePos++;
        boolean restEmpty = placeEmpty();
        int oli = optchar == ':' ? -1 : optstring.indexOf(optchar);
        if (optchar == ':' || (optchar == '-' && !restEmpty) || oli < 0) {
            if (optchar == '-' && restEmpty) {
                return END;
            }
            if (restEmpty) {
                optind++;
            }
            warnx("invalid option -- " + optchar);
            return BAD;
        }
        boolean takesArg = oli + 1 < optstring.length() && optstring.charAt(oli + 1) == ':';
        if (!takesArg) {
            if (restEmpty) {
                optind++;
            }
            return optchar;
        }
        boolean optional = oli + 2 < optstring.length() && optstring.charAt(oli + 2) == ':';
        if (!restEmpty) {
            optarg = place();
        } else if (!optional) {
            if (++optind >= argv.size()) {
                clearPlace();
                warnx("option requires an argument -- " + optchar);
                return BAD;
            }
            optarg = argv.get(optind);
        }
        clearPlace();
        optind++;
        return optchar;
    }

    /** parse_long_options(): END when short_too and nothing matched, so the caller tries a letter. */
    private int parseLong(boolean shortToo) {
        String current = place();
        optind++;
        int eq = current.indexOf('=');
        String name = eq >= 0 ? current.substring(0, eq) : current;
        String hasEqual = eq >= 0 ? current.substring(eq + 1) : null;

        int match = -1;
        boolean exact = false;
        boolean ambiguous = false;
        for (int i = 0; i < longopts.size(); i++) {
            String candidate = longopts.get(i).name();
            if (!candidate.startsWith(name)) {
                continue;
            }
            if (candidate.length() == name.length()) {
                match = i;
                exact = true;
                break;
            }
            if (shortToo && name.length() == 1) {
                continue;
            }
            if (match == -1) {
                match = i;
            } else {
                // FLAG_LONGONLY: any second partial match is ambiguous.
                ambiguous = true;
            }
        }
        if (!exact && ambiguous) {
            warnx("option `" + dashPrefix + name + "' is ambiguous");
            return BAD;
        }
        if (match == -1) {
            if (shortToo) {
                optind--;
                return END;
            }
            warnx("unrecognized option `" + dashPrefix + current + "'");
            return BAD;
        }
        LongOpt opt = longopts.get(match);
        if (opt.arg() == Arg.NONE && hasEqual != null) {
            warnx("option `" + dashPrefix + name + "' doesn't allow an argument");
            return BAD;
        }
        if (opt.arg() != Arg.NONE) {
            if (hasEqual != null) {
                optarg = hasEqual;
            } else if (opt.arg() == Arg.REQUIRED) {
                optarg = optind < argv.size() ? argv.get(optind) : null;
                optind++;
            }
        }
        if (opt.arg() == Arg.REQUIRED && optarg == null) {
            warnx("option `" + dashPrefix + current + "' requires an argument");
            optind--;
            return BAD;
        }
        return opt.val();
    }
}
