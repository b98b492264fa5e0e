package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import savescope.model.LoadReport;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.cells.Output;
import savescope.report.sections.ContentStrategySection;
import savescope.report.sections.CorrelationsSection;
import savescope.report.sections.OverviewSection;
import savescope.report.sections.PerformanceSection;
import tech.tablesaw.api.Table;

class AnalyticsSectionsTest {
    static final String EVIL = "<script>alert(1)</script>";

    /** Two content types with identical per-video rates apart from noise, one with a hostile name. */
    static Table twoTypes(long[] savesA, long[] savesB, String nameB) {
        Table t = Canonical.emptyVideos("t");
        for (int i = 0; i < savesA.length; i++) {
            add(t, "a" + i, "tutorial", 1000 + i, savesA[i], 10 + i);
        }
        for (int i = 0; i < savesB.length; i++) {
            add(t, "b" + i, nameB, 1000 + i, savesB[i], 40 + i);
        }
        return t;
    }

    static void add(Table t, String id, String type, long views, long saves, double duration) {
        t.stringColumn(Canonical.VIDEO_ID).append(id);
        t.stringColumn(Canonical.ACCOUNT).append("");
        t.stringColumn(Canonical.TITLE).append(id);
        t.instantColumn(Canonical.POSTED_AT).append(Instant.parse("2024-05-06T10:00:00Z").plusSeconds(86_400L * t.rowCount()));
        t.doubleColumn(Canonical.DURATION_S).append(duration);
        t.longColumn(Canonical.VIEWS).append(views);
        t.longColumn(Canonical.LIKES).append(views / 20 + saves);
        t.longColumn(Canonical.COMMENTS).append(3 + t.rowCount() % 4);
        t.longColumn(Canonical.SHARES).append(2 + t.rowCount() % 3);
        t.longColumn(Canonical.SAVES).append(saves);
        t.stringColumn(Canonical.CONTENT_TYPE).append(type);
        t.stringColumn(Canonical.HASHTAGS).append(type.equals("tutorial") ? "howto" : "fun");
        t.stringColumn(Canonical.LINK).append("");
        t.stringColumn(Canonical.SOURCE).append("test");
    }

    static ReportContext run(Table videos, Section<?>... sections) {
        ReportContext ctx = new ReportContext(savescope.metrics.LocalAnalytics.of(Dataset.ofVideos(videos,
                new LoadReport(List.of(), List.of()))),
                ReportOptions.defaults(), Instant.EPOCH);
        for (Section<?> s : sections) {
            SaveReport.build(s, ctx);
        }
        return ctx;
    }

    static List<Output> outputs(ReportContext ctx) {
        return ctx.cells().stream().flatMap(c -> c.outputs().stream()).toList();
    }

    @Test
    void overlappingGroupsAreCalledPossibleChance() {
        // tutorial rates 1.0%..1.4% (saves 10..14 of ~1,000), the other type 1.1%..1.5%: interleaved ranks.
        // Ranks of the ten per-video rates interleave, so Kruskal–Wallis finds nothing (p well above 0.05).
        Table t = twoTypes(new long[] {10, 12, 14, 11, 13}, new long[] {11, 13, 15, 12, 14}, "comedy");
        ReportContext ctx = run(t, new ContentStrategySection());
        ReportContext.Ranked finding = ctx.findings().stream()
                .filter(f -> f.finding().headline().contains("as often as")).findFirst().orElseThrow();
        assertTrue(finding.finding().detail().contains("could be chance"), finding.finding().detail());
        assertEquals("weak", finding.finding().level());
    }

    @Test
    void clearDifferenceIsStatedWithNumbersAndIntervals() {
        // tutorial: 30..34 saves per ~1,000 views (about 3.2%); comedy: 5..9 (about 0.7%). Every tutorial rate is
        // above every comedy rate: Kruskal–Wallis on 5 + 5 videos gives H = 6.818, p = 0.009.
        Table t = twoTypes(new long[] {30, 31, 32, 33, 34}, new long[] {5, 6, 7, 8, 9}, "comedy");
        ReportContext ctx = run(t, new ContentStrategySection());
        ReportContext.Ranked finding = ctx.findings().stream()
                .filter(f -> f.finding().headline().contains("as often as")).findFirst().orElseThrow();
        // 160 / 5,010 = 3.19% vs 35 / 5,010 = 0.70% -> 4.6x
        assertTrue(finding.finding().headline().startsWith("Tutorial videos are saved 4.6x as often as comedy (3.19% vs 0.70%; 95% CI "),
                finding.finding().headline());
        assertTrue(finding.finding().detail().contains("unlikely to be chance"), finding.finding().detail());
        assertEquals("strong", finding.finding().level());
        @SuppressWarnings("unchecked")
        Map<String, Object> test = (Map<String, Object>) ((Map<String, Object>) ctx.jsonDocument().get("group_tests"))
                .get("content_type");
        assertEquals(0.009, ((Number) test.get("p")).doubleValue(), 0.0005);
    }

