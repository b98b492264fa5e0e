package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.commons.math3.stat.correlation.PearsonsCorrelation;
import org.apache.commons.math3.stat.correlation.SpearmansCorrelation;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import savescope.metrics.Correlations.Correlation;

class CorrelationsTest {
    static final double[] X = {1, 2, 3, 4, 5};
    static final double[] Y = {2, 4, 5, 4, 5};

    @Test
    void pearsonByHand() {
        // dx = -2,-1,0,1,2; dy = -2,0,1,0,1; Sxy = 4+2 = 6, Sxx = 10, Syy = 6 -> r = 6/sqrt(60) = 0.7745967
        // t = r sqrt(3 / (1 - 0.6)) = 1.5 sqrt(2) = 2.1213203 on 3 df -> two-sided p = 0.1240271
        Correlation c = Correlations.pearson(X, Y);
        assertEquals(6 / Math.sqrt(60), c.r(), 1e-12);
        assertEquals(5, c.n());
        assertEquals(0.1240271, c.p(), 1e-6);
    }

    @Test
    void spearmanByHandWithTies() {
        // ranks of Y: 2 -> 1, the two 4s -> 2.5, the two 5s -> 4.5: (1, 2.5, 4.5, 2.5, 4.5), mean 3
        // Sxy = (-2)(-2) + (-1)(-0.5) + 0 + (1)(-0.5) + (2)(1.5) = 7, Sxx = 10, Syy = 9 -> rho = 7/sqrt(90)
        // t = 1.893506 on 3 df -> p = 0.1546185 (t approximation)
        Correlation c = Correlations.spearman(X, Y);
        assertEquals(7 / Math.sqrt(90), c.r(), 1e-12);
        assertEquals(0.1546185, c.p(), 1e-6);
    }

    @Test
    void kendallTauBByHand() {
        // 10 pairs, x always rising. y: concordant 7, discordant 1 ((3,4): 5 -> 4), tied in y only 2 ((2,4), (3,5)).
        // tau-b = (7 - 1) / sqrt((10 - 0)(10 - 2)) = 6 / sqrt(80) = 0.6708204
        // var(S) = [5·4·15 - 2·(2·1·9)] / 18 = 264 / 18 = 14.6667; z = 6 / 3.8297 = 1.5667 -> p = 0.1171851
        Correlation c = Correlations.kendall(X, Y);
        assertEquals(6 / Math.sqrt(80), c.r(), 1e-12);
        assertEquals(0.1171851, c.p(), 1e-6);
    }

    @Test
    void missingValuesDropTheirPairOnly() {
        double[] x = {1, 2, Double.NaN, 3, 4, 5};
        double[] y = {2, 4, 7, 5, 4, 5};
        Correlation c = Correlations.pearson(x, y);
        assertEquals(5, c.n());
        assertEquals(6 / Math.sqrt(60), c.r(), 1e-12);
    }

    @Test
    void undefinedForConstantsAndTinySamples() {
        assertTrue(Double.isNaN(Correlations.pearson(new double[] {1, 1, 1, 1}, new double[] {1, 2, 3, 4}).r()));
        assertTrue(Double.isNaN(Correlations.kendall(new double[] {1, 2}, new double[] {1, 2}).r()));
        assertTrue(Double.isNaN(Correlations.spearman(new double[] {3, 3, 3}, new double[] {1, 2, 3}).r()));
    }

    @Test
    void partialCorrelationRemovesTheSharedDriver() {
        // z = 1..4 (centred -1.5, -0.5, 0.5, 1.5). e1 = (1,-1,-1,1) and e2 = (-1,3,-3,1) are orthogonal to each
        // other, to z and to the constant. x = z + e1, y = z + e2: the part of x and y not explained by z is
        // e1 and e2, uncorrelated, so the partial correlation is exactly 0 while raw r(x, y) is not.
        double[] z = {1, 2, 3, 4};
        double[] x = {2, 1, 2, 5};
        double[] y = {0, 5, 0, 5};
        assertEquals(0, Correlations.partial(x, y, z).r(), 1e-12);
        assertTrue(Correlations.pearson(x, y).r() > 0.3);
        // y2 = z + 2·e1: its residual is 2·e1, the same direction as x's -> partial = 1, p = 0.
        double[] y2 = {3, 0, 1, 6};
        Correlation c = Correlations.partial(x, y2, z);
        assertEquals(1, c.r(), 1e-12);
        assertEquals(4, c.n());
    }

