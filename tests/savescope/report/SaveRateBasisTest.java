package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.cells.Output;
import savescope.cells.TableView;
import savescope.model.Canonical;
import savescope.report.sections.OverviewSection;
import tech.tablesaw.api.Table;

/** The save rate is always shown beside the saves and views it divides, never beside totals it did not use. */
class SaveRateBasisTest {

    /** Three videos with both counts (views 1,000 each, saves 10, 20, 30) and one with views but no saves. */
    static Table oneWithoutSaves() {
        Table t = Canonical.emptyVideos("t");
        long[] saves = {10, 20, 30, 0};
        for (int i = 0; i < saves.length; i++) {
            AnalyticsSectionsTest.add(t, "v" + i, "tutorial", i == 3 ? 9_000 : 1_000, saves[i], 10);
        }
        t.longColumn(Canonical.SAVES).setMissing(3);
        return t;
    }

    @Test
    void headlineNamesTheCountsTheRateUses() {
        ReportContext ctx = AnalyticsSectionsTest.run(oneWithoutSaves(), new OverviewSection());
        String headline = ctx.findings().stream().map(f -> f.finding().headline())
                .filter(h -> h.startsWith("Your videos are saved")).findFirst().orElseThrow();
        // 60 saves over the 3,000 views of the three videos with both counts is 2%; the 12,000 views of all four
        // would give 0.5%, so the views shown must be 3,000, not the total.
        assertEquals("Your videos are saved 2.00% of the time (60 saves from 3,000 views, over the 3 videos with "
                + "both counts).", headline);
    }

    @Test
    void glanceTableSaysWhichVideosTheRateCovers() {
        ReportContext ctx = AnalyticsSectionsTest.run(oneWithoutSaves(), new OverviewSection());
        List<List<TableView.Cell>> rows = AnalyticsSectionsTest.outputs(ctx).stream()
                .filter(o -> o instanceof Output.Table).map(o -> ((Output.Table) o).table().rows())
                .filter(r -> r.get(0).get(0).text().startsWith("Save rate")).findFirst().orElseThrow();
        assertEquals("Save rate, videos with both counts", rows.get(0).get(0).text());
        assertEquals("60 saves from 3,000 views, over the 3 videos with both counts", rows.get(0).get(2).text());
        String kpis = AnalyticsSectionsTest.outputs(ctx).stream().filter(o -> o instanceof Output.Kpis)
                .map(Object::toString).findFirst().orElseThrow();
        assertTrue(kpis.contains("saves / views of the 3 videos with both counts"), kpis);
    }

    @Test
    void withEveryCountTheRateNamesTheTotals() {
        Table t = oneWithoutSaves();
        t.longColumn(Canonical.SAVES).set(3, 0L);
        ReportContext ctx = AnalyticsSectionsTest.run(t, new OverviewSection());
        // 60 saves over 12,000 views of all four videos: 0.5%.
        assertTrue(ctx.findings().stream().anyMatch(f -> f.finding().headline().equals(
                "Your videos are saved 0.50% of the time (60 saves from 12,000 views).")));
        OverviewSection.SaveRates s = new OverviewSection().analyse(savescope.metrics.LocalAnalytics.of(
                savescope.model.Dataset.ofVideos(t, new savescope.model.LoadReport(List.of(), List.of()))),
                ReportOptions.defaults()).saveRate();
        assertEquals(List.of(60L, 12_000L, 4), List.of(s.overallSaves(), s.overallViews(), s.overallVideos()));
    }
}
