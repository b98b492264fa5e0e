package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DateColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class AudienceContextTest {

    static Table shares(String label, String[] names, double[] shares) {
        return Table.create("t", StringColumn.create(label, names), DoubleColumn.create("share", shares));
    }

    @Test
    void suppressionHidesSegmentsUnderTheThresholdAndOfUnknownSize() {
        assertTrue(AudienceContext.suppress(9.99, 10));
        assertFalse(AudienceContext.suppress(10.0, 10), "exactly the threshold is shown");
        assertTrue(AudienceContext.suppress(null, 10));
        assertTrue(AudienceContext.suppress(Double.NaN, 10));
        assertEquals("fewer than 10", AudienceContext.suppressedText(10));

        Table t = shares("territory", new String[] {"GB", "US", "IE", "NZ"}, new double[] {0.5, 0.1, 0.09, 0.001});
        // 200 followers: GB 100, US 20, IE 18, NZ 0.2 -> with a threshold of 20, IE and NZ are hidden.
        List<AudienceContext.Segment> s = AudienceContext.segments(t, "territory", 200L, 20);
        assertEquals(100L, s.get(0).estimated());
        assertEquals(0.5, s.get(0).share(), 1e-12);
        assertFalse(s.get(1).suppressed());
        assertEquals(20L, s.get(1).estimated());
        assertTrue(s.get(2).suppressed());
        assertNull(s.get(2).share(), "a hidden segment carries no number at all");
        assertNull(s.get(2).estimated());
        assertTrue(s.get(3).suppressed());
        // Without a follower count no size can be checked: everything is hidden.
        assertTrue(AudienceContext.segments(t, "territory", null, 10).stream().allMatch(AudienceContext.Segment::suppressed));
    }

    @Test
    void growthAndActiveHours() {
        Table history = Table.create("h", DateColumn.create("date", new LocalDate[] {LocalDate.of(2026, 1, 2),
            LocalDate.of(2026, 1, 1), LocalDate.of(2026, 1, 3)}), LongColumn.create("followers", new long[] {110, 100, 125}));
        AudienceContext.Growth g = AudienceContext.growth(history);
        assertEquals(100, g.start());
        assertEquals(125, g.end());
        assertEquals(25, g.change());

        Table activity = Table.create("a", DateColumn.create("date", new LocalDate[] {LocalDate.of(2026, 1, 1),
            LocalDate.of(2026, 1, 2), LocalDate.of(2026, 1, 1)}), IntColumn.create("hour", new int[] {20, 20, 7}),
                LongColumn.create("active_followers", new long[] {100, 300, 5}));
        double[] byHour = AudienceContext.activeByHour(activity);
        assertEquals(200, byHour[20], 1e-12); // (100 + 300)/2
        assertEquals(5, byHour[7], 1e-12);
        assertTrue(Double.isNaN(byHour[3]));
    }

    @Test
    void returningViewersSkipUndefinedDays() {
        LongColumn total = LongColumn.create("total_viewers", new long[] {100, 200, 50});
        LongColumn back = LongColumn.create("returning_viewers", new long[] {30, 50, 0});
        back.setMissing(2); // Studio wrote "undefined": the day is left out, not read as 0 of 50
        AudienceContext.Returning r = AudienceContext.returning(Table.create("v", total, back));
        assertEquals(2, r.days());
        assertEquals(80.0 / 300, r.share(), 1e-12);
    }

    @Test
    void postingInBusyHoursAgainstSaveRate() {
        double[] byHour = new double[24];
        java.util.Arrays.fill(byHour, Double.NaN);
        byHour[8] = 10;
        byHour[12] = 20;
        byHour[18] = 30;
        byHour[20] = 40;
        // Quartile cut of (10, 20, 30, 40) at 0.75: 32.5 -> only 20:00 is busy.
        ContextFrames f = new ContextFrames()
                .video("a", "2026-01-01T08:10:00Z", 1000, 10)
                .video("b", "2026-01-02T12:10:00Z", 1000, 20)
                .video("c", "2026-01-03T18:10:00Z", 1000, 30)
                .video("d", "2026-01-04T20:10:00Z", 1000, 40)
                .video("e", "2026-01-05T03:00:00Z", 1000, 99); // 03:00 has no activity data: left out
        AudienceContext.PostingHours ph = AudienceContext.postingHours(RatedVideo.of(f.videos()), byHour);
        assertEquals(List.of(20), ph.busyHours());
        assertEquals(1, ph.busyVideos());
        assertEquals(3, ph.otherVideos());
        assertEquals(0.04, ph.busyMedianRate(), 1e-12);
        assertEquals(0.02, ph.otherMedianRate(), 1e-12);
        assertEquals(4, ph.correlation().n());
        assertEquals(1.0, ph.correlation().rho(), 1e-12);
    }

    @Test
    void postingGridByWeekdayAndBand() {
        ContextFrames f = new ContextFrames()
                .video("a", "2026-03-02T19:00:00Z", 1000, 10)  // Monday, band 16-20
                .video("b", "2026-03-09T17:59:00Z", 1000, 30)  // Monday, band 16-20
                .video("c", "2026-03-08T01:00:00Z", 500, 5);   // Sunday, band 0-4
        List<AudienceContext.PostingCell> cells = AudienceContext.postingGrid(RatedVideo.of(f.videos()), 4);
        assertEquals(2, cells.size());
        assertEquals(new AudienceContext.PostingCell(1, 16, 2, 0.02), cells.get(0));
        assertEquals(new AudienceContext.PostingCell(7, 0, 1, 0.01), cells.get(1));
    }
}
