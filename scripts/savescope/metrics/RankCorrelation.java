package savescope.metrics;

import java.util.Arrays;
import java.util.Comparator;
import java.util.stream.IntStream;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.special.Beta;

/**
 * Spearman's rank correlation with a Fisher-z interval and a p-value, for associations between per-video
 * numbers that are skewed (views, save rates), where ranks are more honest than raw values.
 *
 * @param n number of pairs
 * @param rho Spearman's rho (Pearson correlation of average ranks), or NaN when undefined
 * @param low lower end of the 95% interval
 * @param high upper end of the 95% interval
 * @param p two-sided p-value for rho = 0 (t approximation with n - 2 degrees of freedom)
 */
public record RankCorrelation(int n, double rho, double low, double high, double p) {

    /** Rho, interval and p-value; needs at least 4 pairs and some spread in both, else NaN throughout. */
    public static RankCorrelation spearman(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("x and y differ in length: " + x.length + " vs " + y.length);
        }
        int n = x.length;
        if (n < 4) {
            return new RankCorrelation(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        return ofRho(n, pearson(ranks(x), ranks(y)));
    }

    /**
     * The interval and p-value of a rho computed elsewhere (as Pearson's r of the mid-ranks) over {@code n}
     * pairs, as {@link #spearman} gives them.
     */
    public static RankCorrelation ofRho(int n, double rho) {
        if (n < 4 || Double.isNaN(rho)) {
            return new RankCorrelation(n, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        // Fieller, Hartley and Pearson (1957): for Spearman's rho the Fisher-z standard error is
        // sqrt(1.06 / (n - 3)), a little wider than Pearson's 1 / sqrt(n - 3).
        double z = atanh(Math.max(-0.999999, Math.min(0.999999, rho)));
        double se = Math.sqrt(1.06 / (n - 3));
        double q = new NormalDistribution().inverseCumulativeProbability(0.975);
        double p;
        if (Math.abs(rho) >= 1) {
            p = 0;
        } else {
            double t = rho * Math.sqrt((n - 2) / (1 - rho * rho));
            // Both t tails at once: P(|T| > t) = I_{df / (df + t^2)}(df / 2, 1 / 2), without the 1 - CDF that rounds to 0.
            double df = n - 2;
            p = Beta.regularizedBeta(df / (df + t * t), df / 2, 0.5);
        }
        return new RankCorrelation(n, rho, Math.tanh(z - q * se), Math.tanh(z + q * se), p);
    }

    /** Ranks from 1, ties sharing the mean of the ranks they span; NaNs rank last, each on its own. */
    public static double[] ranks(double[] v) {
        boolean nan = false;
        for (double x : v) {
            nan |= Double.isNaN(x);
        }
        if (!nan) {
            return Stats.midRanks(v); // the same ranks by a radix sort, without a boxed index per value
        }
        Integer[] order = IntStream.range(0, v.length).boxed().toArray(Integer[]::new);
        Arrays.sort(order, Comparator.comparingDouble(i -> v[i]));
        double[] r = new double[v.length];
        int i = 0;
        while (i < order.length) {
            int j = i;
            while (j + 1 < order.length && v[order[j + 1]] == v[order[i]]) {
                j++;
            }
            double mean = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                r[order[k]] = mean;
            }
            i = j + 1;
        }
        return r;
    }

    static double pearson(double[] a, double[] b) {
        double ma = Arrays.stream(a).average().orElse(0);
        double mb = Arrays.stream(b).average().orElse(0);
        double sab = 0;
        double saa = 0;
        double sbb = 0;
        for (int i = 0; i < a.length; i++) {
            sab += (a[i] - ma) * (b[i] - mb);
            saa += (a[i] - ma) * (a[i] - ma);
            sbb += (b[i] - mb) * (b[i] - mb);
        }
        return saa == 0 || sbb == 0 ? Double.NaN : sab / Math.sqrt(saa * sbb);
    }

    static double atanh(double r) {
        return 0.5 * Math.log((1 + r) / (1 - r));
    }

    /** Whether the interval leaves out zero. */
    public boolean excludesZero() {
        return !Double.isNaN(rho) && (low > 0 || high < 0);
    }
}
