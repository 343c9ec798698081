package kextshell.tools;

import kextshell.tools.files.Vfs;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The committed vfs/INDEX must list exactly the files under src/main/resources/vfs. With
 * -Dkextshell.vfsindex=overwrite the test rewrites it instead of failing.
 */
class VfsIndexTest {
    private static final Path DIR = Path.of(System.getProperty("kextshell.root", "."), "src/main/resources/vfs");

    @Test
    void indexMatchesTheResourceTree() throws IOException {
        List<String> actual = new ArrayList<>();
        try (Stream<Path> walk = Files.walk(DIR)) {
            walk.filter(Files::isRegularFile).map(p -> "/" + DIR.relativize(p).toString().replace('\\', '/'))
                    .filter(p -> !p.equals("/INDEX")).forEach(actual::add);
        }
        actual.sort(null);
        Path index = DIR.resolve("INDEX");
        List<String> header = new ArrayList<>();
        List<String> listed = new ArrayList<>();
        for (String line : Files.readAllLines(index, StandardCharsets.UTF_8)) {
            (line.startsWith("#") ? header : listed).add(line);
        }
        if ("overwrite".equals(System.getProperty("kextshell.vfsindex")) && !listed.equals(actual)) {
            List<String> all = new ArrayList<>(header);
            all.addAll(actual);
            Files.write(index, all, StandardCharsets.UTF_8);
            return;
        }
        assertEquals(String.join("\n", actual), String.join("\n", listed),
                "src/main/resources/vfs/INDEX is stale; run mvn -q -o test -Dtest=VfsIndexTest -Dkextshell.vfsindex=overwrite");
        assertEquals(actual, Vfs.readIndex(), "the INDEX on the classpath");
    }
}
