package kextshell.transcript;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CastRecordingTest {
    private static final Pattern EVENT = Pattern.compile("\\[(\\d+\\.\\d{6}), \"o\", (\"(?:[^\"\\\\]|\\\\.)*\")\\]");

    @TempDir
    Path dir;

    @Test
    void jsonStringsEscapeQuotesBackslashesAndControls() {
        assertEquals("\"a\\\"b\\\\c\\r\\n\\u001b[0m\"", AsciicastWriter.json("a\"b\\c\r\n\u001b[0m"));
    }

    @Test
    void aRecordingIsAnAsciicastV2OnTheVirtualClock() throws Exception {
        Session session = Kextshell.newSession();
        Path file = dir.resolve("s.cast");
        assertEquals(0, session.execute("record --cast " + file).exitCode());
        session.execute("whoami");
        session.execute("sleep 3");
        session.execute("sudo -s");
        session.execute("record stop");
        List<String> lines = Files.readAllLines(file);
        assertTrue(lines.get(0).startsWith("{\"version\": 2, \"width\": 80, \"height\": 24,"), lines.get(0));
        double last = 0;
        for (String line : lines.subList(1, lines.size())) {
            Matcher m = EVENT.matcher(line);
            assertTrue(m.matches(), line);
            double t = Double.parseDouble(m.group(1));
            assertTrue(t >= last, line);
            last = t;
        }
        assertEquals("[0.000000, \"o\", \"learner@kextlab ~ % whoami\"]", lines.get(1));
        assertEquals("[0.010000, \"o\", \"\\r\\nlearner\\r\\n\"]", lines.get(2));
        assertEquals("[3.020000, \"o\", \"\\r\\n\"]", lines.get(4), "sleep 3 takes 3 s of virtual time");
        assertEquals("[3.020000, \"o\", \"learner@kextlab ~ % sudo -s\"]", lines.get(5));
        assertEquals(7, lines.size());
    }

    @Test
    void anExistingFileIsNotReplacedUnlessForced() throws Exception {
        Session session = Kextshell.newSession();
        Path file = dir.resolve("s.cast");
        Files.writeString(file, "mine");
        var r = session.execute("record --cast " + file);
        assertEquals(1, r.exitCode());
        assertEquals("record: " + file + ": file exists (add --force to replace it)\n", r.output());
        assertEquals("mine", Files.readString(file));
        assertEquals(0, session.execute("record --cast " + file + " --force").exitCode());
        assertTrue(Files.readString(file).startsWith("{\"version\": 2"));
    }
}
