package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class EarlySignalTest {

    @Test
    void spearmanOfEarlySaveRateAndLaterViewsWithFisherInterval() {
        ContextFrames f = new ContextFrames();
        long[] earlySaves = {2, 4, 6, 8, 10};         // early rates 1%..5%: ranks 1..5
        long[] later = {300, 200, 500, 400, 600};     // ranks 2, 1, 4, 3, 5
        for (int i = 0; i < 5; i++) {
            String id = "v" + (i + 1);
            f.video(id, "2026-05-01T18:00:00Z", 10_000, 100);
            f.day(id, "2026-05-01", 100, earlySaves[i] / 2).day(id, "2026-05-02", 100, earlySaves[i] - earlySaves[i] / 2);
            f.day(id, "2026-05-03", later[i] / 2, 0).day(id, "2026-05-04", later[i] / 2, 0);
        }
        f.day("v1", "2026-05-05", 10_000, 0);  // day 4: past the horizon of 4 days, not counted
        f.video("short", "2026-05-01T18:00:00Z", 100, 1).day("short", "2026-05-01", 50, 1).day("short", "2026-05-03", 9, 0);
        f.video("noearly", "2026-05-01T18:00:00Z", 100, 1).day("noearly", "2026-05-04", 50, 1);
        EarlySignal.Result r = EarlySignal.measure(f.videos(), f.daily(), 4);
        assertEquals(5, r.points().size(), "the video seen only to day 2 and the one with no early views are left out");
        assertEquals(300, r.points().get(0).laterViews());
        // d = rank differences -1, 1, -1, 1, 0; rho = 1 - 6*4/(5*24) = 0.8.
        assertEquals(0.8, r.rateVsLater().rho(), 1e-12);
        // z = atanh(0.8) = 1.0986; se = sqrt(1.06/2) = 0.7280; 95%: tanh(1.0986 -+ 1.96*0.7280) = -0.3170 .. 0.9873.
        assertEquals(-0.316959, r.rateVsLater().low(), 1e-5);
        assertEquals(0.987275, r.rateVsLater().high(), 1e-5);
        // t = 0.8 sqrt(3/0.36) = 2.3094 with 3 df: p = 0.10409 (closed-form t(3) CDF).
        assertEquals(0.104088, r.rateVsLater().p(), 1e-5);
        assertTrue(Double.isNaN(r.viewsVsLater().rho()), "every video had 200 early views: no spread");
        // Quarters by early rate for n = 5: [v1], [v2], [v3], [v4, v5] -> 300, 200, 500, median(400, 600) = 500.
        assertArrayEquals(new double[] {300, 200, 500, 500}, r.quartiles(), 1e-12);
    }

    @Test
    void quartileMediansByHandWithTies() {
        // x sorted with ties in input order: 1 (i0), 1 (i2), 2 (i1), 2 (i4), 3 (i3), 3 (i5); n = 6 splits 1, 2, 1, 2:
        // quarters [i0], [i2, i1], [i4], [i3, i5] -> y 10, median(30, 20) = 25, 50, median(40, 60) = 50.
        double[] x = {1, 2, 1, 3, 2, 3};
        double[] y = {10, 20, 30, 40, 50, 60};
        assertArrayEquals(new double[] {10, 25, 50, 50}, EarlySignal.quartileMedians(x, y), 1e-12);
    }

    @Test
    void quartileMediansMatchAStableSortOfIndices() {
        java.util.Random random = new java.util.Random(3);
        for (int n : new int[] {4, 5, 7, 101, 1000}) {
            double[] x = new double[n];
            double[] y = new double[n];
            for (int i = 0; i < n; i++) {
                x[i] = random.nextInt(9) / 8.0;   // few distinct values: many ties
                y[i] = random.nextInt(1000);
            }
            Integer[] order = new Integer[n];
            for (int i = 0; i < n; i++) {
                order[i] = i;
            }
            java.util.Arrays.sort(order, java.util.Comparator.comparingDouble((Integer i) -> x[i]).thenComparing(i -> i));
            double[] expected = new double[4];
            for (int q = 0; q < 4; q++) {
                double[] part = new double[(q + 1) * n / 4 - q * n / 4];
                for (int k = q * n / 4; k < (q + 1) * n / 4; k++) {
                    part[k - q * n / 4] = y[order[k]];
                }
                expected[q] = SaveRate.quantile(part, 0.5);
            }
            assertArrayEquals(expected, EarlySignal.quartileMedians(x, y), 0.0, "n = " + n);
        }
    }
}
