package savescope.report;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import savescope.metrics.Accumulation;
import savescope.metrics.ContextFrames;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import savescope.report.sections.ChannelSection;
import savescope.report.sections.EarlySignalSection;
import savescope.report.sections.EvergreenSection;
import savescope.report.sections.TrendsSection;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** The time sections' figures, typed, on small frames whose numbers are worked out by hand. */
class TimeSectionsTest {
    private static final LoadReport NO_LOAD = new LoadReport(List.of(), List.of());

    static SaveReport.Result build(Dataset d) {
        return ContextSectionsTest.build(d, ReportOptions.defaults());
    }

    static Dataset of(ContextFrames f, Table snapshots, List<Dataset.ChannelTable> channel) {
        return new Dataset(f.videos(), f.daily(), snapshots, channel, Canonical.emptyComments("c"), NO_LOAD);
    }

    @Test
    void trendsOfSixRisingWeeks() {
        // Video w is posted on the Monday of week w (from 5 Jan 2026) with 1000 + w views and 10 + w saves.
        SaveReport.Result r = build(Dataset.ofVideos(ContextSectionsTest.weeklyVideos(6).videos(), NO_LOAD));
        TrendsSection.Trend t = r.figures(TrendsSection.Figures.class).trends();
        assertNull(t.status());
        assertEquals(new TrendsSection.Period("2026-01-05", 1, 1000, 10, 0.01, 0.01), t.weekly().get(0));
        // The 4-week rolling median at week 3 is the mean of the middle two of 10/1000 .. 13/1003.
        assertEquals((11.0 / 1001 + 12.0 / 1002) / 2, t.weekly().get(3).rollingMedian(), 1e-15);
        // January holds weeks 0-3 (views 4006, saves 46), February weeks 4-5 (2009, 29).
        assertEquals(List.of("2026-01-01", "2026-02-01"), t.monthly().stream().map(TrendsSection.Period::start).toList());
        assertEquals(4006, t.monthly().get(0).views());
        assertEquals(29, t.monthly().get(1).saves());
        assertEquals((46.0 / 4006 + 29.0 / 2009) / 2, t.monthly().get(1).rollingMedian(), 1e-15);
        // Every pair rises: S = 15; no ties: Var S = 6 * 5 * 17 / 18; z = (S - 1) / sqrt(Var S).
        TrendsSection.TrendTest test = t.trendTest();
        assertEquals(6, test.n());
        assertEquals(15, test.s());
        assertEquals(510.0 / 18, test.variance(), 1e-12);
        assertEquals(14 / Math.sqrt(510.0 / 18), test.z(), 1e-12);
        assertEquals("up", test.direction());
        assertEquals(List.of("weekly", "monthly", "trend_test"), List.copyOf(json(r, "trends").keySet()));
    }

    @Test
    void trendsOfTwoWeeksSayWhatTheyNeed() {
        SaveReport.Result r = build(Dataset.ofVideos(ContextSectionsTest.weeklyVideos(2).videos(), NO_LOAD));
        TrendsSection.Trend t = r.figures(TrendsSection.Figures.class).trends();
        assertEquals(2, t.weeks().size());
        assertNull(t.weekly());
        assertNull(t.trendTest());
        assertEquals(Map.of("status", "needs posting times in at least 3 weeks"), json(r, "trends"));
    }

    @Test
    void channelWeeksFromAnOverviewWithTwoMeasures() {
        Table overview = Table.create("overview", DateColumn.create("date"), LongColumn.create("video_views"),
                LongColumn.create("likes"));
        day(overview, "2026-03-01", 100L, 5L);   // a Sunday: the week from Monday 23 February
        day(overview, "2026-03-02", 200L, null);
        day(overview, "2026-03-03", 300L, 7L);
        day(overview, null, 999L, 9L);           // undated: in no week
        day(overview, "2026-03-09", 50L, 1L);
        day(overview, "2026-03-09", 25L, 1L);    // the same day twice: summed
        Dataset d = of(ContextSectionsTest.weeklyVideos(3), Canonical.emptySnapshots("s"),
                List.of(new Dataset.ChannelTable("Overview", "overview.csv", overview)));
        SaveReport.Result r = build(d);
        ChannelSection.Channel c = r.figures(ChannelSection.Figures.class).channel();
        assertEquals("2026-03-01", c.firstDate());
        assertEquals("2026-03-09", c.lastDate());
        assertEquals(List.of(new ChannelSection.Week("2026-02-23", 100L, null, 5L, null, null, null),
                new ChannelSection.Week("2026-03-02", 500L, null, 7L, null, null, null),
                new ChannelSection.Week("2026-03-09", 75L, null, 2L, null, null, null)), c.weekly());
        assertEquals(Arrays.asList(675L, null, 14L, null, null, null), c.totals());
        assertEquals(List.of(100L, 200L, 300L, 75L), c.dailyVideoViews());
        assertEquals(LocalDate.parse("2026-03-09"), c.days().get(3));
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> weekly = (List<Map<String, Object>>) json(r, "channel").get("weekly");
        assertEquals(List.of("week_from", "video_views", "likes"), List.copyOf(weekly.get(0).keySet()));
    }

