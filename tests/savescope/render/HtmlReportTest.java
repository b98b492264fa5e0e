package savescope.render;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.charts.Charts;
import savescope.cells.Cell;
import savescope.cells.Notebook;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.cells.Formats;

/** The page's structure: contents that resolve, numbered sections and figures, tables that work without script. */
class HtmlReportTest {
    static String html;

    @BeforeAll
    static void render() throws Exception {
        List<List<TableView.Cell>> rows = new ArrayList<>();
        for (int i = 1; i <= 12; i++) {
            rows.add(List.of(new TableView.Cell("Video " + i, "", null, i == 1 ? "https://www.tiktok.com/@a/video/1" : ""),
                    new TableView.Cell(Formats.compact(1000L * i), Formats.exact(1000L * i), 1000.0 * i, "")));
        }
        TableView table = new TableView(List.of(new TableView.Column("Video", false), new TableView.Column("Views", true)),
                rows, 40, "Showing 12 of 40 videos.");
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("Account", "@a");
        meta.put("Period", "1 Mar 2024 – 2 Apr 2024");
        List<Cell> cells = List.of(
                Cell.markdown("## Findings\n\nFirst."),
                Cell.code("rank()", List.of(new Output.Findings(List.of(new Output.Finding("Saves are up.", "Sure.", "strong"))))),
                Cell.markdown("## Saves at a glance\n\nText with *emphasis*."),
                Cell.code("kpis()", List.of(new Output.Kpis(List.of(new Output.Kpi("Saves", "12.4K", "12,400", "per video"))))),
                Cell.code("Charts.saveRateHistogram(rates, 20)",
                        List.of(Charts.saveRateHistogram(new double[] {0.01, 0.02, 0.02, 0.03}, 20))),
                Cell.markdown("## Saves at a glance\n\nThe same heading twice gets its own anchor."),
                Cell.code("table()", List.of(new Output.Table(table), Charts.saveRateHistogram(new double[] {0.01}, 5))));
        html = new HtmlReport(null).render(new Notebook("Report title", "Sub", meta, cells, "report"));
    }

    @Test
    void everyContentsLinkLeadsToAHeading() {
        String nav = html.substring(html.indexOf("<nav class=\"toc\""), html.indexOf("</nav>"));
        List<String> targets = all(Pattern.compile("href=\"#([^\"]+)\""), nav);
        assertEquals(List.of("findings", "saves-at-a-glance", "saves-at-a-glance-2"), targets);
        for (String id : targets) {
            assertTrue(html.contains("<h2 id=\"" + id + "\">"), id);
        }
    }

    @Test
    void sectionsAreLandmarksLabelledByTheirHeadings() {
        assertEquals(List.of("findings", "saves-at-a-glance", "saves-at-a-glance-2"),
                all(Pattern.compile("<section class=\"report-section\" aria-labelledby=\"([^\"]+)\">"), html));
        assertTrue(html.contains("<html lang=\"en\">"));
        assertTrue(html.contains("<main id=\"main\""));
        Set<String> ids = new TreeSet<>();
        for (String id : all(Pattern.compile(" id=\"([^\"]+)\""), html)) {
            assertTrue(ids.add(id), "id used twice: " + id);
        }
    }

    @Test
    void chartsAreNumberedFiguresWithTitleAltTextAndData() {
        assertEquals(List.of("1", "2"), all(Pattern.compile("<figure class=\"chart\" id=\"figure-(\\d+)\""), html));
        assertTrue(html.contains("<p class=\"chart-title\" id=\"figure-1-title\"><span class=\"figure-number\">Figure 1.</span> Save rate per video</p>"));
        assertTrue(html.contains("<figcaption><span class=\"alt\">Histogram of save rates across 4 videos"));
        assertTrue(html.contains("<summary>The numbers behind figure 2</summary>"));
        assertTrue(html.contains("role=\"img\" aria-label=\"Save rate per video\""));
    }

    @Test
    void tablesReadWithoutScriptAndCarryExactValues() {
        assertTrue(html.contains("<td class=\"num\" data-sort=\"12000\" title=\"12,000\">12K</td>"), "exact value on hover");
        assertTrue(html.contains("<a href=\"https://www.tiktok.com/@a/video/1\" rel=\"noopener noreferrer\" target=\"_blank\">Video 1"));
        assertTrue(html.contains("<p class=\"table-note\">Showing 12 of 40 videos.</p>"));
        // The filter box needs script, so it starts hidden and the script reveals it.
        assertTrue(html.contains("<div class=\"table-tools\" hidden>"));
        assertFalse(html.contains("<button type=\"button\">Video</button>"), "sort buttons are added by script");
        assertTrue(html.contains("<span class=\"kpi-value num\" title=\"12,400\">12.4K</span>"));
        assertTrue(html.contains("<span class=\"finding-level\">Strong evidence</span>"));
    }

    @Test
    void headCarriesTheFactsTheReportsIndexReads() {
        assertTrue(html.contains("<meta name=\"savescope:account\" content=\"@a\">"));
        assertTrue(html.contains("<meta name=\"savescope:period\" content=\"1 Mar 2024 – 2 Apr 2024\">"));
        assertTrue(html.contains("<meta name=\"savescope:kpi\" content=\"Saves|12.4K|12,400\">"));
    }

    @Test
    void pageRequestsNothingFromTheNetwork() {
        assertFalse(Pattern.compile("(src|href)=\"(https?:)?//(?!www\\.tiktok\\.com)").matcher(html).find());
        assertFalse(html.contains("<link rel=\"stylesheet\""));
        assertFalse(html.contains("@import"));
        assertTrue(html.contains("default-src 'none'"), "a Content-Security-Policy forbids requests");
    }

    static List<String> all(Pattern p, String s) {
        List<String> found = new ArrayList<>();
        Matcher m = p.matcher(s);
        while (m.find()) {
            found.add(m.group(1));
        }
        return found;
    }
}
