package kextshell.cli;

import kextshell.shell.SessionListener;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import kextshell.shell.Session;
import kextshell.shell.StubTool;
import org.jline.reader.History;
import org.jline.terminal.Attributes;
import org.jline.terminal.Size;
import org.jline.terminal.Terminal;
import org.jline.terminal.impl.DumbTerminal;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Drives the real loop through a dumb terminal on in-memory streams, as JLine's own tests do. */
@Timeout(value = 20, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class ReplTest {
    @TempDir
    Path home;

    private final Session session = StubTool.session();
    private final List<String> executed = new ArrayList<>();
    private final ByteArrayOutputStream screen = new ByteArrayOutputStream();

    private Repl repl(String keys, Optional<Path> history) throws IOException {
        return repl("dumb", keys, history);
    }

    private Repl repl(String type, String keys, Optional<Path> history) throws IOException {
        session.addListener(SessionListener.onExecuted((line, result) -> executed.add(line)));
        Terminal terminal = new DumbTerminal("test", type,
                new ByteArrayInputStream(keys.getBytes(StandardCharsets.UTF_8)), screen, StandardCharsets.UTF_8);
        terminal.setSize(new Size(160, 80));
        // as a real tty does: Ctrl-C (0x03) raises SIGINT instead of arriving as a character.
        // Every signal character must be set: an unset one (-1) would match end of input and
        // make the dumb terminal raise that signal forever instead of reporting EOF.
        Attributes attributes = terminal.getAttributes();
        attributes.setLocalFlag(Attributes.LocalFlag.ISIG, true);
        attributes.setControlChar(Attributes.ControlChar.VINTR, 3);
        attributes.setControlChar(Attributes.ControlChar.VQUIT, 28);
        attributes.setControlChar(Attributes.ControlChar.VSUSP, 26);
        attributes.setControlChar(Attributes.ControlChar.VSTATUS, 20);
        terminal.setAttributes(attributes);
        return new Repl(session, terminal, history);
    }

    private String screen() {
        return screen.toString(StandardCharsets.UTF_8);
    }

    @Test
    void runsCommandsAndShowsTheirOutput() throws IOException {
        int status = repl("whoami\nkextstat --fail\n", Optional.empty()).run();
        assertEquals(List.of("whoami", "kextstat --fail"), executed);
        assertTrue(screen().contains("learner@kextlab ~ % "), screen());
        assertTrue(screen().contains("learner\n"), screen());
        assertTrue(screen().contains("kextstat --fail\n"), screen());
        assertEquals(3, status, "end of input leaves with the last command's status");
    }

    @Test
    void bannerComesFirstAndHasNoColourOnADumbTerminal() throws IOException {
        repl("exit\n", Optional.empty()).run();
        assertTrue(screen().startsWith("kextshell "), screen());
        assertTrue(screen().contains("'help'"), screen());
        assertFalse(screen().contains("\u001b["), "no ANSI escapes on a dumb terminal: " + screen());
    }

    @Test
    void exitLeavesAndLaterLinesAreNotRun() throws IOException {
        assertEquals(0, repl("exit\nwhoami\n", Optional.empty()).run());
        assertEquals(List.of("exit"), executed);
        assertTrue(session.exited());
    }

    @Test
    void sudoShellChangesThePromptAndEndOfInputLeavesItFirst() throws IOException {
        repl("sudo -s\nwhoami\n", Optional.empty()).run();
        assertTrue(screen().contains("root@kextlab ~ # "), screen());
        assertTrue(screen().contains("root\n"), screen());
        assertFalse(session.isRoot());
    }

    @Test
    void bangBangIsNotExpanded() throws IOException {
        repl("kextload -v\nkextunload !!\necho !$ !-1\n", Optional.empty()).run();
        assertEquals(List.of("kextload -v", "kextunload !!", "echo !$ !-1"), executed);
        assertTrue(screen().contains("kextunload !!\n"), screen());
    }

    @Test
    void historyIsRecordedAndSavedToItsFile() throws IOException {
        Path file = home.resolve(".kextshell").resolve("history");
        Optional<Path> usable = HistoryFile.usable(file, System.err);
        assertEquals(Optional.of(file), usable);
        Repl repl = repl("whoami\nkextstat\n", usable);
        repl.run();
        History history = repl.reader().getHistory();
        assertEquals(2, history.size());
        assertEquals("kextstat", history.get(history.last()));
        String saved = Files.readString(file, StandardCharsets.UTF_8);
        assertTrue(saved.contains("whoami") && saved.contains("kextstat"), saved);
    }

    @Test
    void unwritableHistoryMeansNoHistoryFileNotACrash() throws IOException {
        Path blocker = Files.writeString(home.resolve("plain-file"), "x");
        assertEquals(Optional.empty(), HistoryFile.usable(blocker.resolve("history"), new java.io.PrintStream(
                new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)));
        assertEquals(0, repl("whoami\n", Optional.empty()).run());
    }

    @Test
    void D2_aNonUtf8HistoryNeitherCrashesTheShellNorLosesItsGoodLines() throws IOException {
        Path file = home.resolve("history");
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        bytes.writeBytes("1700000000000:whoami\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes(new byte[] {'1', ':', (byte) 0xff, (byte) 0xfe, '\n'});
        bytes.writeBytes("1700000000001:kextstat\n".getBytes(StandardCharsets.UTF_8));
        Files.write(file, bytes.toByteArray());
        Repl repl = repl("whoami\n", Optional.of(file));
        assertEquals(0, repl.run());
        assertEquals(1, screen().split("not UTF-8", -1).length - 1, "one warning: " + screen());
        assertEquals(List.of("whoami", "kextstat", "whoami"), lines(repl.reader().getHistory()));
        assertEquals("1700000000000:whoami\n1700000000001:kextstat\n", Files.readString(file).replaceAll("\\d+:whoami\n$", ""));
        try (var list = Files.list(home)) {
            assertTrue(list.anyMatch(p -> p.getFileName().toString().startsWith("history.corrupt-")),
                    "the original bytes are kept");
        }
    }

    @Test
    void D2_aForeignHistoryFileIsReadButNeverRewritten() throws IOException {
        Path file = home.resolve("bash_history");
        String bash = "ls -l\n#1700000000\ncd /tmp\necho 'a:b'\n";
        Files.writeString(file, bash);
        Repl repl = repl("whoami\n", Optional.of(file));
        repl.run();
        assertEquals(List.of("ls -l", "#1700000000", "cd /tmp", "echo 'a:b'", "whoami"), lines(repl.reader().getHistory()));
        assertEquals(bash, Files.readString(file), "not one byte changed");
        assertTrue(screen().contains("is not a kextshell history file"), screen());
    }

    @Test
    void historyMergesTwoShellsAndKeepsMultiLineEntries() throws IOException {
        Path file = home.resolve("history");
        Files.writeString(file, "1700000000000:first\n");
        Repl repl = repl("second\n", Optional.of(file));
        Files.writeString(file, "1700000000000:first\n1700000000005:other shell\n");
        repl.run();
        String saved = Files.readString(file);
        assertTrue(saved.startsWith("1700000000000:first\n1700000000005:other shell\n"), saved);
        assertTrue(saved.endsWith(":second\n"), saved);
        assertEquals("a\nb\\c", HistoryStore.unescape(HistoryStore.escape("a\nb\\c")));
    }

    private static List<String> lines(History history) {
        List<String> lines = new ArrayList<>();
        history.forEach(e -> lines.add(e.line()));
        return lines;
    }

    @Test
    void tabCompletesACommandName() throws IOException {
        // JLine gives a terminal of type "dumb" a minimal key map without completion, so this
        // one uses the same in-memory terminal announced as "ansi", as JLine's own tests do
        repl("ansi", "kextun\t-v\n", Optional.empty()).run();
        assertEquals(List.of("kextunload -v"), executed);
    }

    @Test
    void ctrlCDropsTheLineAndTheShellGoesOn() throws IOException {
        repl("kextlo\u0003whoami\n", Optional.empty()).run();
        assertEquals(List.of("whoami"), executed);
    }

    /** The tutorial's reset, whose [y/N] question is the one a learner meets first. */
    private void withReset() {
        kextshell.app.Kextshell.commands().stream().filter(c -> c.name().equals("reset")).findFirst()
                .ifPresent(session::register);
    }

    private List<String> history(Repl repl) {
        List<String> lines = new ArrayList<>();
        for (History.Entry e : repl.reader().getHistory()) {
            lines.add(e.line());
        }
        return lines;
    }

    @Test
    void ctrlCCancelsAQuestionAndDoesNotEatTheNextCommand() throws IOException {
        withReset();
        Repl repl = repl("reset\n\u0003whoami\n", Optional.empty());
        repl.run();
        assertEquals(List.of("reset", "whoami"), executed, "whoami ran as a command, not as the answer");
        assertTrue(screen().contains("[y/N]"), screen());
        assertTrue(screen().contains("Cancelled."), screen());
        assertTrue(screen().contains("learner\n"), "whoami's own output: " + screen());
        assertFalse(kextshell.shell.Questions.of(session).pending());
        assertEquals(List.of("reset", "whoami"), history(repl));
    }

    @Test
    void theAnswerComesFromTheNextLineOnlyAndIsNotHistory() throws IOException {
        withReset();
        Repl repl = repl("reset\nn\nwhoami\n", Optional.empty());
        repl.run();
        assertEquals(List.of("reset", "n", "whoami"), executed);
        assertTrue(screen().contains("Cancelled.\n"), screen());
        assertEquals(List.of("reset", "whoami"), history(repl), "the 'n' answered the question");
    }

    @Test
    void aPagedResultOnADumbTerminalIsPrintedAsItIs() throws IOException {
        Repl repl = repl("", Optional.empty());
        java.io.StringWriter text = new java.io.StringWriter();
        repl.show(new kextshell.shell.Result(List.of(new kextshell.shell.Result.Chunk(true, "warn\n"),
                new kextshell.shell.Result.Chunk(false, "page\n")), 0, true), new java.io.PrintWriter(text));
        assertEquals("warn\npage\n", text.toString());
    }

    @Test
    void anOpeningLessonIsShownAfterTheBannerBeforeThePrompt() throws IOException {
        repl("exit\n", Optional.empty()).opening("Lesson 03: the story\n").run();
        int banner = screen().indexOf("Type 'help'");
        int lesson = screen().indexOf("Lesson 03: the story");
        int prompt = screen().indexOf("learner@kextlab");
        assertTrue(banner >= 0 && banner < lesson && lesson < prompt, screen());
    }

    @Test
    void traceDrawsAsciiOnADumbTerminalAndBoxesOnAUtf8One() throws IOException {
        Session real = kextshell.app.Kextshell.newSession();
        Terminal dumb = new DumbTerminal("test", "dumb", new ByteArrayInputStream(new byte[0]), screen,
                StandardCharsets.UTF_8);
        new Repl(real, dumb, Optional.empty());
        real.execute("sudo kextload /Library/Extensions/driver.kext");
        String ascii = real.execute("trace").output();
        assertTrue(ascii.contains("|------"), ascii);
        assertTrue(ascii.chars().allMatch(c -> c < 128), ascii);
        assertTrue(real.execute("trace --unicode").output().contains("├"));
        Terminal xterm = new DumbTerminal("test", "xterm-256color", new ByteArrayInputStream(new byte[0]), screen,
                StandardCharsets.UTF_8);
        new Repl(real, xterm, Optional.empty());
        assertTrue(real.execute("trace").output().contains("├"));
    }

    @Test
    void twoPastedLinesRunAsTwoCommands() throws IOException {
        repl("whoami\nwhoami | wc -l\n", Optional.empty()).run();
        assertEquals(List.of("whoami", "whoami | wc -l"), executed);
    }
}
