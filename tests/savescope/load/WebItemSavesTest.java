package savescope.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static savescope.load.LoaderFormatsTest.load;
import static savescope.load.LoaderFormatsTest.longs;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.metrics.Totals;
import savescope.model.Dataset;
import savescope.model.FieldGap;
import savescope.model.SourceReport;

/**
 * Web items carry the video's saves in {@code stats.collectCount} (or the string {@code statsV2.collectCount}) and,
 * beside them, the scraping account's own {@code collected} flag and {@code collectTime}: the flag is never a count.
 * Fixtures: tests/fixtures/formats/web-items-viewer-flags.json, web-items-no-saves.json, web-items-dotted-statsv2.csv.
 */
class WebItemSavesTest {
    @Test
    void savesComeFromStatsThenStatsV2AndAnItemWithNeitherKeepsItsSavesMissing() {
        Dataset d = load("web-items-viewer-flags.json");
        // Item 0: no collectCount anywhere (collected: true); item 1: stats 2,100 (statsV2 "2104" is not read over
        // it); item 2: only statsV2 "45".
        assertEquals(Arrays.asList(null, 2_100L, 45L), longs(d.videos(), "saves"));
        assertEquals(List.of(12_000L, 98_400L, 4_000L), longs(d.videos(), "views"));
        assertEquals(0, d.load().rowsRejected());
        SourceReport source = d.load().sources().get(0);
        assertEquals(List.of(), source.missingMetrics(), "two of three items carry saves");
        assertEquals(List.of(), source.assumptions(), "no saves read from \"collected\"");
        assertEquals(1, source.fieldGaps().size());
        FieldGap gap = source.fieldGaps().get(0);
        assertEquals("saves", gap.field());
        assertEquals(1, gap.rows());
        assertEquals(List.of("/0/stats/collectCount"), gap.firstPlaces());
        assertEquals("the item has no \"stats.collectCount\" key, nor another saves key", gap.firstReason());
        assertEquals(1, d.load().fieldsLeftMissing());
        // By hand: 2,100 + 45.
        assertEquals(2_145L, Totals.of(d.videos()).saves());
    }

    @Test
    void itemsWithoutAnySavesCountAreLoadedWithSavesMissing() {
        Dataset d = load("web-items-no-saves.json");
        assertEquals(Arrays.asList(null, null), longs(d.videos(), "saves"));
        assertEquals(List.of(5_000L, 7_000L), longs(d.videos(), "views"));
        assertEquals(List.of(400L, 650L), longs(d.videos(), "likes"));
        assertEquals(0, d.load().rowsRejected());
        assertNull(Totals.of(d.videos()).saves());
        SourceReport source = d.load().sources().get(0);
        assertEquals(List.of("saves"), source.missingMetrics());
        // The viewer's flag and the time it saved are not offered as a saves column either.
        assertEquals(List.of(Loader.NO_SAVES_WARNING), source.warnings());
    }

    @Test
    void dottedCsvWithoutStatsCollectCountReadsStatsV2AndNeverTheFlag() {
        Dataset d = load("web-items-dotted-statsv2.csv");
        // The third row's statsV2.collectCount is blank: missing, counted as a gap at line 4, column 10.
        assertEquals(Arrays.asList(50L, 60L, null), longs(d.videos(), "saves"));
        assertEquals(0, d.load().rowsRejected());
        SourceReport source = d.load().sources().get(0);
        assertEquals(List.of(), source.assumptions());
        FieldGap gap = source.fieldGaps().get(0);
        assertEquals("saves", gap.field());
        assertEquals("statsV2.collectCount", gap.header());
        assertEquals(List.of("4:10"), gap.firstPlaces());
    }

    @Test
    void viewerFlagsAreNeitherMatchedNorSuggested() {
        List<String> headers = List.of("id", "collected", "collectTime", "digged", "shared", "stats.playCount");
        assertFalse(Fields.match(headers, java.util.Map.of()).containsKey("saves"));
        assertEquals(List.of(), Fields.savesLike(headers, List.of(0, 5)));
    }
}
