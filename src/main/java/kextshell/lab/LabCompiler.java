package kextshell.lab;

import java.util.Map;
import java.util.function.Function;
import kextshell.lab.ast.Ast;
import kextshell.lab.check.Checker;
import kextshell.lab.diag.Diag;
import kextshell.lab.diag.Diagnostics;
import kextshell.lab.pre.Preprocessor;
import kextshell.lab.parse.Parser;
import kextshell.lab.run.CompiledKext;

/**
 * The driver lab's "clang": preprocess, parse, check. A unit with no error becomes a
 * {@link CompiledKext} the kernel model can run; otherwise the result carries clang-format
 * diagnostics only. Never throws for any input.
 */
public final class LabCompiler {
    private LabCompiler() {
    }

    /** The outcome of one compile: diagnostics text (possibly empty) and, without errors, the kext. */
    public record Result(String diagnostics, int errors, int warnings, CompiledKext kext) {
        public boolean ok() {
            return kext != null;
        }
    }

    /** Compiles a unit that includes no learner header. */
    public static Result compile(String fileName, String source) {
        return compile(fileName, source, name -> null);
    }

    /** Compiles {@code source}; {@code headers} gives the text of a {@code #include "name.h"}, or null. */
    public static Result compile(String fileName, String source, Function<String, String> headers) {
        try {
            return compileOrThrow(fileName, source, headers);
        } catch (RuntimeException | StackOverflowError e) {
            // A compiler defect must not take the shell down; the fuzz test keeps this path unused.
            Diagnostics d = new Diagnostics(fileName, source);
            d.report(new Diag(Diag.Level.FATAL, fileName, 1, 1, "the driver lab's compiler could not handle this "
                    + "file (a kextshell bug; please report it)"));
            return new Result(d.render(), 1, 0, null);
        }
    }

    /** As {@link #compile}, but lets a compiler defect escape: for the tests that hunt them. */
    public static Result compileOrThrow(String fileName, String source, Function<String, String> headers) {
        Diagnostics d = new Diagnostics(fileName, source);
        Preprocessor.Result pp = Preprocessor.run(fileName, source, headers, d);
        if (d.stopped()) {
            return new Result(d.render(), d.errorCount(), d.warningCount(), null);
        }
        Ast.Unit unit = Parser.parse(pp.tokens(), d);
        if (!d.stopped()) {
            Checker.check(unit, pp.features(), d);
        }
        CompiledKext kext = d.errorCount() == 0 ? new CompiledKext(unit, pp.features()) : null;
        return new Result(d.render(), d.errorCount(), d.warningCount(), kext);
    }

    /** Headers from a fixed map (the files next to the .cpp). */
    public static Function<String, String> headers(Map<String, String> files) {
        return files::get;
    }
}
