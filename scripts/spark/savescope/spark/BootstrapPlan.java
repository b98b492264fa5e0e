package savescope.spark;

import java.util.Arrays;
import java.util.Map;
import java.util.Set;
import org.apache.commons.math3.distribution.BetaDistribution;
import org.apache.commons.math3.random.RandomGenerator;
import org.apache.commons.math3.random.Well19937c;
import savescope.metrics.Intervals;
import savescope.metrics.Intervals.Interval;
import savescope.metrics.Stats;

/**
 * The seeded bootstrap interval of a median ({@link Intervals#bootstrapMedianSorted}) without the values at
 * the driver. Each resample's median is an order statistic at a random position, and those positions depend
 * only on the count and the seed: they are drawn here exactly as the local engine draws them, the values at
 * them are fetched from the sorted data, and the interval is the local one to the last bit.
 *
 * @param n how many values
 * @param first the position of each resample's median (its lower middle for an even count)
 * @param second the upper middle for an even count, else null
 */
record BootstrapPlan(long n, int[] first, int[] second) {

    static BootstrapPlan draw(int n) {
        return draw(n, 0.95, Intervals.BOOTSTRAP_RESAMPLES, Intervals.DEFAULT_SEED);
    }

    static BootstrapPlan draw(int n, double level, int resamples, long seed) {
        RandomGenerator rng = new Well19937c(seed);
        int k = (n + 1) / 2;
        BetaDistribution kth = new BetaDistribution(rng, k, n - k + 1);
        BetaDistribution nextGap = n % 2 == 0 ? new BetaDistribution(rng, 1, n - k) : null;
        int[] first = new int[resamples];
        int[] second = nextGap == null ? null : new int[resamples];
        for (int r = 0; r < resamples; r++) {
            double u = kth.sample();
            first[r] = index(u, n);
            if (nextGap != null) {
                double u2 = u + (1 - u) * nextGap.sample();
                second[r] = index(u2, n);
            }
        }
        return new BootstrapPlan(n, first, second);
    }

    private static int index(double u, int n) {
        return Math.min(n - 1, (int) Math.floor(u * n));
    }

    void positions(long offset, Set<Long> into) {
        for (int p : first) {
            into.add(offset + p);
        }
        if (second != null) {
            for (int p : second) {
                into.add(offset + p);
            }
        }
    }

    Interval interval(Map<Long, Double> values, long offset) {
        double[] medians = new double[first.length];
        for (int r = 0; r < first.length; r++) {
            double m = values.get(offset + first[r]);
            if (second != null) {
                m = (m + values.get(offset + second[r])) / 2;
            }
            medians[r] = m;
        }
        Arrays.sort(medians);
        double tail = (1 - 0.95) / 2;
        return new Interval(Stats.quantileSorted(medians, tail), Stats.quantileSorted(medians, 1 - tail));
    }
}
