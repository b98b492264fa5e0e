package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.knowm.xchart.CategoryChart;
import org.knowm.xchart.CategoryChartBuilder;
import picocli.CommandLine;
import savescope.charts.Svg;
import savescope.charts.Theme;
import savescope.cli.Cli;
import savescope.cli.ReportCommand;

/** Markup and formulas in titles, content types, hashtags, account names and links reach outputs only as text. */
class EscapingTest {
    static final String SCRIPT = "<script>alert('x')</script>";
    static final String IMG = "<img src=x onerror=alert(1)>";

    @TempDir
    static Path dir;
    static String page;
    static String index;
    static Path data;

    @BeforeAll
    static void buildReport() throws Exception {
        Path out = dir.resolve("hostile.html");
        data = dir.resolve("data");
        CommandLine cl = Cli.commandLine(new ReportCommand());
        StringWriter err = new StringWriter();
        cl.setOut(new PrintWriter(new StringWriter()));
        cl.setErr(new PrintWriter(err));
        int code = cl.execute("tests/fixtures/golden/hostile-titles.csv", "-o", out.toString(), "--title", SCRIPT,
                "--data-dir", data.toString(), "--generated-at", "2025-01-31T12:00:00Z");
        assertEquals(0, code, err.toString());
        page = Files.readString(out, StandardCharsets.UTF_8);
        index = Files.readString(dir.resolve("index.html"), StandardCharsets.UTF_8);
    }

    @Test
    void titlesTypesAndHashtagsAppearOnlyAsText() {
        for (String html : List.of(page, index)) {
            assertFalse(html.contains("alert('x')</script>"), "raw script tag from data");
            assertFalse(html.contains("<img"), "raw img tag from data");
            assertFalse(html.contains("<b>acct"), "raw markup from the account name");
            assertTrue(html.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"), "the title, escaped");
        }
        assertTrue(page.contains("&lt;img src=x onerror=alert(1)&gt;"), "the second title, escaped");
        assertTrue(page.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;</title>"), "--title, escaped");
        // Our own two script elements (theme before paint, enhancements at the end) and nothing else.
        assertEquals(2, count(page, "<script>"));
    }

    @Test
    void onlyWebLinksBecomeLinks() {
        assertFalse(page.contains("javascript:"), "a javascript: link must not survive");
        assertTrue(page.contains("href=\"https://example.com/v?a=1&amp;b=&lt;x&gt;\""), "a web link, escaped");
    }

    @Test
    void csvExportDefusesSpreadsheetFormulas() throws Exception {
        String all = Files.readString(data.resolve("all-videos.csv"), StandardCharsets.UTF_8);
        assertTrue(all.contains(",\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\","), all);
        assertFalse(all.contains(",=HYPERLINK"));
    }

    @Test
    void chartLabelsNeverCarryMarkup() {
        CategoryChart chart = new CategoryChartBuilder().width(400).height(200).xAxisTitle(IMG).yAxisTitle(SCRIPT).build();
        Theme.apply(chart.getStyler());
        chart.getStyler().setLegendVisible(true);
        chart.addSeries(IMG, Arrays.asList(SCRIPT, IMG), Arrays.asList(3, 5));
        String svg = Svg.of(chart, SCRIPT + " & " + IMG);
        assertFalse(svg.contains("<script"), svg);
        assertFalse(svg.contains("<img"), svg);
        assertTrue(svg.startsWith("<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 400 200\""));
        assertTrue(svg.contains("aria-label=\"&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img"), svg);
        assertTrue(svg.contains("<title>&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt; &amp; &lt;img"), svg);
    }

    static int count(String s, String part) {
        int n = 0;
        for (int i = s.indexOf(part); i >= 0; i = s.indexOf(part, i + 1)) {
            n++;
        }
        return n;
    }
}
