package kextshell.tools.text;

import com.google.re2j.Pattern;
import java.util.ArrayList;
import java.util.List;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;

/**
 * {@code grep}, after macOS 10.15's BSD grep 2.6.0 (text_cmds grep/grep.c, util.c): options are
 * read with getopt_long, so they may follow the pattern; the pattern is a BRE, an ERE with -E or a
 * fixed string with -F, and several -e patterns match if any does. Exit status (the end of main()):
 * 0 when a line was selected, 1 when none was, 2 on an error — a file that will not open
 * ({@code warn("%s", fn)}, silenced by -s) makes it 2 even after matches, unless -q. A bad pattern is
 * {@code errx(2, "%s", regerror)}, a bad context count {@code err(2, NULL)}.
 */
public final class GrepCommand extends TextCommand {
    static final String OPTSTRING = "A:B:C:EFGHce:hilnoqsvx";
    /** usage() (getstr(4..7)) cut down to the options kextshell's grep has. */
    static final List<String> USAGE = List.of(
            "usage: grep [-cEFGHhilnoqsvx] [-A num] [-B num] [-C num]",
            "\t[-e pattern] [pattern] [file ...]");
    static final int ERROR = 2;

    @Override
    public String name() {
        return "grep";
    }

    @Override
    public String summary() {
        return "print the lines that match a pattern";
    }

    @Override
    public List<String> options() {
        return Options.names(OPTSTRING);
    }

    @Override
    public int run(Invocation inv, List<String> args) {
        Options o = Options.parsePermuting(inv, "grep", OPTSTRING, args, USAGE);
        if (o == null) {
            return ERROR;
        }
        GrepSearch.Settings settings = new GrepSearch.Settings();
        List<String> patterns = new ArrayList<>();
        for (Options.Opt opt : o.opts()) {
            if (!settings.set(opt.letter(), opt.arg())) {
                inv.console().err("grep: Invalid argument");
                return ERROR;
            }
            if (opt.letter() == 'e') {
                patterns.addAll(List.of(opt.arg().split("\n", -1)));
            }
        }
        List<String> operands = o.operands();
        if (patterns.isEmpty()) {
            if (operands.isEmpty()) {
                USAGE.forEach(inv.console()::err);
                return ERROR;
            }
            patterns.addAll(List.of(operands.get(0).split("\n", -1)));
            operands = operands.subList(1, operands.size());
        }
        Pattern pattern;
        try {
            pattern = PosixRegex.compile(patterns, settings.extended, settings.fixed, settings.ignoreCase,
                    settings.wholeLine);
        } catch (PosixRegex.BadRegex e) {
            inv.console().err("grep: " + e.getMessage());
            return ERROR;
        }
        return search(inv, new GrepSearch(settings, pattern), operands);
    }

    private static int search(Invocation inv, GrepSearch search, List<String> operands) {
        boolean withNames = search.settings.names != null ? search.settings.names : operands.size() > 1;
        boolean matched = false;
        boolean fileError = false;
        for (String operand : Inputs.orStdin(operands)) {
            String text;
            try {
                text = Inputs.read(inv, operand);
            } catch (FileError e) {
                fileError = true;
                if (!search.settings.silent) {
                    inv.console().err("grep: " + operand + ": " + e.sentence());
                }
                continue;
            }
            String label = operand.equals(Inputs.STDIN) ? "(standard input)" : operand;
            boolean found = search.scan(text, withNames ? label : null, inv.console());
            matched |= found;
            if (found && search.settings.quiet) {
                return 0;
            }
        }
        if (matched) {
            return fileError ? ERROR : 0;
        }
        return fileError ? ERROR : 1;
    }
}
