package savescope.metrics;

import java.math.BigDecimal;
import java.util.Arrays;

/**
 * Per-video save rates counted in bins of one round width, from 0 up; the last bin also holds the long tail.
 *
 * @param widthPercent the width of a bin in percentage points (0.05, 0.1, 0.25, …)
 * @param counts videos per bin, lowest first
 * @param videos the number of videos counted
 */
public record Histogram(BigDecimal widthPercent, long[] counts, long videos) {

    public Histogram {
        counts = counts.clone();
    }

    @Override
    public long[] counts() {
        return counts.clone();
    }

    /**
     * Bins of a round width (0.05%, 0.1%, 0.25%, …) from 0 to about the 99th percentile of {@code rates}; about
     * {@code maxBins} bins at most, fewer for few videos (Rice's rule, 2·n^⅓, at least 5).
     *
     * @param rates per-video save rates as ratios (0.012 = 1.2%); not changed
     */
    public static Histogram ofRates(double[] rates, int maxBins) {
        int bins = Math.min(maxBins, Math.max(5, (int) Math.ceil(2 * Math.cbrt(rates.length))));
        double topPercent = 100 * (rates.length == 0 ? 0.05
                : Math.max(kthSmallest(rates.clone(), (int) Math.floor(0.99 * (rates.length - 1))), 1e-4));
        BigDecimal width = niceStep(topPercent / bins);
        int count = Math.max(1, (int) Math.ceil(topPercent / width.doubleValue()));
        long[] counts = new long[count];
        for (double r : rates) {
            counts[binOf(r, width, count)]++;
        }
        return new Histogram(width, counts, rates.length);
    }

    /** The bin of a rate: the epsilon keeps a rate on a bin edge (0.3% / 0.1 = 2.9999…) in the bin it starts. */
    public static int binOf(double rate, BigDecimal widthPercent, int bins) {
        int bin = (int) Math.floor(100 * rate / widthPercent.doubleValue() + 1e-9);
        return Math.max(0, Math.min(bins - 1, bin));
    }

    /**
     * The k-th smallest value (0-based) of {@code a}, which it reorders: Hoare's selection, linear on average,
     * where sorting a million rates only to read one would cost n log n.
     */
    public static double kthSmallest(double[] a, int k) {
        int lo = 0;
        int hi = a.length - 1;
        while (lo < hi) {
            // Median of three as the pivot, so sorted input does not make it quadratic.
            int mid = (lo + hi) >>> 1;
            double pivot = medianOf(a[lo], a[mid], a[hi]);
            int i = lo;
            int j = hi;
            while (i <= j) {
                while (Double.compare(a[i], pivot) < 0) {
                    i++;
                }
                while (Double.compare(a[j], pivot) > 0) {
                    j--;
                }
                if (i <= j) {
                    double t = a[i];
                    a[i++] = a[j];
                    a[j--] = t;
                }
            }
            if (k <= j) {
                hi = j;
            } else if (k >= i) {
                lo = i;
            } else {
                return a[k];
            }
        }
        return a[k];
    }

    private static double medianOf(double x, double y, double z) {
        return Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
    }

    /** The round step (1, 2, 2.5 or 5 times a power of ten) nearest above {@code raw}. */
    public static BigDecimal niceStep(double raw) {
        double power = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * power >= raw * 0.999) {
                return new BigDecimal(Double.toString(m)).multiply(new BigDecimal(Double.toString(power)))
                        .stripTrailingZeros();
            }
        }
        return BigDecimal.TEN.multiply(new BigDecimal(Double.toString(power)));
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Histogram h && widthPercent.equals(h.widthPercent) && Arrays.equals(counts, h.counts)
                && videos == h.videos;
    }

    @Override
    public int hashCode() {
        return 31 * (31 * widthPercent.hashCode() + Arrays.hashCode(counts)) + Long.hashCode(videos);
    }

    @Override
    public String toString() {
        return "Histogram[widthPercent=" + widthPercent + ", counts=" + Arrays.toString(counts) + ", videos=" + videos + "]";
    }
}
