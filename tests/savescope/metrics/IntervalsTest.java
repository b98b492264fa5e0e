package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;
import savescope.metrics.Intervals.Interval;

class IntervalsTest {
    @Test
    void wilsonTwoOutOfTenByHand() {
        // p = 0.2, n = 10, z = 1.96: z² = 3.8416, centre = (0.2 + 3.8416/20) / (1 + 0.38416) = 0.39208 / 1.38416
        // = 0.283262; half = 1.96 / 1.38416 × sqrt(0.016 + 3.8416/400) = 1.416021 × 0.160012 = 0.226581
        // -> [0.056681, 0.509843] (the textbook 5.7% to 51.0% for 2 of 10)
        Interval i = Intervals.wilson(2, 10, 1.96);
        assertEquals(0.056681, i.low(), 1e-6);
        assertEquals(0.509843, i.high(), 1e-6);
    }

    @Test
    void wilsonAtZeroAndAllStaysInsideTheUnitInterval() {
        // 0/50: centre = (z²/100) / (1 + z²/50) and half is the same, so low = 0, high = z²/(50 + z²)
        // = 3.841459 / 53.841459 = 0.071347
        Interval zero = Intervals.wilson(0, 50, Intervals.Z95);
        assertEquals(0, zero.low(), 1e-12);
        assertEquals(0.071347, zero.high(), 1e-6);
        Interval all = Intervals.wilson(50, 50, Intervals.Z95);
        assertEquals(1 - 0.071347, all.low(), 1e-6);
        assertEquals(1, all.high(), 1e-12);
        assertNull(Intervals.wilson(0, 0, Intervals.Z95));
    }

    @Test
    void bootstrapMedianOfConstantDataIsThatValue() {
        Interval i = Intervals.bootstrapMedian(new double[] {0.03, 0.03, 0.03, 0.03});
        assertEquals(0.03, i.low(), 0);
        assertEquals(0.03, i.high(), 0);
        assertNull(Intervals.bootstrapMedian(new double[0]));
    }

    @Test
    void bootstrapMedianFollowsTheExactResamplingDistribution() {
        // Values 1..11 (odd n, so the resample median is the 6th smallest). A resample's median is <= j exactly
        // when at least 6 of its 11 draws are <= j, each with chance j/11: P = P(Binomial(11, j/11) >= 6).
        //   j = 2: 0.007207;  j = 3: 0.051247;  j = 8: 0.948753;  j = 9: 0.992793
        // So the 2.5% point is 3 (P(<=2) < 0.025 < P(<=3)) and the 97.5% point is 9 (P(<=8) < 0.975 < P(<=9)).
        double[] v = {1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11};
        Interval i = Intervals.bootstrapMedian(v, 0.95, 20_000, 1L);
        assertEquals(3, i.low(), 0);
        assertEquals(9, i.high(), 0);
    }

    @Test
    void bootstrapMedianIsDeterministicForASeed() {
        double[] v = {0.01, 0.02, 0.015, 0.04, 0.005, 0.03};
        assertEquals(Intervals.bootstrapMedian(v, 0.95, 500, 9L), Intervals.bootstrapMedian(v, 0.95, 500, 9L));
        Interval i = Intervals.bootstrapMedian(v);
        // The sample median is (0.015 + 0.02) / 2 = 0.0175; the interval lies within the data and around it.
        assertTrue(i.low() >= 0.005 && i.low() <= 0.0175 && i.high() >= 0.0175 && i.high() <= 0.04, i.toString());
    }
}
