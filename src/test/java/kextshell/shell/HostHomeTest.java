package kextshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class HostHomeTest {
    @Test
    void homeComesBeforeUserHome() {
        assertEquals(Path.of("/env/home"), HostHome.directory(Map.of("HOME", "/env/home"), "/passwd/home"));
    }

    @Test
    void userHomeWhenHomeIsUnsetOrEmpty() {
        assertEquals(Path.of("/passwd/home"), HostHome.directory(Map.of(), "/passwd/home"));
        assertEquals(Path.of("/passwd/home"), HostHome.directory(Map.of("HOME", ""), "/passwd/home"));
    }
}
