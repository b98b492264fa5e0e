package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import savescope.bench.ExportGenerator;
import savescope.load.ContentTypes;
import savescope.load.Loader;
import savescope.model.Dataset;

/** P-values far out in the tails stay positive and accurate instead of rounding to 0 as 1 − CDF does. */
class SmallPValuesTest {
    @TempDir
    Path dir;

    @Test
    void kruskalWallisTailWithTwoDegreesOfFreedomIsExpOfMinusHalfH() {
        // Three groups of 20 with no overlap: ranks 1-20, 21-40, 41-60 (sums 210, 610, 1010), N = 60.
        // H = 12 / (60 * 61) * (210² + 610² + 1010²) / 20 - 3 * 61 = 52.459016...; df = 2, where the chi-square
        // survival function is exactly exp(-H / 2).
        double[][] g = new double[3][20];
        for (int i = 0; i < 60; i++) {
            g[i / 20][i % 20] = i;
        }
        GroupComparison.Test t = GroupComparison.kruskalWallis(List.of(g[0], g[1], g[2]));
        double h = 12.0 / (60 * 61) * (210.0 * 210 + 610.0 * 610 + 1010.0 * 1010) / 20 - 3 * 61;
        assertEquals(h, t.statistic(), 1e-9);
        assertEquals(2, t.df());
        assertEquals(Math.exp(-h / 2), t.p(), Math.exp(-h / 2) * 1e-9);
    }

    @Test
    void manyWellSeparatedGroupsGiveATinyPositiveP() {
        // Six groups of 200 with no overlap: the tie-free H is 12 / (N (N + 1)) Σ R_g² / n_g − 3 (N + 1) with
        // N = 1200 and R_g = Σ of ranks 200g + 1 .. 200g + 200; here about 1,151, where p is near 1e-246 and
        // 1 − CDF gives exactly 0. Chi-square with 5 df has sf(x) = erfc(sqrt(x / 2)) + sqrt(2x / π) e^(-x/2)
        // (1 + x / 3), an identity of the odd-df tail, computed here in logs.
        int n = 200;
        double[][] g = new double[6][n];
        double sum = 0;
        for (int k = 0; k < 6; k++) {
            double rankSum = 0;
            for (int i = 0; i < n; i++) {
                g[k][i] = k * n + i;
                rankSum += k * n + i + 1;
            }
            sum += rankSum * rankSum / n;
        }
        double big = 6.0 * n;
        double h = 12 / (big * (big + 1)) * sum - 3 * (big + 1);
        GroupComparison.Test t = GroupComparison.kruskalWallis(Arrays.asList(g));
        assertEquals(h, t.statistic(), 1e-6);
        // erfc(sqrt(h/2)) is negligible beside the second term at this size (it is smaller by a factor of about h).
        double logSf = 0.5 * Math.log(2 * h / Math.PI) - h / 2 + Math.log(1 + h / 3);
        double erfcShare = Math.exp(-h / 2) / Math.sqrt(Math.PI * h / 2) / Math.exp(logSf);
        assertTrue(t.p() > 0, "p = " + t.p());
        assertEquals(logSf + Math.log1p(erfcShare), Math.log(t.p()), 1e-6);
    }

    @ParameterizedTest
    @CsvSource({"10", "20", "30", "37"})
    void mannKendallNormalTailsStayWithinTheMillsBounds(double z) {
        // 2 (1 − Φ(z)) lies between 2 φ(z) z / (z² + 1) and 2 φ(z) / z (Mills ratio bounds), φ the normal density.
        // A strictly increasing series of n gives S = n (n − 1) / 2 and, with no ties, var = n (n − 1)(2n + 5) / 18;
        // pick n so that z = (S − 1) / sqrt(var) is near the wanted value.
        int n = 3;
        while (zFor(n) < z) {
            n++;
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
        }
        Trends.MannKendall mk = Trends.mannKendall(x);
        double zz = zFor(n);
        assertEquals(zz, mk.z(), 1e-9);
        double density = Math.exp(-zz * zz / 2) / Math.sqrt(2 * Math.PI);
        double low = 2 * density * zz / (zz * zz + 1);
        double high = 2 * density / zz;
        assertTrue(mk.p() >= low && mk.p() <= high, mk.p() + " not in [" + low + ", " + high + "]");
    }

    private static double zFor(int n) {
        double s = n * (n - 1) / 2.0;
        double var = n * (n - 1.0) * (2 * n + 5) / 18;
        return (s - 1) / Math.sqrt(var);
    }

    @Test
    void spearmanPForANearPerfectRankingIsTinyButPositive() {
        // rho = 1 - 6 Σd² / (n (n² - 1)); swapping the last two of 30 ranks gives Σd² = 2.
        int n = 30;
        double[] x = new double[n];
        double[] y = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = i;
            y[i] = i;
        }
        y[n - 1] = n - 2;
        y[n - 2] = n - 1;
        RankCorrelation r = RankCorrelation.spearman(x, y);
        assertEquals(1 - 6.0 * 2 / (n * ((double) n * n - 1)), r.rho(), 1e-12);
        // SciPy 1.17.1: scipy.stats.spearmanr(x, y).pvalue = 2.910288001852856e-44 (1 - CDF gave 0).
        assertEquals(2.910288001852856e-44, r.p(), 2.910288001852856e-44 * 1e-9);
    }

    @Test
    void contentTypesOfTheBenchmarksThousandVideosHaveATinyNonZeroP() throws Exception {
        // The benchmark's seeded 1,000-video export from the Java generator. SciPy 1.17.1 on the same file (rate =
        // saves / views per video, grouped by content_type, scipy.stats.kruskal) gives H = 322.3197026488948 and
        // p = 1.5865393667816496e-67; 1 - CDF wrote 0.
        Path[] files = ExportGenerator.write(new ExportGenerator.Spec(1000, 0, ExportGenerator.DEFAULT_SEED), dir);
        Dataset data = Loader.load(List.of(files[0]), new Loader.Options(Map.of(), ContentTypes.defaults()));
        GroupComparison.Test t = GroupComparison.byContentType(data.videos()).test();
        assertEquals(1000, t.n());
        assertEquals(5, t.df());
        assertEquals(322.3197026488948, t.statistic(), 1e-9);
        assertEquals(1.5865393667816496e-67, t.p(), 1.5865393667816496e-67 * 1e-9);
        // --json keeps the number itself (a valid JSON number that reads back the same), not a rounded 0.
        String json = savescope.render.JsonOutput.toJson(Map.of("p", t.p()));
        assertEquals(t.p(), new com.fasterxml.jackson.databind.ObjectMapper().readTree(json).get("p").asDouble(), 0);
    }
}