    @Test
    void userTextInChartsNeverBecomesMarkup() {
        Table t = twoTypes(new long[] {30, 31, 32, 33, 34}, new long[] {5, 6, 7, 8, 9}, EVIL);
        ReportContext ctx = run(t, new ContentStrategySection());
        Output.Chart chart = outputs(ctx).stream().filter(o -> o instanceof Output.Chart).map(o -> (Output.Chart) o)
                .findFirst().orElseThrow();
        // XChart's SVG encoder draws every label as glyph outlines (<path>), so no user text reaches the SVG as
        // markup at all; screen readers get the alt text and the data table instead.
        assertFalse(chart.svg().contains("<script"), "no raw script element in the SVG");
        assertFalse(chart.svg().contains("alert(1)"), "label text is drawn as outlines, not text");
        assertTrue(chart.svg().contains("<path"));
        assertEquals(EVIL, chart.data().rows().get(0).get(0).text(), "tables carry the raw text; templates escape it");
    }

    @Test
    void chartsCarryAltTextCaptionAndTheirNumbers() {
        Table t = twoTypes(new long[] {30, 31, 32, 33, 34}, new long[] {5, 6, 7, 8, 9}, "comedy");
        ReportContext ctx = run(t, new OverviewSection(), new ContentStrategySection(), new PerformanceSection(),
                new CorrelationsSection());
        List<Output.Chart> charts = outputs(ctx).stream().filter(o -> o instanceof Output.Chart)
                .map(o -> (Output.Chart) o).toList();
        // histogram, save rate by type, saves-vs-views scatter, two heat maps
        assertEquals(5, charts.size());
        for (Output.Chart c : charts) {
            assertTrue(c.svg().startsWith("<svg"), c.alt());
            assertFalse(c.alt().isBlank());
            assertFalse(c.caption().isBlank());
        }
        for (Output.Chart c : charts.subList(1, 5)) {
            assertTrue(c.data() != null && !c.data().rows().isEmpty(), c.alt());
        }
        assertTrue(charts.get(3).alt().contains("spearman correlations between Save rate, Like rate"), charts.get(3).alt());
    }

    @Test
    @SuppressWarnings("unchecked")
    void correlationJsonIsSymmetricWithNAndPValues() {
        Table t = twoTypes(new long[] {30, 31, 32, 33, 34}, new long[] {5, 6, 7, 8, 9}, "comedy");
        Map<String, Object> json = run(t, new CorrelationsSection()).jsonDocument();
        Map<String, Object> corr = (Map<String, Object>) json.get("correlations");
        for (String method : List.of("pearson", "spearman", "kendall")) {
            Map<String, Map<String, Object>> m = (Map<String, Map<String, Object>>) corr.get(method);
            assertEquals(List.of("views", "likes", "comments", "shares", "saves", "duration_s"), List.copyOf(m.keySet()));
            for (String a : m.keySet()) {
                for (String b : m.keySet()) {
                    Object ab = m.get(a).get(b);
                    assertEquals(ab, m.get(b).get(a), method + " " + a + " " + b);
                    if (ab != null) {
                        double r = ((Number) ab).doubleValue();
                        assertTrue(r >= -1 && r <= 1);
                    }
                }
            }
        }
        assertEquals(10, ((Map<String, Map<String, Object>>) corr.get("n")).get("views").get("saves"));
        Map<String, Object> rates = (Map<String, Object>) json.get("rate_correlations");
        assertTrue(((Map<String, Object>) rates.get("spearman")).containsKey("save_rate"));
        Map<String, Object> partial = (Map<String, Object>) ((Map<String, Object>) json.get("partial_correlations"))
                .get("saves_with");
        assertEquals(List.of("likes", "comments", "shares", "duration_s"), List.copyOf(partial.keySet()));
    }

    @Test
    @SuppressWarnings("unchecked")
    void performanceJsonListsQuadrantsRankingsAndAlerts() {
        Table t = twoTypes(new long[] {30, 31, 32, 33, 34}, new long[] {5, 6, 7, 8, 9}, "comedy");
        Map<String, Object> json = run(t, new PerformanceSection()).jsonDocument();
        Map<String, Object> quadrants = (Map<String, Object>) json.get("quadrants");
        // views 1000..1004 twice: median 1002; the five tutorials sit above the median rate
        assertEquals(1002.0, quadrants.get("median_views"));
        List<Map<String, Object>> groups = (List<Map<String, Object>>) quadrants.get("groups");
        assertEquals(4, groups.size());
        assertEquals(10, groups.stream().mapToInt(g -> (Integer) g.get("videos")).sum());
        Map<String, Object> rankings = (Map<String, Object>) json.get("rankings");
        assertEquals(10, rankings.get("eligible_videos"));
        // highest: a4 (34 / 1,004); lowest: b0 (5 / 1,000)
        assertEquals("a4", ((List<Map<String, Object>>) rankings.get("top")).get(0).get("video_id"));
        assertEquals("b0", ((List<Map<String, Object>>) rankings.get("bottom")).get(0).get("video_id"));
        assertTrue(json.get("data_alerts") instanceof List);
    }

