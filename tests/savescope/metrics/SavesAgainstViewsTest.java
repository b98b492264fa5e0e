package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class SavesAgainstViewsTest {

    @Test
    void aSampleKeepsInputOrderAndTheExtentAndLineOfEveryVideo() {
        // 3,000 videos with saves = views / 10 (views 10, 20, ..., 30,000), and 5 that cannot sit on log axes.
        int n = 3_005;
        double[] views = new double[n];
        double[] saves = new double[n];
        for (int i = 0; i < 3_000; i++) {
            views[i] = 10.0 * (i + 1);
            saves[i] = i + 1;
        }
        for (int i = 3_000; i < n; i++) {
            views[i] = i % 2 == 0 ? 0 : 500;
            saves[i] = i % 2 == 0 ? 3 : Double.NaN;
        }
        SavesAgainstViews s = SavesAgainstViews.of(views, saves, 1_000, 11);
        assertEquals(3_000, s.placed());
        assertEquals(n, s.videos());
        assertEquals(1_000, s.views().length);
        double[] sorted = s.views().clone();
        Arrays.sort(sorted);
        assertTrue(Arrays.equals(sorted, s.views()), "drawn in input order, which here is ascending views");
        for (int k = 0; k < s.views().length; k++) {
            assertEquals(s.views()[k] / 10, s.saves()[k], "each point keeps its own saves");
        }
        // The extent is over all 3,000, not the sample: 10..30,000 views, 1..3,000 saves.
        assertEquals(10, s.minViews());
        assertEquals(30_000, s.maxViews());
        assertEquals(1, s.minSaves());
        assertEquals(3_000, s.maxSaves());
        // log10(saves) = log10(views) - 1 exactly: slope 1, intercept -1, over all 3,000.
        assertEquals(1.0, s.fit().slope(), 1e-12);
        assertEquals(-1.0, s.fit().intercept(), 1e-12);
        assertEquals(3_000, s.fit().n());
        // The same seed draws the same videos.
        assertTrue(Arrays.equals(s.views(), SavesAgainstViews.of(views, saves, 1_000, 11).views()));
    }

    @Test
    void fewVideosAreAllDrawn() {
        SavesAgainstViews s = SavesAgainstViews.of(new double[] {100, 0, 400}, new double[] {5, 1, 8}, 1_000, 1);
        assertEquals(2, s.placed());
        assertTrue(Arrays.equals(new double[] {100, 400}, s.views()));
        assertTrue(Arrays.equals(new double[] {5, 8}, s.saves()));
    }
}
