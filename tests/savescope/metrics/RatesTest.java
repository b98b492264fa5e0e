package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static savescope.metrics.VideoTables.c;

import org.junit.jupiter.api.Test;
import tech.tablesaw.api.Table;

class RatesTest {
    /*
     * Four videos {views, likes, comments, shares, saves}:
     *   A 1000, 100, 10, 5, 20    rate 0.02
     *   B 4000, 200, 20, 10, 40   rate 0.01
     *   C    0,   0,  0,  0,  0   no rate (zero views)
     *   D 5000, 300, 30, 15, –    saves missing
     */
    static final Table FOUR = VideoTables.counts(c(1000, 100, 10, 5, 20), c(4000, 200, 20, 10, 40),
            c(0, 0, 0, 0, 0), c(5000L, 300L, 30L, 15L, null));

    @Test
    void ratiosOfSumsUseOnlyVideosWithEveryCountNeeded() {
        Rates r = Rates.of(FOUR, null);
        // overall: (20 + 40 + 0) / (1000 + 4000 + 0) = 60 / 5000 = 0.012 (D has no saves, so its views drop out)
        assertEquals(0.012, r.overall(), 1e-15);
        assertEquals(12.0, r.perThousandViews(), 1e-12);
        // per-video rates: A 0.02, B 0.01 (C has zero views) -> median 0.015; p10 = 0.01 + 0.1 × 0.01 = 0.011
        assertEquals(2, r.videosWithRate());
        assertEquals(0.015, r.medianPerVideo(), 1e-15);
        assertEquals(0.011, r.p10(), 1e-15);
        assertEquals(0.019, r.p90(), 1e-15);
        // save-to-like: 60 / (100 + 200 + 0) = 0.2
        assertEquals(0.2, r.saveToLike(), 1e-15);
        // engagement of A, B, C: (100+10+5+20) + (200+20+10+40) + 0 = 135 + 270 = 405; saves' share 60 / 405
        assertEquals(60.0 / 405, r.savesShareOfEngagement(), 1e-15);
        // by views: 405 / 5000 = 0.081
        assertEquals(0.081, r.engagementRateByViews(), 1e-15);
        assertNull(r.engagementRateByFollowers());
    }

    @Test
    void totalsSumPresentValuesAndStayNullWhenNoneIs() {
        // views 1000 + 4000 + 0 + 5000 = 10,000; saves 20 + 40 + 0 (D missing) = 60; likes 600
        Totals t = Totals.of(FOUR);
        assertEquals(4, t.videos());
        assertEquals(10_000L, t.views());
        assertEquals(600L, t.likes());
        assertEquals(60L, t.comments());
        assertEquals(30L, t.shares());
        assertEquals(60L, t.saves());
        assertNull(Totals.of(VideoTables.counts(c(100L, 5L, 1L, 1L, null))).saves());
    }

    @Test
    void engagementByFollowersIsMeanEngagementPerVideoOverFollowers() {
        // mean engagements over A, B, C: 405 / 3 = 135; over 2,700 followers: 0.05
        Rates r = Rates.of(FOUR, 2700L);
        assertEquals(0.05, r.engagementRateByFollowers(), 1e-15);
        assertEquals(2700L, r.followers());
    }

    @Test
    void noSavesAnywhereGivesNullsNotZeros() {
        Table t = VideoTables.counts(c(100L, 5L, 1L, 1L, null), c(200L, 5L, 1L, 1L, null));
        Rates r = Rates.of(t, null);
        assertNull(r.overall());
        assertNull(r.medianPerVideo());
        assertNull(r.saveToLike());
        assertNull(r.engagementRateByViews());
        assertEquals(0, r.videosWithRate());
    }
}
