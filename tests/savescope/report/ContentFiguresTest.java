package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import savescope.metrics.GroupComparison;
import savescope.metrics.TopVideos;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import savescope.report.sections.ContentStrategySection;
import savescope.report.sections.CorrelationsSection;
import savescope.report.sections.PerformanceSection;
import savescope.report.sections.VideosSection;

/**
 * The content and performance sections' figures read as typed records: on the canonical fixture against the values
 * {@link AnalyticsJsonTest} states (plain Python loops, SciPy), and on small tables worked by hand.
 */
class ContentFiguresTest {
    static SaveReport.Result fixture;

    @BeforeAll
    static void build() {
        fixture = SaveReport.build(AnalyticsJsonTest.load(), ReportOptions.defaults(), AnalyticsJsonTest.WHEN);
    }

    static void close(double expected, double actual) {
        assertEquals(expected, actual, Math.abs(expected) * 1e-6, "relative 1e-6");
    }

    @Test
    void contentTypesWithIntervalsRanksAndTheirTest() {
        var f = fixture.figures(ContentStrategySection.Figures.class);
        GroupComparison.Result types = f.byContentType().result();
        // Most views first; recipe: 7 videos, 234,930 views, 4,735 saves (Python sums), Wilson with z = 1.959964.
        assertEquals(List.of("recipe", "comedy", "tutorial", "vlog"), types.groups().stream().map(GroupComparison.Group::key).toList());
        GroupComparison.Group recipe = types.groups().get(0);
        assertEquals(7, recipe.videos());
        assertEquals(234_930L, recipe.views());
        assertEquals(4_735L, recipe.saves());
        close(0.020154939769293, recipe.saveRate());
        close(0.0195944747143267, recipe.ci().low());
        close(0.0207310969444557, recipe.ci().high());
        close(0.014856260852788, recipe.medianRate());
        // vlog has 2 videos: too small, never ranked; ranks by save rate: recipe, tutorial, comedy.
        assertTrue(types.groups().get(3).tooSmall());
        List<Map<String, Object>> json = f.byContentType().json();
        assertEquals(List.of(1, 3, 2), json.subList(0, 3).stream().map(g -> g.get("rank")).toList());
        assertNull(json.get(3).get("rank"));
        assertEquals("recipe", json.get(0).get("content_type"));
        // SciPy kruskal over recipe, comedy, tutorial per-video rates: H = 13.456984, p = 0.0011963
        ContentStrategySection.KruskalWallis test = f.groupTests().contentType();
        close(13.456984126984139, test.statistic());
        close(0.0011963355967894167, test.p());
        assertEquals(2, test.df());
        assertEquals(3, test.groups());
        // 7 + 8 + 9 judged videos
        assertEquals(24, test.videos());
        assertEquals("hour_utc", f.byHour().keyName());
    }

    @Test
    void correlationsMatchPython() {
        var f = fixture.figures(CorrelationsSection.Figures.class);
        close(0.985109394161493, f.correlations().pearson().get("views").get("saves"));
        close(0.766295231031429, f.correlations().spearman().get("saves").get("views"));
        close(0.582026269814842, f.correlations().kendall().get("views").get("saves"));
        assertEquals(27, f.correlations().n().get("views").get("saves"));
        assertEquals(28, f.correlations().n().get("views").get("likes"));
        close(1.225646636217681e-20, f.correlations().pValues().pearson().get("views").get("saves"));
        close(3.1635224996425705e-06, f.correlations().pValues().spearman().get("views").get("saves"));
        assertEquals(List.of("save_rate", "like_rate", "comment_rate", "share_rate", "duration_s"),
                List.copyOf(f.rateCorrelations().spearman().keySet()));
        assertEquals(List.of("likes", "comments", "shares", "duration_s"),
                List.copyOf(f.partialCorrelations().savesWith().keySet()));
        assertEquals(28L, f.videos());
    }

    @Test
    void theVideoTableIsMostSavedFirstWithTheVideoWithoutSavesLast() {
        var f = fixture.figures(VideosSection.Figures.class);
        // 28 videos, fewer than the 500 the table shows: every one, one of them (row 4) without saves.
        assertEquals(28, f.rows().size());
        assertEquals(28L, f.videos());
        assertTrue(f.bySaves());
        List<Long> saves = f.rows().stream().map(TopVideos.Video::saves).toList();
        assertNull(saves.get(27));
        for (int i = 1; i < 27; i++) {
            assertTrue(saves.get(i - 1) >= saves.get(i), "descending at " + i);
        }
        // Python: the saves that are present sum to 7,517.
        assertEquals(7_517L, saves.subList(0, 27).stream().mapToLong(Long::longValue).sum());
    }

    @Test
    void quadrantsRankingsAndScatterByHand() {
        var t = AnalyticsSectionsTest.twoTypes(new long[] {30, 31, 32, 33, 34}, new long[] {5, 6, 7, 8, 9}, "comedy");
        var result = SaveReport.build(Dataset.ofVideos(t, new LoadReport(List.of(), List.of())),
                ReportOptions.defaults(), Instant.EPOCH);
        var f = result.figures(PerformanceSection.Figures.class);
        // views 1000..1004 twice: median 1002. Rates: a 30/1000..34/1004 (about 3%), b 5/1000..9/1004 (under 1%);
        // the median rate lies between 9/1004 and 30/1000: (0.0089641 + 0.03) / 2.
        assertEquals(1002.0, f.quadrants().medianViews());
        close((9.0 / 1004 + 0.03) / 2, f.quadrants().medianSaveRate());
        // reach and value: a2..a4 (3,009 views, 99 saves); attention only: b2..b4 (3,009, 24);
        // niche: a0, a1 (2,001, 61); neither: b0, b1 (2,001, 11).
        List<PerformanceSection.QuadrantGroup> q = f.quadrants().groups();
        assertEquals(List.of(3, 3, 2, 2), q.stream().map(PerformanceSection.QuadrantGroup::videos).toList());
        assertEquals(List.of(3009L, 3009L, 2001L, 2001L), q.stream().map(PerformanceSection.QuadrantGroup::views).toList());
        assertEquals(List.of(99L, 24L, 61L, 11L), q.stream().map(PerformanceSection.QuadrantGroup::saves).toList());
        close(61.0 / 2001, q.get(2).saveRate());
        // All ten reach 1,000 views; highest a4 (34 / 1,004), lowest b0 (5 / 1,000).
        assertEquals(10, f.rankings().eligibleVideos());
        assertEquals("a4", f.rankings().top().get(0).videoId());
        close(34.0 / 1004, f.rankings().top().get(0).saveRate());
        assertEquals("b0", f.rankings().bottom().get(0).videoId());
        // Rates span 0.5%..3.4% with an IQR of about 2.4 points: the far-out fences hold every video.
        assertEquals(0, f.rankings().outliers().count());
        // Ten videos, all drawn; the extent is 1,000..1,004 views and 5..34 saves.
        assertEquals(10, f.scatter().placed());
        assertEquals(10, f.scatter().views().length);
        assertEquals(1000, f.scatter().minViews());
        assertEquals(34, f.scatter().maxSaves());
    }
}
