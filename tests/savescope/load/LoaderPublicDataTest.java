package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.metrics.Totals;
import savescope.model.Dataset;

/**
 * Totals of real public exports (tests/fixtures/public, sources in its SOURCES.md). The expected numbers were
 * computed independently with Python's csv and json modules: for the CSVs, the sum of int() of each count
 * cell over the rows whose five counts are all present (a trailing "." stripped, "343296.0" read as a float);
 * for the JSON, the sum of each item's stats.collectCount.
 */
class LoaderPublicDataTest {
    private static final Path PUBLIC = Path.of("tests", "fixtures", "public");

    private static Dataset load(String name) {
        return Loader.load(List.of(PUBLIC.resolve(name)), Loader.Options.defaults());
    }

    @Test
    void handCopiedStudioSheetTotals() {
        Dataset d = load("handcopied-studio-content.csv");
        Totals t = Totals.of(d.videos());
        assertEquals(105, t.videos());
        assertEquals(8_879_174L, t.views());
        assertEquals(30_744L, t.saves());
        assertEquals(105, d.load().rowsRead());
        assertEquals(0, d.load().rowsRejected());
        assertEquals("hand-kept TikTok Studio sheet", d.load().sources().get(0).format());
    }

    @Test
    void scrapedFlatCsvTotalsAndItsFourBrokenRows() {
        Dataset d = load("scraped-videos-flat.csv");
        Totals t = Totals.of(d.videos());
        // 1,652 records; one description with line breaks split a record into four (lines 2804-2808), three
        // with no counts at all and one whose collectCount column holds "FALSE".
        assertEquals(1_648, t.videos());
        assertEquals(25_095_767L, t.saves());
        assertEquals(1_652, d.load().rowsRead());
        assertEquals(4, d.load().rowsRejected());
        String file = PUBLIC.resolve("scraped-videos-flat.csv").toString();
        assertEquals(List.of(
                file + ":2804: no metric in this row (views, likes, comments, shares, saves all empty)",
                file + ":2806: no metric in this row (views, likes, comments, shares, saves all empty)",
                file + ":2807: no metric in this row (views, likes, comments, shares, saves all empty)",
                file + ":2808:60: column \"stats.collectCount\": expected a number, found \"FALSE\""),
                d.load().rejections().stream().map(Rejection::toString).toList());
        // Every id in this file was rounded by a spreadsheet: all rows kept, none merged.
        assertEquals(List.of("1648 video ids were rounded by a spreadsheet (like 7.37023E+18) and no longer identify "
                + "videos; those rows are kept but never deduplicated."), d.load().sources().get(0).warnings());
    }

    @Test
    void scrapedNestedJsonTotals() {
        Dataset d = load("scraped-videos-nested.json");
        Totals t = Totals.of(d.videos());
        assertEquals(26, t.videos());
        assertEquals(158_125L, t.saves());
        assertEquals(38_145_900L, t.views());
        assertEquals("7470484781977931026", d.videos().stringColumn("video_id").get(0));
        assertEquals("web-item JSON (nested)", d.load().sources().get(0).format());
    }
}
