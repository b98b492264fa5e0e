package savescope.metrics;

import java.util.Arrays;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;

/** Confidence intervals: Wilson's for a proportion, and a seeded bootstrap for a median. */
public final class Intervals {
    /** The z value of a two-sided 95% interval. */
    public static final double Z95 = 1.959963984540054;
    /** Bootstrap resamples per interval. */
    public static final int BOOTSTRAP_RESAMPLES = 2000;
    /** The seed every report uses, so the same input always gives the same intervals. */
    public static final long DEFAULT_SEED = 20240917L;

    /** A two-sided interval. */
    public record Interval(double low, double high) {
        public boolean overlaps(Interval other) {
            return low <= other.high && other.low <= high;
        }
    }

    private Intervals() {}

    /**
     * The Wilson score interval for {@code successes} out of {@code trials}; null when there are no trials, or
     * more successes than trials (saves above views: not a proportion, so there is no interval to give).
     * It stays inside [0, 1] and behaves at rates near zero, where the plain normal interval does not.
     */
    public static Interval wilson(long successes, long trials, double z) {
        if (trials <= 0 || successes < 0 || successes > trials) {
            return null;
        }
        double n = trials;
        double p = successes / n;
        double z2 = z * z;
        double centre = (p + z2 / (2 * n)) / (1 + z2 / n);
        double half = z / (1 + z2 / n) * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
    }

    /**
     * A percentile bootstrap interval for the median of {@code values}; null when there are none.
     *
     * <p>A resample's median is an order statistic of the sorted data at a random position, and the k-th
     * smallest of n uniform draws follows Beta(k, n − k + 1). Drawing that position directly gives exactly
     * the distribution of resampling n values, at a cost that does not grow with n.
     *
     * @param level the coverage, e.g. 0.95
     * @param seed the random seed (same seed, same interval)
     */
    public static Interval bootstrapMedian(double[] values, double level, int resamples, long seed) {
        if (values.length == 0) {
            return null;
        }
        double[] sorted = values.clone();
        Stats.sort(sorted);
        return bootstrapMedianSorted(sorted, level, resamples, seed);
    }

    /** {@link #bootstrapMedian} of values already sorted ascending (saves a sort on big groups). */
    public static Interval bootstrapMedianSorted(double[] sorted, double level, int resamples, long seed) {
        int n = sorted.length;
        if (n == 0) {
            return null;
        }
        RandomGenerator rng = new Well19937c(seed);
        double[] medians = new double[resamples];
        int k = (n + 1) / 2;
        BetaDistribution kth = new BetaDistribution(rng, k, n - k + 1);
        BetaDistribution nextGap = n % 2 == 0 ? new BetaDistribution(rng, 1, n - k) : null;
        for (int r = 0; r < resamples; r++) {
            double u = kth.sample();
            double median = sorted[index(u, n)];
            if (nextGap != null) {
                // The next order statistic: the smallest of the n − k draws above u.
                double u2 = u + (1 - u) * nextGap.sample();
                median = (median + sorted[index(u2, n)]) / 2;
            }
            medians[r] = median;
        }
        Arrays.sort(medians);
        double tail = (1 - level) / 2;
        return new Interval(Stats.quantileSorted(medians, tail), Stats.quantileSorted(medians, 1 - tail));
    }

    /** The default 95% bootstrap interval of the median with the report's fixed seed. */
    public static Interval bootstrapMedian(double[] values) {
        return bootstrapMedian(values, 0.95, BOOTSTRAP_RESAMPLES, DEFAULT_SEED);
    }

    private static int index(double u, int n) {
        return Math.min(n - 1, (int) Math.floor(u * n));
    }
}
