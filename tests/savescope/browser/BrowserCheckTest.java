package savescope.browser;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/** Runs real headless Chromium on small hand-written pages; skipped when Chromium is not installed. */
@Timeout(60) // a hang guard; each check itself ends within TIMEOUT
class BrowserCheckTest {
    // Generous: on a loaded shared machine Chromium can take many seconds just to start and answer.
    private static final Duration TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    @BeforeEach
    void needsChromium() {
        assumeTrue(BrowserCheck.findChromium().isPresent(), "Chromium is not installed (see .ci/install-chromium)");
    }

    private Path page(String name, String body) throws IOException {
        return page(name, "en", body);
    }

    private Path page(String name, String lang, String body) throws IOException {
        String html = "<!doctype html>\n<html" + (lang == null ? "" : " lang=\"" + lang + "\"") + ">\n"
                + "<head><meta charset=\"utf-8\"><title>" + name + "</title></head>\n"
                + "<body>\n" + body + "\n</body>\n</html>\n";
        Path file = dir.resolve(name + ".html");
        Files.writeString(file, html, StandardCharsets.UTF_8);
        return file;
    }

    private static String chart(String title) {
        return "<figure class=\"chart\"><svg xmlns=\"http://www.w3.org/2000/svg\" width=\"480\" height=\"240\""
                + " viewBox=\"0 0 480 240\"><title>" + title + "</title>"
                + "<rect x=\"10\" y=\"40\" width=\"60\" height=\"200\" fill=\"#4a7\"/></svg></figure>";
    }

    private static final String GOOD_BODY = """
            <nav class="toc"><ul>
              <li><a href="#overview">Overview</a></li>
              <li><a href="#saves">Saves</a></li>
              <li><a href="#views">Views</a></li>
            </ul></nav>
            <section id="overview"><h2>Overview</h2><p>Totals.</p></section>
            <section id="saves"><h2>Saves</h2>%s</section>
            <section id="views"><h2>Views</h2>%s</section>
            """.formatted(chart("Saves per day"), chart("Views per day"));

    @Test
    void goodPagePassesWithExactCounts() throws Exception {
        Path html = page("good report é", GOOD_BODY); // a file URL that needs escaping is still the report
        Path png = dir.resolve("shots/good.png");

        BrowserCheck.Result r = BrowserCheck.check(html, png, TIMEOUT);

        assertEquals("en", r.lang());
        assertTrue(r.loaded());
        assertEquals(List.of(), r.consoleErrors());
        assertEquals(List.of(), r.networkRequests());
        assertEquals(2, r.charts().size());
        assertEquals(2, r.visibleCharts().size());
        assertEquals(List.of("Saves per day", "Views per day"),
                r.charts().stream().map(BrowserCheck.Chart::accessibleName).toList());
        for (BrowserCheck.Chart c : r.charts()) {
            assertEquals(480, c.width(), 0.5);
            assertEquals(240, c.height(), 0.5);
        }
        assertEquals(List.of("#overview", "#saves", "#views"),
                r.tocLinks().stream().map(BrowserCheck.TocLink::href).toList());
        assertEquals(List.of(), r.brokenTocLinks());
        assertEquals(List.of(), r.problems(2, 3));
        assertFalse(r.problems(3, 3).isEmpty(), "asking for more charts than there are fails");

        byte[] bytes = Files.readAllBytes(png);
        assertTrue(bytes.length > 24 && bytes[1] == 'P' && bytes[2] == 'N' && bytes[3] == 'G', "a PNG");
        int width = ByteBuffer.wrap(bytes, 16, 4).getInt();
        int height = ByteBuffer.wrap(bytes, 20, 4).getInt();
        assertEquals(1280, width);
        assertTrue(height > 0 && height <= BrowserCheck.MAX_SCREENSHOT_HEIGHT, "height " + height);
    }

    @Test
    void consoleErrorAndUncaughtExceptionAreReported() throws Exception {
        Path html = page("errors", """
                <p>Hello</p>
                <script>console.log('fine'); console.warn('not an error'); console.error('x');</script>
                <script>throw new Error('boom');</script>
                """);

        BrowserCheck.Result r = BrowserCheck.check(html, null, TIMEOUT);

        assertEquals(2, r.consoleErrors().size(), r.consoleErrors().toString());
        assertTrue(r.consoleErrors().get(0).startsWith("console.error: x"), r.consoleErrors().toString());
        assertTrue(r.consoleErrors().get(1).contains("Error: boom"), r.consoleErrors().toString());
        assertEquals(List.of(), r.networkRequests());
    }

