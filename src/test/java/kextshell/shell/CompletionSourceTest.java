package kextshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class CompletionSourceTest {
    private final Session session = StubTool.session();

    @Test
    void firstWordIsACommandName() {
        List<String> names = session.candidates(List.of(), "kext");
        assertTrue(names.containsAll(List.of("kextload", "kextunload", "kextstat", "help", "exit", "sudo")), names::toString);
    }

    @Test
    void afterTheCommandItsOptionsAreOffered() {
        assertEquals(List.of("-b", "-v", "-h"), session.candidates(List.of("kextunload"), ""));
    }

    @Test
    void afterAValueOptionTheSessionSuppliesValues() {
        assertTrue(session.candidates(List.of("kextunload", "-b"), "com.osx").contains("com.osxkernel.driver"),
                "the kernel's bundles on disk");
        session.provideCompletionValues(CompletionKind.BUNDLE_ID, () -> List.of("com.example.Widget"));
        assertEquals(List.of("com.example.Widget"), session.candidates(List.of("kextunload", "-b"), "com"));
        assertEquals(List.of("com.example.Widget"), session.completionValues(CompletionKind.BUNDLE_ID));
    }

    @Test
    void helpAndSudoCompleteCommandNames() {
        assertTrue(session.candidates(List.of("help"), "").contains("kextunload"));
        assertTrue(session.candidates(List.of("sudo"), "").contains("kextunload"));
        assertEquals(List.of("-s"), session.candidates(List.of("sudo"), "-").stream()
                .filter(s -> s.startsWith("-")).toList());
        assertEquals(List.of("-b", "-v", "-h"), session.candidates(List.of("sudo", "kextunload"), ""));
    }

    @Test
    void unknownCommandsOfferNothing() {
        assertEquals(List.of(), session.candidates(List.of("nosuch"), ""));
    }
}
