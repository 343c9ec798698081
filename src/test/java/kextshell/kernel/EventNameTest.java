package kextshell.kernel;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashSet;
import java.util.Set;
import kextshell.app.Kextshell;
import kextshell.shell.Session;
import org.junit.jupiter.api.Test;

/** The journal's event names live in one enum; every recorded event is one of them. */
class EventNameTest {
    @Test
    void everyEventTheQuestionsScenarioRecordsIsANamedKind() {
        Session s = Kextshell.newSession();
        s.execute("sudo kextload /Library/Extensions/driver.kext");
        s.execute("launch --count 2 com_osxkernel_driver");
        s.execute("sudo kextunload -b com.osxkernel.driver");
        Set<String> seen = new HashSet<>();
        for (JournalEvent e : s.kernel().journal().events()) {
            EventName name = EventName.of(e.what()).orElseThrow(() -> new AssertionError("unnamed: " + e));
            assertEquals(name.category().word(), e.kind(), e.toString());
            seen.add(e.what());
        }
        assertTrue(seen.containsAll(Set.of("terminate", "willTerminate", "didTerminate", "stop", "port-dead")), seen.toString());
    }

    @Test
    void aNameOfTheWrongCategoryIsRefused() {
        Journal j = new Journal(new VirtualClock(0));
        assertThrows(IllegalArgumentException.class, () -> j.kext(EventName.TERMINATE, "com.x", ""));
    }
}
