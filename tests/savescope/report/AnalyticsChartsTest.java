package savescope.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import savescope.charts.AnalyticsCharts;
import savescope.cells.Output;

class AnalyticsChartsTest {
    @Test
    void logLogFitByHand() {
        // log10 views 1, 2, 3; log10 saves -> 0, 1, 2 exactly (saves = views / 10): slope 1, intercept -1.
        // The zero-saves video cannot sit on log axes and is left out of the fit.
        AnalyticsCharts.LogFit fit = AnalyticsCharts.logLogFit(new double[] {10, 100, 1000, 500},
                new double[] {1, 10, 100, 0});
        assertEquals(1, fit.slope(), 1e-12);
        assertEquals(-1, fit.intercept(), 1e-12);
        assertEquals(3, fit.n());
        // saves = 2·sqrt(views): log10 s = log10 2 + 0.5·log10 v -> slope 0.5, intercept 0.30103
        AnalyticsCharts.LogFit half = AnalyticsCharts.logLogFit(new double[] {1, 100, 10_000}, new double[] {2, 20, 200});
        assertEquals(0.5, half.slope(), 1e-12);
        assertEquals(Math.log10(2), half.intercept(), 1e-12);
    }

    @Test
    void bigInputsArePlottedAsASeededSampleAndSaySo() {
        int n = 6_000;
        SplittableRandom rnd = new SplittableRandom(5);
        double[] views = new double[n];
        double[] saves = new double[n];
        for (int i = 0; i < n; i++) {
            views[i] = 100 + rnd.nextInt(100_000);
            saves[i] = 1 + rnd.nextInt(1 + (int) views[i] / 50);
        }
        Output.Chart a = AnalyticsCharts.savesVsViews(views, saves, 50_000, 0.01, 9);
        Output.Chart b = AnalyticsCharts.savesVsViews(views, saves, 50_000, 0.01, 9);
        assertTrue(a.caption().contains("A seeded random sample of 1,500 of 6,000 videos"), a.caption());
        assertEquals("1,500", a.data().rows().get(0).get(1).text());
        assertEquals("6,000", a.data().rows().get(1).get(1).text());
        assertEquals(a.data(), b.data());
        assertTrue(a.alt().contains("1500 of 6000 videos"), a.alt());
    }
}
