package kextshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

class SuggestTest {
    private static final List<String> TOOLS =
            List.of("kextload", "kextunload", "kextstat", "kextutil", "ioreg", "help", "ls", "cd");

    @Test
    void oneTypoInALongName() {
        assertEquals(List.of("kextunload"), Suggest.closest("kextunlod", TOOLS));
        assertEquals(List.of("kextstat"), Suggest.closest("kexstat", TOOLS));
    }

    @Test
    void swappedLettersCountAsOneEdit() {
        assertEquals(List.of("help"), Suggest.closest("hepl", TOOLS));
        assertEquals(List.of("kextload"), Suggest.closest("kextlaod", TOOLS));
    }

    @Test
    void caseIsIgnored() {
        assertEquals(List.of("ioreg"), Suggest.closest("IOReg", TOOLS));
    }

    @Test
    void onlyTheClosestAreOffered() {
        // "kextloa" is one edit from kextload, more from the others
        assertEquals(List.of("kextload"), Suggest.closest("kextloa", TOOLS));
    }

    @Test
    void shortWordsGetOneEditAtMost() {
        assertEquals(List.of(), Suggest.closest("xy", TOOLS));
        assertEquals(List.of("cd", "ls"), Suggest.closest("cs", TOOLS));
    }

    @Test
    void farOffWordsGetNothingButPrefixesHelp() {
        assertEquals(List.of(), Suggest.closest("launchctl", TOOLS));
        assertEquals(List.of("kextunload"), Suggest.closest("kextun", TOOLS));
    }

    @Test
    void anExactMatchIsNotASuggestion() {
        assertEquals(List.of(), Suggest.closest("ioreg", List.of("ioreg")));
    }

    @Test
    void customThresholdForLongIdentifiers() {
        List<String> ids = List.of("com.example.driver.Widget", "com.apple.iokit.IOUSBFamily");
        assertEquals(List.of("com.example.driver.Widget"), Suggest.closest("com.exmaple.drvier.Widgt", ids, 4));
    }

    @Test
    void phrasing() {
        assertEquals("", Suggest.didYouMean(List.of()));
        assertEquals("did you mean 'a'?", Suggest.didYouMean(List.of("a")));
        assertEquals("did you mean 'a' or 'b'?", Suggest.didYouMean(List.of("a", "b")));
        assertEquals("did you mean 'a', 'b' or 'c'?", Suggest.didYouMean(List.of("a", "b", "c")));
    }
}
