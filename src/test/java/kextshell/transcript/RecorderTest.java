package kextshell.transcript;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import kextshell.shell.Session;
import kextshell.shell.SessionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RecorderTest {
    @TempDir
    Path dir;

    @Test
    void recordThenCheckRoundTrip() throws IOException, TranscriptException {
        Path file = dir.resolve("rec.md");
        Session session = Kextshell.newSession(new SessionConfig(7, 100));
        assertEquals("Not recording; 'record FILE' starts\n", session.execute("record").output());
        assertEquals(0, session.execute("record " + file).exitCode());
        session.execute("whoami");
        session.execute("nope");
        session.execute("");
        assertEquals(1, session.execute("record " + file).exitCode()); // already recording
        session.execute("sudo -s");
        session.execute("whoami");
        assertTrue(session.execute("record").output().startsWith("Recording to "));
        assertEquals("Recorded 5 commands to " + file + "\n", session.execute("record stop").output());
        assertEquals(1, session.execute("record stop").exitCode());
        session.execute("whoami"); // after stop: not recorded

        String text = Files.readString(file);
        assertEquals("# Recorded kextshell session\n\n"
                + "Check it with `./kextshell replay --check rec.md`.\n\n"
                + "```kextshell seed=7 width=100\n"
                + "$ whoami\nlearner\n"
                + "$ nope\nzsh: command not found: nope\n? 127\n"
                + "$\n? 127\n"
                + "$ sudo -s\n"
                + "$ whoami\nroot\n"
                + "```\n", text);
        Transcript transcript = TranscriptParser.read(file, "rec.md");
        assertEquals(7, transcript.config().seed());
        assertTrue(TranscriptRunner.run(transcript, Kextshell.sessions()).passed());
    }

    @Test
    void recordSessionHelperFinishesOnExit() throws IOException {
        Path file = dir.resolve("cli.md");
        Session session = Kextshell.newSession();
        Recorder recorder = RecordCommand.recordSession(session, file);
        session.execute("whoami");
        assertTrue(session.execute("record").output().startsWith("Recording to " + file));
        session.execute("exit");
        assertTrue(session.exited());
        assertEquals("Recorded 2 commands to " + file, recorder.finish());
        assertTrue(Files.readString(file).contains("$ whoami\nlearner\n$ exit\n```\n"));
    }

    @Test
    void unwritablePathIsAMessage() {
        Session session = Kextshell.newSession();
        var result = session.execute("record " + dir.resolve("no/such/dir/x.md"));
        assertEquals(1, result.exitCode());
        assertEquals("record: " + dir.resolve("no/such/dir/x.md") + ": No such file or directory\n", result.output());
    }

    @Test
    void optionsAreNotFileNames() {
        Session session = Kextshell.newSession();
        kextshell.shell.Result r = session.execute("record -h");
        assertEquals(64, r.exitCode());
        assertEquals("record: unknown option: -h (to record to that file, write ./-h)\n"
                + "usage: record [--force] FILE | record stop\n", r.output());
        assertEquals("Not recording; 'record FILE' starts\n", session.execute("record").output());
    }
}
