package kextshell.transcript;

import kextshell.app.Kextshell;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Opens an exported page in headless Chromium (Debian package {@code chromium}; {@code CHROMIUM}
 * names another binary) and checks that the diagram is really drawn: the browser's HTML5 parser
 * keeps the inline SVG, and the screenshot contains the three phase bands' colours, which nothing
 * else on the page uses. Runs only with {@code mvn verify -Pbrowser}.
 */
@Tag("browser")
class BrowserRenderTest {
    @TempDir
    Path dir;

    private static final String UNLOAD = "# Unload\n\n```kextshell seed=0 width=80\n"
            + "$ sudo kextload /Library/Extensions/driver.kext\n$ launch --count 2 com_osxkernel_driver\n"
            + "$ sudo kextunload -b com.osxkernel.driver\n```\n";

    private Path page() throws Exception {
        Path md = dir.resolve("unload.md");
        Files.writeString(md, UNLOAD, StandardCharsets.UTF_8);
        Path html = dir.resolve("unload.html");
        Files.writeString(html, TranscriptHtml.render(TranscriptParser.read(md, md.toString()), Kextshell.sessions()), StandardCharsets.UTF_8);
        return html;
    }

    private String chromium(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(System.getenv().getOrDefault("CHROMIUM", "chromium"),
                "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
                "--user-data-dir=" + dir.resolve("profile")));
        command.addAll(List.of(args));
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(false);
        pb.environment().put("HOME", dir.toString());
        pb.redirectError(dir.resolve("chromium.err").toFile());
        Process p = pb.start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertTrue(p.waitFor(120, TimeUnit.SECONDS), "chromium did not finish");
        assertEquals(0, p.exitValue(), "chromium failed: " + Files.readString(dir.resolve("chromium.err")));
        return out;
    }

    @Test
    void theBrowsersHtml5ParserKeepsTheInlineSvg() throws Exception {
        String dom = chromium("--dump-dom", page().toUri().toString());
        assertTrue(dom.contains("<svg xmlns=\"http://www.w3.org/2000/svg\""), dom);
        assertTrue(dom.contains("terminate(kIOServiceRequired|kIOServiceSynchronous)"));
    }

    @Test
    void theDiagramIsDrawnWithItsPhaseBands() throws Exception {
        Path png = dir.resolve("shot.png");
        chromium("--window-size=1400,2400", "--screenshot=" + png, page().toUri().toString());
        BufferedImage image = ImageIO.read(png.toFile());
        // each band is its fill at opacity .35 over the white background
        assertTrue(count(image, 0xffd9a8) > 2000, "phase 1 band");
        assertTrue(count(image, 0xc9e4ff) > 2000, "phase 2 band");
        assertTrue(count(image, 0xd6f0c8) > 2000, "phase 3 band");
    }

    private static int count(BufferedImage image, int fill) {
        int[] want = new int[3];
        for (int c = 0; c < 3; c++) {
            int channel = (fill >> (16 - 8 * c)) & 0xff;
            want[c] = (int) Math.round(255 - 0.35 * (255 - channel));
        }
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                if (Math.abs(((rgb >> 16) & 0xff) - want[0]) <= 4 && Math.abs(((rgb >> 8) & 0xff) - want[1]) <= 4
                        && Math.abs((rgb & 0xff) - want[2]) <= 4) {
                    n++;
                }
            }
        }
        return n;
    }
}
