package kextshell.transcript;

import kextshell.app.Kextshell;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.DynamicContainer;
import org.junit.jupiter.api.DynamicNode;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.TestFactory;

/**
 * Every transcripts/**.md file is a test: one container per file, one test per kextshell block,
 * named after the heading above the block. With -Dkextshell.transcripts=overwrite the files are
 * blessed (rewritten from the actual output) instead of failing.
 */
class TranscriptGoldenTest {
    private static final Path ROOT = Path.of(System.getProperty("kextshell.root", "."));
    private static final boolean OVERWRITE = "overwrite".equals(System.getProperty("kextshell.transcripts"));

    @TestFactory
    Stream<DynamicNode> transcripts() throws IOException {
        Path dir = ROOT.resolve("transcripts");
        assertTrue(Files.isDirectory(dir), "no transcripts directory at " + dir.toAbsolutePath());
        List<Path> files;
        try (Stream<Path> walk = Files.walk(dir)) {
            files = walk.filter(p -> p.toString().endsWith(".md") && Files.isRegularFile(p)).sorted().toList();
        }
        return files.stream().map(this::container);
    }

    private DynamicNode container(Path file) {
        String name = ROOT.relativize(file).toString().replace('\\', '/');
        Transcript transcript;
        try {
            transcript = TranscriptParser.read(file, name);
        } catch (TranscriptException e) {
            String message = e.getMessage();
            return DynamicTest.dynamicTest(name, file.toUri(), () -> fail(message));
        }
        // blocks share one session, so the file runs once, on the first block's test
        Map<String, TranscriptResult> once = new HashMap<>();
        List<DynamicNode> tests = new ArrayList<>();
        List<String> used = new ArrayList<>();
        for (Block block : transcript.blocks()) {
            String testName = used.contains(block.name()) ? block.name() + " (line " + block.line() + ")" : block.name();
            used.add(block.name());
            tests.add(DynamicTest.dynamicTest(testName, file.toUri(), () -> {
                TranscriptResult result = once.computeIfAbsent(name, n -> runOrBless(file, transcript));
                if (!OVERWRITE && !result.outcomes(block).stream().allMatch(StepOutcome::passed)) {
                    fail("\n" + result.diff(block));
                }
            }));
        }
        return DynamicContainer.dynamicContainer(name, file.toUri(), tests.stream());
    }

    private static TranscriptResult runOrBless(Path file, Transcript transcript) {
        TranscriptResult result = TranscriptRunner.run(transcript, Kextshell.sessions());
        if (OVERWRITE && !result.passed()) {
            try {
                TranscriptFiles.write(file, TranscriptUpdater.update(result));
            } catch (IOException e) {
                throw new IllegalStateException("cannot bless " + transcript.name(), e);
            }
        }
        return result;
    }
}
