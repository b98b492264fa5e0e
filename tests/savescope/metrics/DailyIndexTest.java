package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;
import savescope.model.Canonical;

class DailyIndexTest {

    @Test
    void groupsRowsByVideoInTableOrderWithDaysSincePosting() {
        ContextFrames f = new ContextFrames()
                .video("a", "2026-01-30T22:00:00Z", 100, 9)   // posting day 2026-01-30 (UTC)
                .video("b", "2026-02-27T01:00:00Z", 100, 9)   // posting day 2026-02-27
                .video("nopost", null, 100, 9)
                .day("b", "2026-02-28", 5, 1)     // b: day 1
                .day("a", "2026-01-29", 10, 1)    // a: before posting, day 0
                .day("a", "2026-01-31", 20, 2)    // a: day 1
                .day("zz", "2026-02-01", 99, 9)   // unknown video: left out
                .day("nopost", "2026-02-01", 99, 9) // no posting time: left out
                .day("b", "2026-03-01", 6, 0)     // b: Feb 28 -> Mar 1 is the next day: day 2
                .day("a", "2026-02-01", 30, 6)    // a: day 2 (Jan 31 -> Feb 1 across a month)
                .day("a", "2026-02-02", 40, 7);   // a: day 3
        // A row with no views: counted as 0.
        f.day("b", "2026-03-03", 0, 4);
        f.daily().longColumn(Canonical.VIEWS).setMissing(f.daily().rowCount() - 1);
        DailyIndex index = DailyIndex.of(f.videos(), f.daily());
        assertEquals(2, index.videos());
        assertEquals("b", index.id(0), "numbered by first usable row");
        assertEquals("a", index.id(1));
        // b's rows: table rows 0, 6, 9 -> days 1, 2, 4; views 5, 6, missing (0); saves 1, 0, 4.
        assertEquals(3, index.end(0) - index.start(0));
        int[] bDays = {1, 2, 4};
        long[] bViews = {5, 6, 0};
        long[] bSaves = {1, 0, 4};
        for (int k = 0; k < 3; k++) {
            int r = index.start(0) + k;
            assertEquals(bDays[k], index.day(r));
            assertEquals(bViews[k], index.views(r));
            assertEquals(bSaves[k], index.saves(r));
        }
        assertEquals(4, index.lastDay(0));
        // a's rows: table rows 1, 2, 7, 8 -> days 0, 1, 2, 3.
        assertEquals(4, index.end(1) - index.start(1));
        int[] aDays = {0, 1, 2, 3};
        long[] aViews = {10, 20, 30, 40};
        for (int k = 0; k < 4; k++) {
            assertEquals(aDays[k], index.day(index.start(1) + k));
            assertEquals(aViews[k], index.views(index.start(1) + k));
        }
        assertEquals(3, index.lastDay(1));
    }

    @Test
    void curvesAndEarlySignalFromTheIndexMatchTheirTableForms() {
        ContextFrames f = new ContextFrames();
        for (int v = 0; v < 12; v++) {
            String id = "v" + v;
            f.video(id, "2026-05-01T08:00:00Z", 1000, 10);
            for (int d = 0; d < 6; d++) {
                f.day(id, "2026-05-0" + (d + 1), 100 + v * d, (v + d) % 4);
            }
        }
        DailyIndex index = DailyIndex.of(f.videos(), f.daily());
        var fromIndex = Accumulation.curves(index);
        var fromTables = Accumulation.curves(f.videos(), f.daily());
        assertEquals(12, fromIndex.size());
        for (int i = 0; i < 12; i++) {
            assertEquals(fromTables.get(i).id(), fromIndex.get(i).id());
            assertEquals(java.util.Arrays.toString(fromTables.get(i).cumulative()),
                    java.util.Arrays.toString(fromIndex.get(i).cumulative()));
        }
        // v5: saves by day (5+d)%4 for d = 0..5 = 1,2,3,0,1,2 -> cumulative ends at 9.
        assertEquals(9, fromIndex.get(5).saves());
        EarlySignal.Result r = EarlySignal.measure(index, 6);
        // Every video is observed through day 5; early views on days 0-1 = 100 + (100 + v) = 200 + v > 0.
        assertEquals(12, r.points().size());
        assertEquals(EarlySignal.measure(f.videos(), f.daily(), 6).points(), r.points());
        // v3 (sorted: v0, v1, v10, v11, v2, v3, ...): early views 203, early saves 3 + 0 = 3,
        // later views days 2..5 = 4 * 100 + 3 * (2+3+4+5) = 442.
        EarlySignal.Point v3 = r.points().get(5);
        assertEquals("v3", v3.id());
        assertEquals(203, v3.earlyViews());
        assertEquals(3, v3.earlySaves());
        assertEquals(442, v3.laterViews());
    }
}
