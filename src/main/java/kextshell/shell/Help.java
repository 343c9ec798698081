package kextshell.shell;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.commons.text.WordUtils;

/** {@code help}: every command with its summary, grouped; {@code help CMD}: that command's help (never runs it). */
public final class Help implements ShellCommand {
    private static final int INDENT = 2;
    private static final int GAP = 2;
    private static final java.util.regex.Pattern TAGGED = java.util.regex.Pattern.compile("^\\s+\\S.*?\\s{2,}(?=\\S)");

    @Override
    public boolean changesState() {
        return false;
    }

    @Override
    public String name() {
        return "help";
    }

    @Override
    public String summary() {
        return "list the commands, or show how to use one: help CMD";
    }

    @Override
    public CompletionKind completionFor(String previousWord) {
        return previousWord.equals(name()) ? CompletionKind.COMMAND : CompletionKind.NONE;
    }

    @Override
    public int run(Invocation invocation, List<String> args) {
        Console console = invocation.console();
        Map<String, ShellCommand> commands = invocation.session().commands();
        if (args.isEmpty()) {
            listAll(commands.values(), invocation.session().config().width(), console);
            return 0;
        }
        if (args.size() > 1 || args.get(0).equals("-h") || args.get(0).equals("--help")) {
            console.err("usage: help [command]");
            return args.size() > 1 ? Sysexits.EX_USAGE : Sysexits.EX_OK;
        }
        String name = args.get(0);
        ShellCommand command = commands.get(name);
        if (command == null) {
            console.err("help: no such command: " + name);
            List<String> near = Suggest.closest(name, commands.keySet());
            if (!near.isEmpty()) {
                console.err("help: " + Suggest.didYouMean(near));
            }
            return 1;
        }
        printHelp(command, invocation.session().config().width(), console);
        return 0;
    }

    /**
     * A command's {@link ShellCommand#help()}, never running it; a line wider than the session is
     * wrapped, its continuation indented four columns past the line's own indent.
     */
    public static void printHelp(ShellCommand command, int width, Console console) {
        for (String line : command.help()) {
            if (line.length() < width) {
                console.out(line);
                continue;
            }
            // continuation lines line up with the text after a tag ("  -s name  text"), else indent 4 more
            java.util.regex.Matcher tag = TAGGED.matcher(line);
            int indent = line.length() - line.stripLeading().length();
            boolean tagged = tag.find() && tag.end() < width / 2;
            int start = tagged ? tag.end() : indent;
            int hang = tagged ? start : indent + 4;
            String[] parts = WordUtils.wrap(line.substring(start), Math.max(20, width - 1 - hang), "\n", true)
                    .split("\n");
            console.out(line.substring(0, start) + parts[0]);
            for (int i = 1; i < parts.length; i++) {
                console.out(" ".repeat(hang) + parts[i]);
            }
        }
    }

    private static void listAll(Collection<ShellCommand> commands, int width, Console console) {
        Map<String, List<ShellCommand>> groups = new TreeMap<>(Help::groupOrder);
        int nameWidth = 0;
        for (ShellCommand command : commands) {
            groups.computeIfAbsent(command.group(), g -> new ArrayList<>()).add(command);
            nameWidth = Math.max(nameWidth, command.name().length());
        }
        int column = INDENT + nameWidth + GAP;
        int textWidth = Math.max(20, width - column);
        boolean first = true;
        for (Map.Entry<String, List<ShellCommand>> group : groups.entrySet()) {
            if (!first) {
                console.out("");
            }
            first = false;
            console.out(group.getKey() + ":");
            group.getValue().sort((a, b) -> a.name().compareTo(b.name()));
            for (ShellCommand command : group.getValue()) {
                String[] lines = WordUtils.wrap(command.summary(), textWidth, "\n", true).split("\n");
                console.out(" ".repeat(INDENT) + pad(command.name(), nameWidth + GAP) + lines[0]);
                for (int i = 1; i < lines.length; i++) {
                    console.out(" ".repeat(column) + lines[i]);
                }
            }
        }
        console.out("");
        String footer = "Type 'help CMD' to see how to use a command, 'man CMD' for its manual page.";
        if (commands.stream().anyMatch(c -> c.name().equals("tutorial"))) {
            footer += "\nNew here? 'tutorial list' shows the guided lessons; 'tutorial start 00' begins the first.";
        }
        for (String paragraph : footer.split("\n")) {
            for (String line : WordUtils.wrap(paragraph, Math.max(20, width), "\n", true).split("\n")) {
                console.out(line);
            }
        }
    }

    /** macOS tools first, then kextshell's own commands, then any other group alphabetically. */
    private static int groupOrder(String a, String b) {
        return Integer.compare(rank(a), rank(b)) != 0 ? Integer.compare(rank(a), rank(b)) : a.compareTo(b);
    }

    private static int rank(String group) {
        if (group.equals(MACOS_TOOLS)) {
            return 0;
        }
        return group.equals(KEXTSHELL) ? 1 : 2;
    }

    private static String pad(String text, int width) {
        return text + " ".repeat(Math.max(0, width - text.length()));
    }
}
