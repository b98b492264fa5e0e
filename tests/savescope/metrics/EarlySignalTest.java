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
}
