package kextshell.cli;

import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class BannerTest {
    @Test
    void everyLineFitsEightyColumnsEvenWithALongVersion() {
        for (String version : new String[] {Version.get(), "10.20.300-SNAPSHOT"}) {
            for (String line : Banner.lines(version)) {
                assertTrue(line.length() <= 80, line.length() + ": " + line);
            }
        }
    }
}
