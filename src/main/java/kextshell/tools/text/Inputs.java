package kextshell.tools.text;

import java.util.List;
import java.util.function.UnaryOperator;
import kextshell.shell.FileSystem.FileError;
import kextshell.shell.Invocation;

/**
 * Where a text tool reads: each file operand through the session's files, or standard input for
 * {@code -} or when there are no operands. Standard input from the terminal (nothing piped or
 * redirected) reads as empty: kextshell has no interactive end-of-file to wait for.
 */
final class Inputs {
    /** The operand that means standard input. */
    static final String STDIN = "-";

    private Inputs() {
    }

    /** The operands, or standard input alone when there are none. */
    static List<String> orStdin(List<String> operands) {
        return operands.isEmpty() ? List.of(STDIN) : operands;
    }

    /** One input's whole text: the string piped in is used as is, never copied. */
    static String read(Invocation inv, String operand) throws FileError {
        if (operand.equals(STDIN)) {
            return inv.stdin() == null ? "" : inv.stdin();
        }
        if (operand.isEmpty()) {
            // open("") fails with ENOENT; resolving it would name the current folder.
            throw new FileError(FileError.NO_SUCH_FILE);
        }
        return inv.files().read(inv.files().resolve(inv.session().cwd(), operand));
    }

    /**
     * {@link #read}, or null after the BSD tools' {@code warn(3)} line, {@code TOOL: PATH: Reason}
     * (e.g. head.c's {@code warn("%s", *argv)}).
     */
    static String readOrWarn(Invocation inv, String tool, String operand) {
        try {
            return read(inv, operand);
        } catch (FileError e) {
            inv.console().err(tool + ": " + operand + ": " + e.sentence());
            return null;
        }
    }

    /**
     * head and tail: the chosen part of each input, each under a {@code ==> NAME <==} header (after
     * a blank line, but the first) when there are several; status 1 if any input would not read.
     */
    static int partsWithHeaders(Invocation inv, String tool, List<String> operands, UnaryOperator<String> part) {
        List<String> inputs = orStdin(operands);
        int status = 0;
        boolean first = true;
        for (String operand : inputs) {
            String text = readOrWarn(inv, tool, operand);
            if (text == null) {
                status = 1;
                continue;
            }
            if (inputs.size() > 1) {
                inv.console().outRaw((first ? "" : "\n") + "==> " + operand + " <==\n");
                first = false;
            }
            inv.console().outRaw(part.apply(text));
        }
        return status;
    }
}