    @Test
    void noOverviewNoChannelEntry() {
        SaveReport.Result r = build(Dataset.ofVideos(ContextSectionsTest.weeklyVideos(3).videos(), NO_LOAD));
        assertNull(r.figures(ChannelSection.Figures.class).channel());
        assertFalse(r.json().containsKey("channel"));
    }

    /**
     * Two videos posted 1 Jan 2026 with 14 observed days each. Video a: 10, 6 saves on days 0-1 and 4 on day 7, so
     * 4 of 20 are late (score 0.2, evergreen), half come on day 1, and 4 saves in its last week keep it gaining.
     * Video b: 19 on day 0 and 1 on day 13, score 0.05. The daily series ends 14 Jan, so the current totals count
     * from 15 Jan.
     */
    static ContextFrames twoVideos() {
        ContextFrames f = new ContextFrames().video("a", "2026-01-01T10:00:00Z", 1400, 20)
                .video("b", "2026-01-01T10:00:00Z", 1400, 20);
        for (int d = 0; d < 14; d++) {
            String date = LocalDate.parse("2026-01-01").plusDays(d).toString();
            f.day("a", date, 100, d == 0 ? 10 : d == 1 ? 6 : d == 7 ? 4 : 0);
            f.day("b", date, 100, d == 0 ? 19 : d == 13 ? 1 : 0);
        }
        return f.day("unknown", "2026-01-02", 100, 50);
    }

    @Test
    void evergreenFromADailySeriesAndSnapshots() {
        Table snaps = Canonical.emptySnapshots("s");
        snapshot(snaps, "a", "2026-01-10T00:00:00Z", 12);
        snapshot(snaps, "b", "2026-01-10T00:00:00Z", 19);
        snapshot(snaps, "a", "2026-01-12T00:00:00Z", 15);
        snapshot(snaps, "b", "2026-01-12T00:00:00Z", 19);
        SaveReport.Result r = build(of(twoVideos(), snaps, List.of()));
        EvergreenSection.Buildup b = r.figures(EvergreenSection.Figures.class).accumulation();
        assertNull(b.status());
        EvergreenSection.Daily d = b.daily();
        assertEquals(2, d.videos());
        assertEquals(2, d.scoredVideos());
        assertEquals((0.2 + 0.05) / 2, d.medianEvergreenScore(), 1e-15);
        assertEquals(1, d.evergreenVideos());
        assertEquals(1, d.stillGaining());
        assertEquals(1.0, d.medianHalfLifeDays());
        assertEquals(0, d.curveVideos(), "no video is observed for 28 days");
        assertEquals(new EvergreenSection.PerVideo("a", 14, 20, 4, 0.2, 1, true), d.perVideo().get(0));
        assertEquals(List.of("Video a", "Video b"), d.mostEvergreen().stream().map(Accumulation.Titled::title).toList());
        // a gains 3 between the snapshots, then 5 (15 -> 20) and b 1 (19 -> 20) up to the latest export.
        assertEquals(List.of(new EvergreenSection.Gain("2026-01-10T00:00:00Z", "2026-01-12T00:00:00Z", 2, 3, 0, 0.0, 0, 0),
                new EvergreenSection.Gain("2026-01-12T00:00:00Z", "latest export", 2, 6, 0, 0.0, 0, 0)), b.snapshots());
        assertEquals(List.of("horizon_days", "videos", "scored_videos", "median_evergreen_score", "evergreen_videos",
                "still_gaining", "median_half_life_days", "curve_videos", "cumulative_share_by_day", "per_video",
                "snapshots"), List.copyOf(json(r, "accumulation").keySet()));
    }

