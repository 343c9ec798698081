package kextshell.transcript;

import kextshell.app.Kextshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import kextshell.trace.export.HtmlPage;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** Every exported page is well-formed XHTML-syntax HTML5 with nothing that reaches the network. */
class HtmlExportTest {
    @org.junit.jupiter.api.io.TempDir
    Path dir;

    private static final Path ROOT = Path.of(System.getProperty("kextshell.root", "."));

    static Document parse(String html) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(html.getBytes(StandardCharsets.UTF_8)));
    }

    static void assertSelfContained(Document doc) {
        assertEquals(0, doc.getElementsByTagNameNS("*", "script").getLength(), "no scripts");
        NodeList all = doc.getElementsByTagNameNS("*", "*");
        for (int i = 0; i < all.getLength(); i++) {
            Element e = (Element) all.item(i);
            for (String attr : List.of("src", "href", "xlink:href")) {
                String value = e.getAttribute(attr);
                assertTrue(value.isEmpty() || value.startsWith("#"), e.getTagName() + " " + attr + "=" + value);
            }
        }
    }

    private static List<Path> exported() throws Exception {
        try (Stream<Path> scenarios = Files.list(ROOT.resolve("transcripts/scenarios"));
                Stream<Path> trace = Files.list(ROOT.resolve("transcripts/trace"))) {
            return Stream.concat(scenarios, trace).filter(p -> p.toString().endsWith(".md")).sorted()
                    .collect(Collectors.toList());
        }
    }

    @TestFactory
    Stream<DynamicTest> everyExportedTranscriptParses() throws Exception {
        return exported().stream().map(path -> DynamicTest.dynamicTest(path.getFileName().toString(), () -> {
            String html = TranscriptHtml.render(TranscriptParser.read(path, path.toString()), Kextshell.sessions());
            assertTrue(html.startsWith("<!DOCTYPE html>\n<html xmlns=\"http://www.w3.org/1999/xhtml\" lang=\"en\">"));
            Document doc = parse(html);
            assertEquals("html", doc.getDocumentElement().getLocalName());
            assertSelfContained(doc);
        }));
    }

    @Test
    void theQuestionHasOneDiagramUnderItsKextunload() throws Exception {
        Path question = ROOT.resolve("transcripts/scenarios/01-the-question.md");
        Document doc = parse(TranscriptHtml.render(TranscriptParser.read(question, question.toString()), Kextshell.sessions()));
        NodeList svgs = doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg");
        assertEquals(1, svgs.getLength());
        Element step = (Element) svgs.item(0).getParentNode().getParentNode();
        assertTrue(step.getTextContent().contains("sudo kextunload -b com.osxkernel.driver"), step.getTextContent());
    }

    @Test
    void textIsEscapedEverywhere() throws Exception {
        HtmlPage page = new HtmlPage("a <b> & \"c\"");
        page.paragraph("<script>alert(1)</script>");
        page.command("learner@kextlab ~ % ", "echo '<x>'", List.of("</pre><script>"), 3, null);
        Document doc = parse(page.render());
        assertSelfContained(doc);
        assertEquals("a <b> & \"c\"", doc.getElementsByTagNameNS("*", "title").item(0).getTextContent());
        assertTrue(doc.getDocumentElement().getTextContent().contains("</pre><script>"));
        assertTrue(doc.getDocumentElement().getTextContent().contains("? 3"));
    }

    @Test
    void backtickedSpansBecomeCodeAndAnUnpairedBacktickStaysText() throws Exception {
        HtmlPage page = new HtmlPage("t");
        page.paragraph("run `kextstat -l` now, or ` alone");
        Document doc = parse(page.render());
        assertEquals("kextstat -l", doc.getElementsByTagNameNS("*", "code").item(0).getTextContent());
        assertEquals(1, doc.getElementsByTagNameNS("*", "code").getLength());
        assertEquals("run kextstat -l now, or ` alone", doc.getElementsByTagNameNS("*", "p").item(0).getTextContent());
    }

    @Test
    void lessonsExportWithTheirProseAndWithoutFrontMatter() throws Exception {
        Path lesson = ROOT.resolve("tutorials/03-kextunload-with-clients.md");
        String html = TranscriptHtml.render(TranscriptParser.read(lesson, lesson.toString()), Kextshell.sessions());
        Document doc = parse(html);
        assertFalse(html.contains("requires: ["), "front matter is metadata");
        assertEquals("kextunload with clients connected",
                doc.getElementsByTagNameNS("*", "h1").item(0).getTextContent());
        assertEquals(1, doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength());
    }

    private static String replay(String... args) {
        java.io.ByteArrayOutputStream bytes = new java.io.ByteArrayOutputStream();
        int status = ReplayCommand.run(args, new java.io.ByteArrayInputStream(new byte[0]),
                new java.io.PrintStream(bytes, true, StandardCharsets.UTF_8), Kextshell.sessions());
        return status + "\n" + bytes.toString(StandardCharsets.UTF_8);
    }

    @Test
    void replayHtmlWritesOncePerFileAndRefusesToReplace() throws Exception {
        Path md = dir.resolve("q.md");
        Files.copy(ROOT.resolve("transcripts/trace/02-veto.md"), md);
        Path html = dir.resolve("q.html");
        assertEquals("0\nwrote " + md.toString().replace(".md", ".html") + "\n", replay("--html", md.toString()));
        parse(Files.readString(html));
        assertEquals("1\nreplay: " + html + ": file exists (add --force to replace it)\n",
                replay("--html", md.toString()));
        assertEquals("0\nwrote " + html + "\n", replay("--html", md.toString(), "-o", html.toString(), "--force"));
        assertTrue(replay("-o", html.toString(), md.toString()).startsWith("64\nreplay: -o and --force only apply"));
        assertTrue(replay("--html", "--check", md.toString()).startsWith("64\n"));
    }

    @Test
    void tutorialExportHtmlWritesTheLessonPage() throws Exception {
        kextshell.shell.Session session = Kextshell.newSession();
        kextshell.tutorial.TutorialEngine.of(session).useLessons(ROOT.resolve("tutorials"));
        Path out = dir.resolve("lesson.html");
        var r = session.execute("tutorial export-html 05 -o " + out);
        assertEquals(0, r.exitCode(), r.output());
        Document doc = parse(Files.readString(out));
        assertSelfContained(doc);
        assertTrue(doc.getElementsByTagNameNS("http://www.w3.org/2000/svg", "svg").getLength() >= 1);
        assertEquals(1, session.execute("tutorial export-html 05 -o " + out).exitCode());
        assertEquals(1, session.execute("tutorial export-html nosuch -o " + out).exitCode());
    }
}
