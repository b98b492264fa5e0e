package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static savescope.load.LoaderFormatsTest.load;
import static savescope.load.LoaderFormatsTest.longs;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import savescope.metrics.Totals;
import savescope.model.Dataset;
import tech.tablesaw.api.Table;
import savescope.model.SourceReport;

/**
 * The TikTok app / feed API shape many scraping tools return ({@code aweme_list} items with {@code statistics}),
 * found without --map: one response, one item per line, a bare array. Fixtures: tests/fixtures/formats/app-api*.
 */
class LoaderAppApiTest {

    @Test
    void oneResponseWithItsMillisecondDurationsAndAPhotoPost() {
        Dataset d = load("app-api.json");
        Table v = d.videos();
        assertEquals(List.of("7450000000000000003", "7450000000000000002", "7450000000000000001"),
                v.stringColumn("video_id").asList());
        assertEquals(List.of(120_400L, 33_800L, 9_200L), longs(v, "views"));
        assertEquals(List.of(8_310L, 1_920L, 610L), longs(v, "likes"));
        assertEquals(List.of(95L, 41L, 12L), longs(v, "comments"));
        assertEquals(List.of(402L, 77L, 9L), longs(v, "shares"));
        // statistics.collect_count; the author's own favoriting_count (2730) is never read as saves.
        assertEquals(List.of(3_120L, 1_604L, 88L), longs(v, "saves"));
        // video.duration 47900, 61233 and 0 ms.
        assertEquals(List.of(47.9, 61.233, 0.0), v.doubleColumn("duration_s").asList());
        assertEquals(List.of(Instant.parse("2024-12-26T20:00:00Z"), Instant.parse("2024-12-24T21:00:00Z"),
                Instant.parse("2024-12-22T19:00:00Z")), v.instantColumn("posted_at").asList());
        assertEquals(List.of("lena.bakes", "lena.bakes", "lena.bakes"), v.stringColumn("account").asList());
        assertEquals("recipe easyrecipe", v.stringColumn("hashtags").get(0));
        // 120,400 + 33,800 + 9,200 views; 3,120 + 1,604 + 88 saves.
        Totals t = Totals.of(v);
        assertEquals(163_400L, t.views());
        assertEquals(4_812L, t.saves());
        SourceReport s = d.load().sources().get(0);
        assertEquals("TikTok app API JSON", s.format());
        assertEquals(List.of(), s.missingMetrics());
        assertEquals(List.of(), s.warnings());
        // Every key is one the app API is known to use: the only assumption is the unit of its durations.
        assertEquals(List.of("durations were read as milliseconds (the source's unit for them)"), s.assumptions());
        assertEquals(0, d.load().rowsRejected());
    }

    @Test
    void oneItemPerLineAndABareArray() {
        Dataset lines = load("app-api-items.jsonl");
        assertEquals(List.of(120_400L, 33_800L), longs(lines.videos(), "views"));
        assertEquals(List.of(3_120L, 1_604L), longs(lines.videos(), "saves"));
        assertEquals("TikTok app API JSON", lines.load().sources().get(0).format());
        Dataset array = load("app-api-array.json");
        assertEquals(List.of(1_604L, 88L), longs(array.videos(), "saves"));
        assertEquals(List.of(61.233, 0.0), array.videos().doubleColumn("duration_s").asList());
        assertEquals("TikTok app API JSON", array.load().sources().get(0).format());
    }

    @Test
    void aMappedSavesKeyIsNeverLabelledNoSaves() {
        // The Display API has no saves; a user who says where they are gets a source with saves, and the label agrees.
        Dataset d = load(Map.of("saves", "share_count"), "display-api.json");
        assertEquals("TikTok Display API JSON", d.load().sources().get(0).format());
        // One column feeds one field: the mapped column is now the saves, so shares are missing, not read twice.
        assertEquals(List.of("shares"), d.load().metricsMissingEverywhere());
        assertEquals(List.of("saves read from \"share_count\" (--map)"), d.load().sources().get(0).assumptions());
    }
}
