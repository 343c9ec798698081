package kextshell.tools.kext;

import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import kextshell.shell.CompletionKind;
import kextshell.shell.ShellCommand;
import kextshell.tools.args.GetoptLong;
import kextshell.tools.args.GetoptLong.LongOpt;

/**
 * What the four kext tools share as shell commands: they are macOS tools, their completion offers
 * the options of their own getopt_long_only tables, and their help is their real {@code -help}
 * text. Each tool passes its tables and its kext_tools {@code usage()} to the constructor.
 */
abstract class KextTool implements ShellCommand {
    /** What kextload and kextutil complete after -b and -d; other words are kext paths. */
    static final Map<String, CompletionKind> LOAD_ARGUMENTS = Map.of("-b", CompletionKind.BUNDLE_ID, "-bundle-id",
            CompletionKind.BUNDLE_ID, "-d", CompletionKind.KEXT_PATH, "-dependency", CompletionKind.KEXT_PATH);

    private final String optChars;
    private final List<LongOpt> longOpts;
    private final BiConsumer<ToolLog, Boolean> usage;

    KextTool(String optChars, List<LongOpt> longOpts, BiConsumer<ToolLog, Boolean> usage) {
        this.optChars = optChars;
        this.longOpts = longOpts;
        this.usage = usage;
    }

    @Override
    public final String group() {
        return MACOS_TOOLS;
    }

    @Override
    public final List<String> options() {
        return GetoptLong.optionNames(optChars, longOpts);
    }

    /** The tool's full usage, as {@code -help} prints it. */
    @Override
    public final List<String> help() {
        return ToolLog.captured(log -> usage.accept(log, true));
    }
}
