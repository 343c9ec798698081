package kextshell.shell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import kextshell.app.Kextshell;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ManPageTest {
    private static final ManPage SAMPLE = ManPage.parse(String.join("\n",
            "tool 8",
            "NAME",
            "  tool -- does things",
            "SYNOPSIS",
            "  tool [-a] [-c class] file ...",
            "  tool -l",
            "DESCRIPTION",
            "  The tool does things to each file.",
            "",
            "  A second paragraph.",
            "OPTIONS",
            "  -a",
            "    All of them. Really all.",
            "  -c class, -class class",
            "    Only those of this class.",
            ""));

    @Test
    void synopsisBecomesUsageLinesAlignedUnderTheFirst() {
        assertEquals(List.of("usage: tool [-a] [-c class] file ...", "       tool -l"), SAMPLE.usage());
    }

    @Test
    void optionsArePairsOfTagAndText() {
        List<String[]> options = SAMPLE.options();
        assertEquals(2, options.size());
        assertEquals("-c class, -class class", options.get(1)[0]);
        assertEquals("All of them. Really all.", options.get(0)[1]);
    }

    @Test
    void rendersInMansLayout() {
        List<String> page = SAMPLE.render(80);
        assertEquals("TOOL(8)                   BSD System Manager's Manual                   TOOL(8)", page.get(0));
        assertEquals(79, page.get(0).length());
        assertEquals(List.of("NAME", "     tool -- does things", "", "SYNOPSIS", "     tool [-a] [-c class] file ...",
                "     tool -l", "", "DESCRIPTION", "     The tool does things to each file.", "",
                "     A second paragraph.", "", "OPTIONS", "     -a     All of them. Really all.", "",
                "     -c class, -class class", "            Only those of this class.", ""), page.subList(2, 20));
    }

    @ParameterizedTest
    @ValueSource(ints = {40, 60, 80, 132})
    void everyShippedPageFitsTheWidth(int width) {
        Session session = Kextshell.newSession();
        int pages = 0;
        for (String name : session.commands().keySet()) {
            ManPage page = ManPage.load(name).orElse(ManPage.fromHelp(session.commands().get(name)));
            pages += ManPage.load(name).isPresent() ? 1 : 0;
            for (String line : page.render(width)) {
                assertTrue(line.length() < width, name + " at " + width + ": '" + line + "'");
            }
            assertTrue(page.render(width).contains("SYNOPSIS"), name);
        }
        assertTrue(pages >= 18, "pages shipped: " + pages);
    }

    @Test
    void aLongSynopsisWrapsBetweenBracketsUnderItsArguments() {
        List<String> page = ManPage.load("ioreg").orElseThrow().render(60);
        int at = page.indexOf("SYNOPSIS");
        assertEquals("     ioreg [-abfilrtx] [-c class] [-d depth] [-k key]", page.get(at + 1));
        assertEquals("           [-n name] [-p plane] [-w width]", page.get(at + 2));
    }

    @Test
    void aCommandWithoutAPageGetsOneFromItsHelp() {
        Session session = Kextshell.newSession();
        List<String> page = ManPage.fromHelp(session.commands().get("progress")).render(80);
        assertEquals("     progress -- completed lessons", page.get(3));
        assertTrue(page.contains("     progress export FILE"), String.join("\n", page));
    }

    @Test
    void noPageForAnUnknownOrOddName() {
        assertTrue(ManPage.load("nope").isEmpty());
        assertTrue(ManPage.load("../pom").isEmpty());
    }
}
