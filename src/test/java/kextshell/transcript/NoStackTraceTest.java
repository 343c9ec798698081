package kextshell.transcript;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** No transcript may expect Java's own words: exception names, stack frames, internal errors. */
class NoStackTraceTest {
    /** "Error:" alone is legitimate (log show's footer); a Java class name ending in Error is not. */
    static final Pattern JAVA = Pattern.compile(
            "Exception|[A-Za-z]Error\\b|\\bat kextshell\\.|java\\.lang|java\\.io|kextshell: internal error");

    @Test
    void noTranscriptExpectsAJavaException() throws IOException, TranscriptException {
        List<Path> files;
        try (Stream<Path> walk = Files.walk(Path.of("transcripts"))) {
            files = walk.filter(p -> p.toString().endsWith(".md")).sorted().toList();
        }
        assertTrue(files.size() > 50, "found only " + files.size() + " transcripts");
        List<String> bad = new ArrayList<>();
        for (Path file : files) {
            Transcript t = TranscriptParser.read(file, file.toString());
            for (Block block : t.blocks()) {
                for (Step step : block.steps()) {
                    for (ExpectedLine line : step.expected()) {
                        if (JAVA.matcher(line.text()).find()) {
                            bad.add(file + ":" + line.line() + ": " + line.text());
                        }
                    }
                }
            }
        }
        assertTrue(bad.isEmpty(), String.join("\n", bad));
    }

    @Test
    void patternCatchesJavaNamesButNotLogFooters() {
        assertTrue(JAVA.matcher("kextshell: internal error in 'x' (NullPointerException)").find());
        assertTrue(JAVA.matcher("java.lang.StackOverflowError").find());
        assertTrue(JAVA.matcher("\tat kextshell.tools.Foo.run(Foo.java:1)").find());
        assertTrue(!JAVA.matcher("Log      - Default:          0, Info:   0, Debug:   0, Error:          0").find());
    }
}