    @Test
    void partialMatchesCorrelatingRegressionResiduals() {
        SplittableRandom rnd = new SplittableRandom(3);
        int n = 200;
        double[] x = new double[n], y = new double[n], z = new double[n];
        for (int i = 0; i < n; i++) {
            z[i] = rnd.nextDouble() * 10;
            x[i] = 2 * z[i] + rnd.nextGaussian() * 3;
            y[i] = -z[i] + 0.5 * x[i] + rnd.nextGaussian() * 2;
        }
        double expected = Correlations.pearson(residuals(x, z), residuals(y, z)).r();
        assertEquals(expected, Correlations.partial(x, y, z).r(), 1e-10);
    }

    /** Residuals of the least-squares line of v on z, computed independently of the partial formula. */
    private static double[] residuals(double[] v, double[] z) {
        double mz = 0, mv = 0;
        for (int i = 0; i < v.length; i++) {
            mz += z[i] / v.length;
            mv += v[i] / v.length;
        }
        double szv = 0, szz = 0;
        for (int i = 0; i < v.length; i++) {
            szv += (z[i] - mz) * (v[i] - mv);
            szz += (z[i] - mz) * (z[i] - mz);
        }
        double slope = szv / szz;
        double[] out = new double[v.length];
        for (int i = 0; i < v.length; i++) {
            out[i] = v[i] - (mv + slope * (z[i] - mz));
        }
        return out;
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7, 8})
    void coefficientsStayInRangeAreSymmetricAndMatchIndependentCode(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        int n = 5 + rnd.nextInt(120);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            // Small integers so ties are common; y partly follows x.
            x[i] = rnd.nextInt(12);
            y[i] = seed % 2 == 0 ? rnd.nextInt(9) : Math.round(x[i] * 0.7 + rnd.nextInt(5));
        }
        for (String method : List.of(Correlations.PEARSON, Correlations.SPEARMAN, Correlations.KENDALL)) {
            var m = Correlations.matrix(method, List.of("x", "y"), List.of(x, y));
            Correlation xy = m.get("x", "y");
            Correlation yx = m.get("y", "x");
            Correlation direct = switch (method) {
                case Correlations.PEARSON -> Correlations.pearson(y, x);
                case Correlations.SPEARMAN -> Correlations.spearman(y, x);
                default -> Correlations.kendall(y, x);
            };
            assertTrue(xy.r() >= -1 && xy.r() <= 1, method + " r = " + xy.r());
            assertEquals(xy.r(), yx.r(), 0);
            assertEquals(xy.r(), direct.r(), 1e-12, method + " is symmetric");
            assertEquals(xy.p(), direct.p(), 1e-12);
            assertTrue(xy.p() >= 0 && xy.p() <= 1);
            assertEquals(1, m.get("x", "x").r(), 1e-12);
        }
        double[][] data = new double[n][2];
        for (int i = 0; i < n; i++) {
            data[i][0] = x[i];
            data[i][1] = y[i];
        }
        PearsonsCorrelation pc = new PearsonsCorrelation(data);
        assertEquals(pc.getCorrelationMatrix().getEntry(0, 1), Correlations.pearson(x, y).r(), 1e-12);
        assertEquals(pc.getCorrelationPValues().getEntry(0, 1), Correlations.pearson(x, y).p(), 1e-9);
        assertEquals(new SpearmansCorrelation().correlation(x, y), Correlations.spearman(x, y).r(), 1e-12);
        assertEquals(bruteForceTauB(x, y), Correlations.kendall(x, y).r(), 1e-12);
    }

    @ParameterizedTest
    @ValueSource(ints = {23, 24, 25, 49, 700, 2_500})
    void kendallCountsEveryDiscordantPairAroundTheInsertionRuns(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(n);
            y[i] = rnd.nextInt(4) == 0 ? rnd.nextInt(6) : x[i] + rnd.nextInt(n / 3 + 1);
        }
        assertEquals(bruteForceTauB(x, y), Correlations.kendall(x, y).r(), 1e-12);
    }

    @Test
    void matricesMadeSideBySideMatchEachPairComputedAlone() {
        // Past the size where the three matrices are made on two threads; one variable has gaps, so its pairs
        // take the per-pair path while the others share ranks.
        int n = Correlations.SIDE_BY_SIDE_ROWS + 5_000;
        SplittableRandom rnd = new SplittableRandom(11);
        List<String> names = List.of("a", "b", "c", "d");
        List<double[]> columns = new ArrayList<>();
        for (int k = 0; k < names.size(); k++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = k == 3 && i % 97 == 0 ? Double.NaN : rnd.nextInt(50 + 40 * k) + (k > 0 ? 0.3 * columns.get(0)[i] : 0);
            }
            columns.add(v);
        }
        List<Correlations.Matrix> m = Correlations.matrices(names, columns);
        for (int i = 0; i < names.size(); i++) {
            for (int j = 0; j < names.size(); j++) {
                double[] x = columns.get(i);
                double[] y = columns.get(j);
                Correlations.Correlation[] alone = {Correlations.pearson(x, y), Correlations.spearman(x, y), Correlations.kendall(x, y)};
                for (int method = 0; method < 3; method++) {
                    Correlations.Correlation c = m.get(method).get(names.get(i), names.get(j));
                    assertEquals(alone[method].r(), c.r(), 1e-12, method + " " + i + "," + j);
                    assertEquals(alone[method].p(), c.p(), 1e-12, method + " " + i + "," + j);
                    assertEquals(alone[method].n(), c.n(), method + " " + i + "," + j);
                }
            }
        }
    }

    /** Kendall's tau-b by looking at every pair: (C − D) / sqrt((C + D + Tx)(C + D + Ty)). */
    static double bruteForceTauB(double[] x, double[] y) {
        long c = 0, d = 0, tx = 0, ty = 0;
        for (int i = 0; i < x.length; i++) {
            for (int j = i + 1; j < x.length; j++) {
                double s = Math.signum(x[i] - x[j]) * Math.signum(y[i] - y[j]);
                if (s > 0) {
                    c++;
                } else if (s < 0) {
                    d++;
                } else if (x[i] == x[j] && y[i] != y[j]) {
                    tx++;
                } else if (y[i] == y[j] && x[i] != x[j]) {
                    ty++;
                }
            }
        }
        return (c - d) / Math.sqrt((double) (c + d + tx) * (c + d + ty));
    }

    @Test
    void kendallOnAMillionPairsUsesASeededSubsample() {
        // Pair by pair this would take hours; above KENDALL_MAX_N pairs a seeded subsample is used and n says so.
        int n = 1_000_000;
        SplittableRandom rnd = new SplittableRandom(11);
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = rnd.nextInt(100_000);
            y[i] = x[i] + rnd.nextInt(50_000);
        }
        Correlation c = Correlations.kendall(x, y);
        assertEquals(Correlations.KENDALL_MAX_N, c.n());
        assertTrue(c.r() > 0.5 && c.r() < 1, "tau " + c.r());
        assertEquals(c, Correlations.kendall(x, y), "same seed, same subsample");
        var m = Correlations.matrix(Correlations.KENDALL, List.of("x", "y"), List.of(x, y));
        assertEquals(c.r(), m.get("x", "y").r(), 1e-12, "the matrix uses the same rows");
    }

    @Test
    void log1pOfALongColumnIsMathLog1pOfEachValue() {
        // Long enough that small whole numbers are looked up once; both zeros, fractions, big counts, NaN
        // and negatives checked bit for bit against Math.log1p.
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(3);
        double[] v = new double[200_000];
        for (int i = 0; i < v.length; i++) {
            int kind = rnd.nextInt(6);
            v[i] = kind == 0 ? rnd.nextInt(100) : kind == 1 ? rnd.nextInt(70_000) : kind == 2 ? rnd.nextDouble() * 50
                    : kind == 3 ? (rnd.nextBoolean() ? -0.0 : 0.0) : kind == 4 ? Double.NaN : -rnd.nextInt(5) - 1;
        }
        double[] out = Correlations.log1p(v);
        for (int i = 0; i < v.length; i++) {
            double expected = v[i] < 0 ? Double.NaN : Math.log1p(v[i]);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(out[i]), "value " + v[i]);
        }
    }
}