    @Test
    void aDailySeriesOfUnknownVideosSaysSo() {
        ContextFrames f = ContextSectionsTest.weeklyVideos(3).day("unknown", "2026-01-02", 100, 5);
        SaveReport.Result r = build(of(f, Canonical.emptySnapshots("s"), List.of()));
        EvergreenSection.Buildup b = r.figures(EvergreenSection.Figures.class).accumulation();
        assertNull(b.daily());
        assertEquals(Map.of("status", "daily series matches no video with a posting time"), json(r, "accumulation"));
    }

    @Test
    void earlySignalOfTenVideosInRankOrder() {
        // Video i: 100 views and i saves on day 0, 1000 i views on day 2, seen to day 27. Early rate and later views
        // rise together: rho = 1. Early views are all 100: no spread, so their rho is undefined (null).
        ContextFrames f = new ContextFrames();
        for (int i = 0; i < 10; i++) {
            f.video("v" + i, "2026-01-01T10:00:00Z", 100 + 1000L * i, i);
            f.day("v" + i, "2026-01-01", 100, i).day("v" + i, "2026-01-03", 1000L * i, 0)
                    .day("v" + i, "2026-01-28", 0, 0);
        }
        SaveReport.Result r = build(of(f, Canonical.emptySnapshots("s"), List.of()));
        EarlySignalSection.Signal s = r.figures(EarlySignalSection.Figures.class).earlySignal();
        assertEquals(28, s.horizonDays());
        assertEquals(10, s.videos());
        assertNull(s.status());
        assertEquals(1.0, s.spearmanRho(), 1e-12);
        assertEquals(0.0, s.p());
        assertTrue(Double.isNaN(s.earlyViewsVsLaterViewsRho()));
        // Quarters of 10 by early rate hold 2, 3, 2, 3 videos: later views {0, 1000}, {2000..4000}, {5000, 6000},
        // {7000..9000}.
        assertArrayEquals(new double[] {500, 3000, 5500, 8000}, s.medianLaterViewsByEarlyRateQuarter());
        Map<String, Object> j = json(r, "early_signal");
        assertTrue(j.containsKey("early_views_vs_later_views_rho"));
        assertNull(j.get("early_views_vs_later_views_rho"));
        assertEquals("association, not cause", j.get("note"));
    }

    @Test
    void earlySignalSaysWhatItNeeds() {
        SaveReport.Result none = build(Dataset.ofVideos(ContextSectionsTest.weeklyVideos(3).videos(), NO_LOAD));
        assertEquals(Map.of("status", "needs a daily series"), json(none, "early_signal"));
        assertNull(none.figures(EarlySignalSection.Figures.class).earlySignal().horizonDays());
        // Fourteen days are short of the 28-day horizon: no video counts.
        SaveReport.Result few = build(of(twoVideos(), Canonical.emptySnapshots("s"), List.of()));
        EarlySignalSection.Signal s = few.figures(EarlySignalSection.Figures.class).earlySignal();
        assertEquals(0, s.videos());
        assertEquals(List.of("horizon_days", "videos", "status"), List.copyOf(json(few, "early_signal").keySet()));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> json(SaveReport.Result r, String key) {
        return (Map<String, Object>) r.json().get(key);
    }

    private static void day(Table t, String date, Long views, Long likes) {
        if (date == null) {
            t.dateColumn("date").appendMissing();
        } else {
            t.dateColumn("date").append(LocalDate.parse(date));
        }
        append(t.longColumn("video_views"), views);
        append(t.longColumn("likes"), likes);
    }

    private static void append(LongColumn c, Long v) {
        if (v == null) {
            c.appendMissing();
        } else {
            c.append(v);
        }
    }

    private static void snapshot(Table snaps, String id, String at, long saves) {
        snaps.stringColumn(Canonical.VIDEO_ID).append(id);
        snaps.instantColumn(Canonical.TAKEN_AT).append(Instant.parse(at));
        for (String c : List.of(Canonical.VIEWS, Canonical.LIKES, Canonical.COMMENTS, Canonical.SHARES)) {
            snaps.longColumn(c).appendMissing();
        }
        snaps.longColumn(Canonical.SAVES).append(saves);
    }
}
