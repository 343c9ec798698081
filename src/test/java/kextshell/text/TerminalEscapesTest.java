package kextshell.text;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kextshell.shell.Session;
import kextshell.transcript.ReplayCommand;
import kextshell.tutorial.TutorialEngine;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue 15 defect 6: replays and lesson text printed raw escape sequences from the file. */
class TerminalEscapesTest {
    static final String TITLE = "\u001b]0;pwned\u0007";      // OSC 0: set the window title
    static final String CLIPBOARD = "\u001b]52;c;ZXZpbA==\u0007"; // OSC 52: write the clipboard
    static final String CLEAR = "\u001b[2J";                  // clear the screen

    @TempDir
    Path tmp;

    @Test
    void escapesLikeCatV() {
        assertEquals("^[]0;pwned^G", Visible.escape(TITLE));
        assertEquals("a^?b M-^[ ^@", Visible.escape("a\u007fb \u009b \u0000"));
        assertEquals("tab\tand\nnewline ✓ ★ é", Visible.escape("tab\tand\nnewline ✓ ★ é"));
        assertEquals("^M", Visible.escape("\r"));
    }

    private static String replay(String... args) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ReplayCommand.run(args, new ByteArrayInputStream(new byte[0]), new PrintStream(bytes, true, StandardCharsets.UTF_8),
                kextshell.app.Kextshell.sessions());
        return bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void D6_replayShowsTheFilesEscapesInsteadOfSendingThem() throws IOException {
        Path file = Files.writeString(tmp.resolve("evil.md"), "```kextshell\n$ " + TITLE + CLIPBOARD + CLEAR
                + "\nkextshell: command not found: [..]\n? 127\n$ whoami\nnobody" + CLEAR + "\n```\n");
        String played = replay(file.toString());
        assertFalse(played.contains("\u001b") || played.contains("\u0007"), played);
        assertTrue(played.contains("$ ^[]0;pwned^G^[]52;c;ZXZpbA==^G^[[2J\n"), played);
        assertTrue(played.contains("assignments (ZXZpbA==^G^[[2J) are not"), played); // zsh splits the line at ;
        String checked = replay("--check", file.toString());
        assertFalse(checked.contains("\u001b") || checked.contains("\u0007"), checked);
        assertTrue(checked.contains("-nobody^[[2J"), checked);
    }

    @Test
    void D6_lessonTextShowsEscapesInsteadOfSendingThem() throws IOException {
        Path lessons = Files.createDirectories(tmp.resolve("tutorials"));
        Files.writeString(lessons.resolve("00-evil.md"), "---\nid: 00-evil\ntitle: Evil" + TITLE + "\nrequires: []\n"
                + "allow: [whoami]\n---\n## Setup\n\n```kextshell\n```\n\n## Story\n\nStory " + CLEAR + CLIPBOARD
                + "\n\n## Goal\n\n- Be " + CLEAR + "root  `check user root`\n\n## Hints\n\n1. Hint " + CLEAR
                + "\n\n## Solution\n\n```kextshell\n$ whoami" + CLEAR + "\n...\n? 127\n```\n\n## Debrief\n\nDone" + CLEAR + ".\n");
        Session s = Kextshell.newSession();
        TutorialEngine.of(s).useLessons(lessons);
        StringBuilder all = new StringBuilder();
        for (String line : new String[] {"tutorial start 00-evil", "tutorial list", "goal", "hint", "solution --yes"}) {
            all.append(s.execute(line).output());
        }
        assertFalse(all.toString().contains("\u001b") || all.toString().contains("\u0007"), all.toString());
        assertTrue(all.toString().contains("Story ^[[2J^[]52;c;ZXZpbA==^G"), all.toString());
        assertTrue(all.toString().contains("Hint ^[[2J"), all.toString());
        assertTrue(all.toString().contains("$ whoami^[[2J"), all.toString());
    }
}
