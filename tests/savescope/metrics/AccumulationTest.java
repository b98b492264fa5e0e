package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

class AccumulationTest {

    @Test
    void evergreenScoreHalfLifeAndStillGainingByHand() {
        // 14 observed days: 10 and 6 saves on days 0-1, then 2 on day 7 and 2 on day 13; total 20.
        long[] saves = new long[14];
        saves[0] = 10;
        saves[1] = 6;
        saves[7] = 2;
        saves[13] = 2;
        Accumulation.VideoCurve c = Accumulation.curve("v", saves);
        assertEquals(20, c.saves());
        assertEquals(4, c.lateSaves());                  // days 7..13
        assertEquals(0.2, c.evergreenScore(), 1e-12);    // 4 / 20
        assertTrue(c.evergreen());                       // 0.2 >= 0.10
        assertEquals(1, c.halfLifeDays());               // day 0 already has 10 = half of 20
        assertEquals(16.0 / 7, c.firstWeekPerDay(), 1e-12);
        assertEquals(4.0 / 7, c.lastWeekPerDay(), 1e-12); // days 7..13 are the last 7
        // 4/7 >= 0.05 * 16/7 and 4 >= 3 saves: still gaining.
        assertTrue(c.stillGaining());
    }

    @Test
    void halfLifeCountsThePostingDayAsDayOneAndRoundsUpAnOddHalf() {
        // 2,2,2,2: cumulative 2,4 -> half of 8 reached on day index 1 -> 2 days.
        assertEquals(2, Accumulation.curve("a", new long[] {2, 2, 2, 2}).halfLifeDays());
        // 1,0,1,1: total 3, half is 1.5: cumulative 1,1,2 -> reached on day index 2 -> 3 days.
        assertEquals(3, Accumulation.curve("b", new long[] {1, 0, 1, 1}).halfLifeDays());
        // No saves: no half-life.
        assertEquals(0, Accumulation.curve("c", new long[] {0, 0}).halfLifeDays());
    }

    @Test
    void shortWindowsGetNoScoreAndFewLateSavesDoNotCountAsGaining() {
        Accumulation.VideoCurve young = Accumulation.curve("y", new long[] {5, 1, 1, 1});
        assertTrue(Double.isNaN(young.evergreenScore()), "4 days < 14: no score");
        assertFalse(young.stillGaining());
        long[] s = new long[14];
        s[0] = 100;
        s[12] = 2; // 2 saves in the last week: under the minimum of 3
        Accumulation.VideoCurve faded = Accumulation.curve("f", s);
        assertEquals(2.0 / 102, faded.evergreenScore(), 1e-12);
        assertFalse(faded.evergreen());
        assertFalse(faded.stillGaining());
    }

    @Test
    void curvesCountDaysFromThePostingDayInUtc() {
        ContextFrames f = new ContextFrames()
                .video("a", "2026-01-10T22:00:00Z", 100, 9)
                .day("a", "2026-01-09", 10, 1)   // before the posting day: a time-zone edge, counted as day 0
                .day("a", "2026-01-10", 20, 2)
                .day("a", "2026-01-12", 30, 6)
                .day("zz", "2026-01-12", 30, 6); // not among the videos: skipped
        List<Accumulation.VideoCurve> curves = Accumulation.curves(f.videos(), f.daily());
        assertEquals(1, curves.size());
        assertArrayEquals(new long[] {3, 3, 9}, curves.get(0).cumulative());
        assertEquals(3, curves.get(0).observedDays());
    }

    @Test
    void summaryPoolsCurvesOverVideosSeenForTheWholeHorizon() {
        long[] a = new long[14];
        a[0] = 10;
        a[7] = 10;           // score 0.5
        long[] b = new long[14];
        b[0] = 30;           // score 0
        long[] c = {4, 4};   // too short for the horizon and for a score
        Accumulation.Summary s = Accumulation.summarize(List.of(Accumulation.curve("a", a), Accumulation.curve("b", b),
                Accumulation.curve("c", c)), 14);
        assertEquals(3, s.videos());
        assertEquals(2, s.scored());
        assertEquals(0.25, s.medianEvergreen(), 1e-12); // median(0.5, 0)
        assertEquals(1, s.evergreenVideos());
        assertEquals(2, s.curveVideos());
        // Day 0: (10 + 30)/(20 + 30) = 0.8; from day 7: 50/50.
        assertEquals(0.8, s.curve()[0], 1e-12);
        assertEquals(0.8, s.curve()[6], 1e-12);
        assertEquals(1.0, s.curve()[7], 1e-12);
        assertEquals(0.5, s.evergreenCurve()[0], 1e-12);
        assertEquals(1.0, s.otherCurve()[0], 1e-12);
        // Half-lives of a (10 of 20 on day 0 -> 1) and b (1); c has under 14 days.
        assertEquals(1.0, s.medianHalfLife(), 1e-12);
    }

    @Test
    void snapshotGainsSplitOldAndNewVideos() {
        ContextFrames f = new ContextFrames()
                .video("old", "2026-01-01T12:00:00Z", 5000, 150)
                .video("new", "2026-02-25T12:00:00Z", 2000, 60);
        Table snaps = Canonical.emptySnapshots("s");
        snap(snaps, "old", "2026-03-01T00:00:00Z", 100);
        snap(snaps, "new", "2026-03-01T00:00:00Z", 10);
        snap(snaps, "old", "2026-03-15T00:00:00Z", 130);
        snap(snaps, "new", "2026-03-15T00:00:00Z", 50);
        List<Accumulation.SnapshotGain> g = Accumulation.snapshotGains(f.videos(), snaps,
                Instant.parse("2026-03-20T00:00:00Z"), 28);
        assertEquals(2, g.size());
        // 1 -> 15 March: old +30 (59 days old), new +40 (4 days old); 30 of 70 from old videos.
        assertEquals(70, g.get(0).gained());
        assertEquals(30, g.get(0).gainedByOld());
        assertEquals(30.0 / 70, g.get(0).oldShare(), 1e-12);
        assertEquals(1, g.get(0).oldVideos());
        assertEquals(1, g.get(0).oldGaining());
        // 15 -> 20 March (the export): old +20, new +10 (new is 18 days old, still "new").
        assertEquals(30, g.get(1).gained());
        assertEquals(20, g.get(1).gainedByOld());
    }

    private static void snap(Table t, String id, String at, long saves) {
        t.stringColumn(Canonical.VIDEO_ID).append(id);
        t.instantColumn(Canonical.TAKEN_AT).append(Instant.parse(at));
        for (String c : List.of(Canonical.VIEWS, Canonical.LIKES, Canonical.COMMENTS, Canonical.SHARES)) {
            t.longColumn(c).appendMissing();
        }
        t.longColumn(Canonical.SAVES).append(saves);
    }
}
