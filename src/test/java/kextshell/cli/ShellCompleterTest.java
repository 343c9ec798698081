package kextshell.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import kextshell.shell.CompletionKind;
import kextshell.shell.Session;
import kextshell.shell.StubTool;
import org.jline.reader.Candidate;
import org.jline.reader.ParsedLine;
import org.jline.reader.Parser;
import org.jline.reader.impl.DefaultParser;
import org.junit.jupiter.api.Test;

class ShellCompleterTest {
    private final Session session = StubTool.session();
    private final ShellCompleter completer = new ShellCompleter(session);

    private List<String> complete(String line) {
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        completer.complete(null, parsed, candidates);
        // JLine keeps the candidates that start with the typed word; do the same here
        return candidates.stream().map(Candidate::value).filter(v -> v.startsWith(parsed.word())).toList();
    }

    @Test
    void commandNameAtTheStart() {
        assertEquals(List.of("kextunload"), complete("kextun"));
        assertTrue(complete("kext").containsAll(List.of("kextload", "kextstat", "kextunload")));
    }

    @Test
    void optionsAfterTheCommand() {
        assertEquals(List.of("-b", "-v", "-h"), complete("kextunload -"));
    }

    @Test
    void valuesAfterAValueOption() {
        session.provideCompletionValues(CompletionKind.BUNDLE_ID,
                () -> List.of("com.example.Widget", "com.example.Gadget"));
        assertEquals(List.of("com.example.Widget"), complete("kextunload -b com.example.W"));
    }

    @Test
    void commandNamesAfterSudo() {
        assertEquals(List.of("kextunload"), complete("sudo kextun"));
    }

    @Test
    void aFolderIsNotFinishedSoTabGoesOnInsideIt() {
        Session real = kextshell.app.Kextshell.newSession();
        ShellCompleter paths = new ShellCompleter(
                (words, current) -> kextshell.shell.PathCompletions.withPaths(real, words, current));
        String line = "cat ~/";
        ParsedLine parsed = new DefaultParser().parse(line, line.length(), Parser.ParseContext.COMPLETE);
        List<Candidate> candidates = new ArrayList<>();
        paths.complete(null, parsed, candidates);
        assertEquals(List.of("~/README.txt"), candidates.stream().map(Candidate::value).toList());
        assertTrue(candidates.get(0).complete(), "a file ends the word");
        String dir = "ls /Libr";
        List<Candidate> folders = new ArrayList<>();
        paths.complete(null, new DefaultParser().parse(dir, dir.length(), Parser.ParseContext.COMPLETE), folders);
        Candidate library = folders.stream().filter(c -> c.value().equals("/Library/")).findFirst().orElseThrow();
        assertEquals(false, library.complete(), "no space after a folder");
    }
}
