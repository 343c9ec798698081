package kextshell.trace;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;

class RenderersTest {

    @Test
    void textFitsTheWidthAtEveryWidth() {
        for (SequenceDiagram d : List.of(Traces.question(2), Traces.question(100))) {
            for (int width : new int[] {40, 80, 132}) {
                for (boolean unicode : new boolean[] {true, false}) {
                    for (String line : TextRenderer.render(d, width, unicode)) {
                        assertTrue(line.length() <= width, width + ": " + line);
                        assertEquals(line.stripTrailing(), line);
                    }
                }
            }
        }
    }

    @Test
    void asciiFallbackIsPureAscii() {
        for (String line : TextRenderer.render(Traces.question(100), 80, false)) {
            assertTrue(line.chars().allMatch(c -> c < 128), line);
        }
        assertTrue(String.join("\n", TextRenderer.render(Traces.question(100), 80, false)).contains("client x98"));
    }

    @Test
    void hundredThousandClientsDrawInAScreenfulOfRows() {
        List<String> lines = TextRenderer.render(Traces.question(2000), 80, true);
        List<String> two = TextRenderer.render(Traces.question(100), 80, true);
        assertEquals(two.size(), lines.size(), "folding makes the height independent of the client count");
    }

    @Test
    void longLabelsWrapAtOptionBoundaries() {
        List<String> parts = TextRenderer.wrap("terminate(kIOServiceRequired|kIOServiceSynchronous|kIOServiceTerminate)",
                40);
        assertEquals(List.of("terminate(kIOServiceRequired|", "  kIOServiceSynchronous|", "  kIOServiceTerminate)"),
                parts);
    }

    @Test
    void svgIsWellFormedStandaloneXmlWithEscapedText() throws Exception {
        SequenceDiagram d = new SequenceDiagram("kill <pid> & \"more\"", Traces.question(2).lanes(),
                Traces.question(2).rows(), 1);
        Document doc = parse(SvgRenderer.render(d, true));
        assertEquals("svg", doc.getDocumentElement().getNodeName());
        assertEquals("http://www.w3.org/2000/svg", doc.getDocumentElement().getAttribute("xmlns"));
        assertEquals("kill <pid> & \"more\"", doc.getElementsByTagName("title").item(0).getTextContent());
        assertTrue(doc.getElementsByTagName("line").getLength() > 10);
        assertTrue(doc.getElementsByTagName("script").getLength() == 0);
    }

    @Test
    void svgOfAFoldedUnloadParses() throws Exception {
        Document doc = parse(SvgRenderer.render(Traces.question(100), true));
        assertTrue(doc.getDocumentElement().getTextContent().contains("client ×98"));
    }

    static Document parse(String xml) throws Exception {
        DocumentBuilderFactory f = DocumentBuilderFactory.newInstance();
        f.setNamespaceAware(true);
        f.setFeature("http://apache.org/xml/features/disallow-doctype-decl", true);
        return f.newDocumentBuilder().parse(new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)));
    }
}
