package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class TrendsTest {

    @Test
    void mannKendallOnAStrictlyRisingSeries() {
        // 1..5: all 10 pairs rise, S = 10. Var = n(n-1)(2n+5)/18 = 5*4*15/18 = 16.667.
        // z = (S - 1)/sqrt(Var) = 9/4.0825 = 2.2045; p = 2(1 - Phi(2.2045)) = 0.02749. Sen's slope: every pair 1.
        Trends.MannKendall mk = Trends.mannKendall(new double[] {1, 2, 3, 4, 5});
        assertEquals(10, mk.s());
        assertEquals(16.6667, mk.variance(), 1e-4);
        assertEquals(2.20454, mk.z(), 1e-5);
        assertEquals(0.027486, mk.p(), 1e-5);
        assertEquals(1.0, mk.senSlope(), 1e-12);
        assertEquals("up", mk.direction());
    }

    @Test
    void mannKendallCorrectsTheVarianceForTies() {
        // 1, 1, 2: pairs (1,1) = 0, (1,2) = +1, (1,2) = +1, S = 2. One tie group of t = 2:
        // Var = (3*2*11 - 2*1*9)/18 = 48/18 = 2.6667; z = 1/1.63299 = 0.61237; p = 0.54029.
        // Slopes: 0 (i=0,j=1), 0.5 (i=0,j=2), 1 (i=1,j=2); Sen = median = 0.5.
        Trends.MannKendall mk = Trends.mannKendall(new double[] {1, 1, 2});
        assertEquals(2, mk.s());
        assertEquals(2.6667, mk.variance(), 1e-4);
        assertEquals(0.61237, mk.z(), 1e-5);
        assertEquals(0.54029, mk.p(), 1e-5);
        assertEquals(0.5, mk.senSlope(), 1e-12);
        assertEquals("none", mk.direction());
    }

    @Test
    void aFallingSeriesIsDownAndAFlatOneHasNoTrend() {
        double[] falling = new double[12];
        for (int i = 0; i < falling.length; i++) {
            falling[i] = 0.03 - 0.001 * i;
        }
        Trends.MannKendall down = Trends.mannKendall(falling);
        assertEquals(-66, down.s());
        assertEquals("down", down.direction());
        assertEquals(-0.001, down.senSlope(), 1e-12);
        // 3, 1, 2: S = -1 - 1 + 1 = -1; continuity correction makes z = (S + 1)/sd = 0, p = 1.
        Trends.MannKendall flat = Trends.mannKendall(new double[] {3, 1, 2});
        assertEquals(0.0, flat.z(), 1e-12);
        assertEquals(1.0, flat.p(), 1e-12);
    }

    @Test
    void weeksAreMondayToSundayRatioOfSumsWithATrailingMedian() {
        ContextFrames f = new ContextFrames()
                .video("a", "2026-03-02T10:00:00Z", 1000, 10)     // Monday
                .video("b", "2026-03-08T23:30:00Z", 1000, 30)     // Sunday, same week
                .video("c", "2026-03-09T00:10:00Z", 500, 5)       // next Monday
                .video("d", "2026-03-18T12:00:00Z", 100, 3)
                .video("e", null, 100, 50);                       // no posting time: left out
        f.video("x", "", "2026-03-10T00:00:00Z", 100L, null, ""); // no saves: left out
        List<Trends.Period> weeks = Trends.weekly(f.videos(), 2);
        assertEquals(3, weeks.size());
        // Week of 2 March: (10 + 30)/(1000 + 1000) = 0.02. Week of 9 March: 5/500 = 0.01. 16 March: 3/100 = 0.03.
        assertEquals(LocalDate.of(2026, 3, 2), weeks.get(0).start());
        assertEquals(2, weeks.get(0).videos());
        assertEquals(0.02, weeks.get(0).rate(), 1e-12);
        assertEquals(0.01, weeks.get(1).rate(), 1e-12);
        assertEquals(0.03, weeks.get(2).rate(), 1e-12);
        // Rolling median over 2 weeks: 0.02; median(0.02, 0.01) = 0.015; median(0.01, 0.03) = 0.02.
        assertEquals(0.02, weeks.get(0).rollingMedian(), 1e-12);
        assertEquals(0.015, weeks.get(1).rollingMedian(), 1e-12);
        assertEquals(0.02, weeks.get(2).rollingMedian(), 1e-12);
        List<Trends.Period> months = Trends.monthly(f.videos(), 3);
        assertEquals(1, months.size());
        // (10 + 30 + 5 + 3)/(1000 + 1000 + 500 + 100) = 48/2600.
        assertEquals(48.0 / 2600, months.get(0).rate(), 1e-12);
        assertTrue(Double.isNaN(Trends.test(weeks.subList(0, 2)).p()), "two weeks are too few for a test");
    }
}
