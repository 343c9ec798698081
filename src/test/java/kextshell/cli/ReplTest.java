package kextshell.cli;

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
        session.addListener((line, result) -> executed.add(line));
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
}