    @Test
    void externalRequestIsReported() throws Exception {
        Path html = page("network", "<p>Logo</p><img src=\"http://127.0.0.1:9/x.png\" alt=\"logo\">");

        BrowserCheck.Result r = BrowserCheck.check(html, null, TIMEOUT);

        assertEquals(List.of("http://127.0.0.1:9/x.png"), r.networkRequests());
        assertTrue(r.problems().contains("network request: http://127.0.0.1:9/x.png"), r.problems().toString());
    }

    @Test
    void hiddenChartIsNotVisible() throws Exception {
        Path html = page("hidden", chart("Shown")
                + "<div style=\"display:none\">" + chart("Hidden") + "</div>"
                + "<div style=\"visibility:hidden\">" + chart("Invisible") + "</div>");

        BrowserCheck.Result r = BrowserCheck.check(html, null, TIMEOUT);

        assertEquals(3, r.charts().size());
        assertEquals(List.of(true, false, false), r.charts().stream().map(BrowserCheck.Chart::visible).toList());
        assertEquals(0, r.charts().get(1).width(), 0.0);
        assertEquals(List.of("Shown"),
                r.visibleCharts().stream().map(BrowserCheck.Chart::accessibleName).toList());
        assertEquals(2, r.problems().stream().filter(p -> p.contains("is not visible")).count(), r.problems().toString());
    }

    @Test
    void tocLinkToMissingIdIsBroken() throws Exception {
        Path html = page("toc", """
                <nav><a href="#one">One</a> <a href="#caf%C3%A9">Café</a> <a href="#nowhere">Gone</a></nav>
                <h2 id="one">One</h2><h2 id="café">Café</h2>
                """);

        BrowserCheck.Result r = BrowserCheck.check(html, null, TIMEOUT);

        assertEquals(3, r.tocLinks().size());
        assertEquals(List.of(new BrowserCheck.TocLink("#nowhere", false)), r.brokenTocLinks());
    }

    @Test
    void accessibleNamesAndFallbackToTopLevelSvgs() throws Exception {
        Path html = page("names", null, """
                <span id="lbl">Labelled elsewhere</span>
                <svg width="300" height="100" aria-label="By aria-label"></svg>
                <svg width="300" height="100" role="img" aria-labelledby="lbl"></svg>
                <figure><svg width="300" height="100"></svg><figcaption>By caption</figcaption></figure>
                <svg width="300" height="100"><svg width="200" height="50"></svg></svg>
                <svg width="16" height="16"><title>An icon, not a chart</title></svg>
                """);

        BrowserCheck.Result r = BrowserCheck.check(html, null, TIMEOUT);

        assertEquals("", r.lang());
        assertEquals(List.of("By aria-label", "Labelled elsewhere", "By caption", ""),
                r.charts().stream().map(BrowserCheck.Chart::accessibleName).toList());
        assertTrue(r.problems().contains("<html> has no lang"), r.problems().toString());
        assertTrue(r.problems().contains("chart #4 has no accessible name"), r.problems().toString());
    }

    @Test
    @Timeout(90) // two checks
    void commandLineExitsOneOnFailureAndZeroOnPass() throws Exception {
        Path good = page("cli-good", GOOD_BODY);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
        PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8);

        int pass = BrowserCheck.run(new String[] {good.toString(), "--min-charts", "2", "--min-toc", "3",
                "--timeout", "30"}, o, e);
        assertEquals(0, pass, out.toString(StandardCharsets.UTF_8) + err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("PASS"));

        out.reset();
        int fail = BrowserCheck.run(new String[] {good.toString(), "--min-toc", "5", "--timeout", "30"}, o, e);
        assertEquals(1, fail, out.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("found 3 TOC link(s), expected at least 5"));

        assertEquals(2, BrowserCheck.run(new String[] {"--min-toc"}, o, e));
    }
}
