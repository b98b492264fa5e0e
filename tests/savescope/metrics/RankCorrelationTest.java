package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;

class RankCorrelationTest {

    @Test
    void tiesShareTheirMeanRank() {
        assertArrayEquals(new double[] {1.5, 3, 1.5, 4}, RankCorrelation.ranks(new double[] {5, 7, 5, 9}), 1e-12);
    }

    @Test
    void bothZerosTieAndNaNsRankLastEachOnItsOwn() {
        assertArrayEquals(new double[] {2.5, 2.5, 4, 1}, RankCorrelation.ranks(new double[] {0.0, -0.0, 1, -1}), 0);
        assertArrayEquals(new double[] {2.5, 2.5, 4, 5, 1, 6},
                RankCorrelation.ranks(new double[] {0.0, -0.0, 1, Double.NaN, -1, Double.NaN}), 0);
    }

    @Test
    void agreesWithCommonsMathOnRandomDataWithTies() {
        Random rnd = new Random(7);
        double[] x = new double[60];
        double[] y = new double[60];
        for (int i = 0; i < x.length; i++) {
            x[i] = rnd.nextInt(15);
            y[i] = x[i] + rnd.nextInt(10);
        }
        RankCorrelation r = RankCorrelation.spearman(x, y);
        assertEquals(new SpearmansCorrelation().correlation(x, y), r.rho(), 1e-12);
        assertTrue(r.low() < r.rho() && r.rho() < r.high());
        assertTrue(r.excludesZero());
        assertEquals(r.rho(), RankCorrelation.spearman(y, x).rho(), 1e-12, "symmetric");
    }

    @Test
    void tooFewPairsGiveNoAnswer() {
        RankCorrelation r = RankCorrelation.spearman(new double[] {1, 2, 3}, new double[] {3, 2, 1});
        assertTrue(Double.isNaN(r.rho()));
        assertFalse(r.excludesZero());
    }
}
