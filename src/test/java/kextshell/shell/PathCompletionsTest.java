package kextshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import kextshell.app.Kextshell;
import org.junit.jupiter.api.Test;

class PathCompletionsTest {
    private final Session session = Kextshell.newSession();

    private List<String> complete(String line) {
        List<String> words = new java.util.ArrayList<>(List.of(line.split(" ", -1)));
        String current = words.remove(words.size() - 1);
        return PathCompletions.withPaths(session, words, current);
    }

    @Test
    void offersTheFolderEntriesKeepingWhatWasTypedFoldersWithASlash() {
        assertTrue(PathCompletions.candidates(session.files(), "/", "/").containsAll(List.of("/System/", "/tmp/", "/Users/")));
        assertEquals(List.of("/Library/Extensions/"), PathCompletions.candidates(session.files(), "/", "/Library/Ex"));
        assertEquals(List.of("README.txt"), PathCompletions.candidates(session.files(), Session.HOME, ""));
        assertEquals(List.of("~/README.txt"), PathCompletions.candidates(session.files(), "/", "~/"));
        assertEquals(List.of(), PathCompletions.candidates(session.files(), "/", "/nope/"));
    }

    @Test
    void hiddenEntriesOnlyWhenTheWordStartsWithADot() throws FileSystem.FileError {
        session.files().write(Session.HOME + "/.secret", "x\n", false);
        assertFalse(PathCompletions.candidates(session.files(), Session.HOME, "").contains(".secret"));
        assertTrue(PathCompletions.candidates(session.files(), Session.HOME, ".").contains(".secret"));
    }

    @Test
    void everyCommandThatTakesAPathOffersThem() {
        for (String command : List.of("cat", "cd", "ls", "less", "more", "kextload", "kextutil", "sudo kextload")) {
            assertTrue(complete(command + " /Li").contains("/Library/"), command + ": " + complete(command + " /Li"));
        }
        assertTrue(complete("kextinfo /Library/").contains("/Library/Extensions/"));
        assertEquals(List.of(), complete("cd ~/"), "cd offers folders only, and ~ has only a file");
        assertTrue(complete("cat ~/").contains("~/README.txt"));
        assertEquals(List.of("~/README.txt"), complete("progress export ~/"));
        assertFalse(complete("whoami /").contains("/Library/"));
        assertFalse(complete("ls -").contains("/Library/"), "options, not paths, after '-'");
    }

    @Test
    void lessonsStrategiesScenariosAnswersAndSubCommandsComplete() {
        assertTrue(complete("tutorial ").containsAll(List.of("list", "start", "next", "stop")));
        List<String> lessons = complete("tutorial start ");
        assertTrue(lessons.stream().anyMatch(id -> id.startsWith("00")), lessons.toString());
        assertTrue(complete("compare --strategy ").contains("driver"), complete("compare --strategy ").toString());
        assertTrue(complete("compare --scenario ").size() >= 2, complete("compare --scenario ").toString());
        assertTrue(complete("progress ").containsAll(List.of("export", "import", "reset")));
        assertTrue(complete("answer ").size() >= 2, complete("answer ").toString());
        assertTrue(complete("man ").containsAll(List.of("kextload", "ioreg")));
    }
}
