package kextshell.transcript;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import kextshell.shell.Result;
import kextshell.shell.Session;
import kextshell.shell.SessionConfig;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Issue 4 acceptance: the question's scenario, recorded with {@code record} and then replayed
 * with {@code replay --check}, passes.
 */
class QuestionRecordingTest {
    @TempDir
    Path dir;

    @Test
    void recordedQuestionScenarioReplaysClean() throws IOException {
        Path file = dir.resolve("question.md");
        Session session = Kextshell.newSession(new SessionConfig(0, 80));
        assertEquals(0, session.execute("record " + file).exitCode());

        assertEquals(0, session.execute("sudo kextload /Library/Extensions/driver.kext").exitCode());
        assertEquals(0, session.execute("launch --count 2 com_osxkernel_driver").exitCode());
        Result ioreg = session.execute("ioreg -r -c com_osxkernel_driver -l");
        assertTrue(ioreg.output().contains("\"IOUserClientCreator\" = \"pid 401, clientd\""), ioreg.output());
        assertTrue(ioreg.output().contains("\"IOUserClientCreator\" = \"pid 402, clientd\""), ioreg.output());
        assertEquals(0, session.execute("sudo kextunload -b com.osxkernel.driver").exitCode());
        Result log = session.execute("log show --predicate 'sender == \"driver\"'");
        assertTrue(log.output().contains("com_osxkernel_driver::stop"), log.output());
        Result call = session.execute("call 401");
        assertEquals(1, call.exitCode());
        assertTrue(call.output().contains("0x10000003 (MACH_SEND_INVALID_DEST)"), call.output());
        assertEquals(1, session.execute("call 402").exitCode());
        session.execute("kextstat -l -b com.osxkernel.driver");
        session.execute("ps -a");

        Result stop = session.execute("record stop");
        assertEquals(0, stop.exitCode(), stop.output());
        assertEquals("Recorded 9 commands to " + file + "\n", stop.output());
        String text = Files.readString(file);
        assertTrue(text.contains("$ sudo kextunload -b com.osxkernel.driver\n"), text);
        assertTrue(!text.contains("$ record"), text);

        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);
        int status = ReplayCommand.run(new String[] {"--check", file.toString()},
                new ByteArrayInputStream(new byte[0]), out, Kextshell.sessions());
        String report = bytes.toString(StandardCharsets.UTF_8);
        assertTrue(report.contains("1 passed, 0 failed"), report);
        assertEquals(0, status, report);
    }
}
