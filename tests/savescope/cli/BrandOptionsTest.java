package savescope.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class BrandOptionsTest {
    @TempDir
    Path dir;

    @Test
    void aWhiteLabelReportShowsTheAgencyEscapedWithItsLogoAndAccent() throws Exception {
        Path logo = dir.resolve("logo.svg");
        Files.writeString(logo, "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 4 4\"><script>x()</script>"
                + "<rect width=\"4\" height=\"4\"/></svg>");
        Path html = dir.resolve("r.html");
        var r = ReportCommandTest.run("tests/fixtures/golden/videos.csv", "-o", html.toString(), "--no-index",
                "--brand-name", "Acme <Social> & Co", "--logo", logo.toString(), "--accent", "#ffcc00");
        assertEquals(0, r.code(), r.err());
        assertTrue(r.err().contains("note: --logo " + logo + ": removed from the SVG: 1 <script> element."), r.err());
        assertTrue(r.err().contains("note: --accent #ffcc00 has a contrast of 1.4:1"), r.err());
        String page = Files.readString(html);
        assertTrue(page.contains("<p class=\"eyebrow\">Acme &lt;Social&gt; &amp; Co</p>"), "name escaped");
        assertTrue(page.contains("<img class=\"brand-logo\" src=\"data:image/svg+xml;base64,"));
        assertTrue(page.contains(":root { --accent: #8a6e00; }"));
        assertFalse(page.contains("Acme <Social>"));
    }

    @Test
    void badBrandOptionsStopBeforeAnyWork() throws Exception {
        Path html = dir.resolve("r.html");
        var colour = ReportCommandTest.run("tests/fixtures/golden/videos.csv", "-o", html.toString(), "--accent", "blue-ish");
        assertEquals(2, colour.code());
        assertEquals("error: --accent: expected a colour like #0a5f96, #06c or rgb(10, 95, 150), found \"blue-ish\".\n",
                colour.err());
        Path gif = dir.resolve("logo.gif");
        Files.writeString(gif, "GIF89a");
        var logo = ReportCommandTest.run("tests/fixtures/golden/videos.csv", "-o", html.toString(), "--logo", gif.toString());
        assertEquals(2, logo.code());
        assertEquals("error: --logo " + gif + ": expected a PNG or SVG logo (.png or .svg).\n", logo.err());
        var missing = ReportCommandTest.run("tests/fixtures/golden/videos.csv", "-o", html.toString(), "--logo",
                dir.resolve("none.png").toString());
        assertEquals(2, missing.code());
        assertTrue(missing.err().startsWith("error: --logo " + dir.resolve("none.png") + ": could not read it"), missing.err());
        assertFalse(Files.exists(html));
    }
}