    @Test
    @SuppressWarnings("unchecked")
    void withoutAnySavesEverySectionStillBuildsAndSaysNothingItCannotKnow() {
        Table t = Canonical.emptyVideos("t");
        for (int i = 0; i < 3; i++) {
            add(t, "v" + i, "tutorial", 1000 + i, 0, 10);
            t.longColumn(Canonical.SAVES).setMissing(i);
        }
        ReportContext ctx = run(t, new OverviewSection(), new ContentStrategySection(), new PerformanceSection(),
                new CorrelationsSection());
        Map<String, Object> json = ctx.jsonDocument();
        assertEquals(null, ((Map<String, Object>) json.get("save_rate")).get("overall"));
        assertEquals(List.of(), json.get("by_content_type"));
        assertEquals(null, ((Map<String, Object>) json.get("group_tests")).get("content_type"));
        assertTrue(ctx.findings().stream().noneMatch(f -> f.finding().headline().contains("saved")),
                "no finding about save rates");
        List<Map<String, Object>> alerts = (List<Map<String, Object>>) json.get("data_alerts");
        Map<String, Object> missing = alerts.stream().filter(a -> a.get("code").equals("missing_metric")).findFirst()
                .orElseThrow();
        assertTrue(((String) missing.get("message")).startsWith("No video has saves"), (String) missing.get("message"));
        // The heat maps leave out what cannot correlate (no saves; duration and likes the same for every video)
        // rather than drawing it as "no relation".
        List<Output.Chart> charts = outputs(ctx).stream().filter(o -> o instanceof Output.Chart)
                .map(o -> (Output.Chart) o).filter(c -> c.alt().contains("correlations")).toList();
        assertEquals(2, charts.size());
        assertTrue(charts.get(0).caption().endsWith("Left out (no data, or the same value for every video): Save rate, Duration (s)."), charts.get(0).caption());
        assertFalse(charts.get(0).alt().contains("Save rate"), charts.get(0).alt());
        assertTrue(charts.get(1).caption().endsWith("Left out (no data, or the same value for every video): Likes, Saves, Duration (s)."), charts.get(1).caption());
    }

    @Test
    @SuppressWarnings("unchecked")
    void engagementByFollowersUsesTheLatestFollowerCount() {
        Table t = Canonical.emptyVideos("t");
        // add() counts rows after appending the id, so row k (from 1) has comments 3 + k % 4, shares 2 + k % 3:
        // a: likes 1000/20 + 10 = 60, comments 4, shares 3; b: likes 60, comments 5, shares 4
        add(t, "a", "tutorial", 1000, 10, 10);
        add(t, "b", "tutorial", 1000, 10, 10);
        // engagements: a 60 + 4 + 3 + 10 = 77, b 60 + 5 + 4 + 10 = 79 -> mean 78; latest followers 3,800
        // (the newest date, not the last row) -> 78 / 3,800 = 0.0205263
        Table history = Table.create("FollowerHistory",
                tech.tablesaw.api.DateColumn.create("date", java.time.LocalDate.of(2024, 5, 2), java.time.LocalDate.of(2024, 5, 1)),
                tech.tablesaw.api.LongColumn.create("followers", 3800, 3700));
        Dataset data = new Dataset(t, Canonical.emptyDaily("d"), Canonical.emptySnapshots("s"),
                List.of(new Dataset.ChannelTable("FollowerHistory", "FollowerHistory.csv", history)),
                Canonical.emptyComments("c"), new LoadReport(List.of(), List.of()));
        ReportContext ctx = new ReportContext(savescope.metrics.LocalAnalytics.of(data), ReportOptions.defaults(),
                Instant.EPOCH);
        SaveReport.build(new OverviewSection(), ctx);
        Map<String, Object> rates = (Map<String, Object>) ctx.jsonDocument().get("rates");
        assertEquals(3800L, rates.get("followers"));
        assertEquals(78.0 / 3800, (Double) rates.get("engagement_rate_by_followers"), 1e-15);
        // by views: (77 + 79) / 2,000 = 0.078
        assertEquals(0.078, (Double) rates.get("engagement_rate_by_views"), 1e-15);
    }
}
