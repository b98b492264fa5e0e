package savescope.metrics;

import java.util.Arrays;

/** Small numeric building blocks shared by the metrics: quantiles, means, mid-ranks, skewness. */
public final class Stats {
    private Stats() {}

    /** The q-quantile by linear interpolation between order statistics (NumPy's default, R type 7). */
    public static double quantile(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileSorted(sorted, q);
    }

    /** {@link #quantile} of values already sorted ascending. */
    public static double quantileSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        double pos = q * (sorted.length - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (pos - lo);
    }

    public static double mean(double[] values) {
        double s = 0;
        for (double v : values) {
            s += v;
        }
        return s / values.length;
    }

    /**
     * Ranks 1..n with tied values sharing the mean of their ranks, as Spearman's correlation and the
     * Kruskal–Wallis test need. Sorting a copy and binary-searching each value keeps memory access sequential,
     * which matters at a million values.
     */
    public static double[] midRanks(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] ranks = new double[values.length];
        for (int i = 0; i < values.length; i++) {
            int first = firstIndexOf(sorted, values[i]);
            int last = firstIndexAbove(sorted, values[i]) - 1;
            ranks[i] = (first + last) / 2.0 + 1;
        }
        return ranks;
    }

    /** Dense ranks 0..(distinct values − 1): equal values share a rank, with no gaps. */
    public static int[] denseRanks(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int distinct = 0;
        for (int i = 0; i < sorted.length; i++) {
            if (i == 0 || sorted[i] != sorted[distinct - 1]) {
                sorted[distinct++] = sorted[i];
            }
        }
        double[] unique = Arrays.copyOf(sorted, distinct);
        int[] ranks = new int[values.length];
        for (int i = 0; i < values.length; i++) {
            ranks[i] = Arrays.binarySearch(unique, values[i]);
        }
        return ranks;
    }

    /** The first index whose value is {@code >= v} in an ascending array. */
    private static int firstIndexOf(double[] sorted, double v) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] < v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** The first index whose value is {@code > v} in an ascending array. */
    private static int firstIndexAbove(double[] sorted, double v) {
        int lo = 0, hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= v) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    /** Indexes of {@code values} in ascending order of value (stable), without boxing. */
    static int[] sortedOrder(double[] values) {
        int n = values.length;
        // Sort (value, index) pairs packed as a key array and a parallel index array via a merge sort.
        int[] idx = new int[n];
        for (int i = 0; i < n; i++) {
            idx[i] = i;
        }
        int[] tmp = new int[n];
        mergeSort(idx, tmp, 0, n, values);
        return idx;
    }

    private static void mergeSort(int[] a, int[] tmp, int from, int to, double[] key) {
        if (to - from < 24) {
            for (int i = from + 1; i < to; i++) {
                int x = a[i];
                int j = i - 1;
                while (j >= from && key[a[j]] > key[x]) {
                    a[j + 1] = a[j];
                    j--;
                }
                a[j + 1] = x;
            }
            return;
        }
        int mid = (from + to) >>> 1;
        mergeSort(a, tmp, from, mid, key);
        mergeSort(a, tmp, mid, to, key);
        if (key[a[mid - 1]] <= key[a[mid]]) {
            return;
        }
        System.arraycopy(a, from, tmp, from, to - from);
        int i = from, j = mid, k = from;
        while (i < mid && j < to) {
            a[k++] = key[tmp[j]] < key[tmp[i]] ? tmp[j++] : tmp[i++];
        }
        while (i < mid) {
            a[k++] = tmp[i++];
        }
        while (j < to) {
            a[k++] = tmp[j++];
        }
    }

    /** Sample skewness (the adjusted Fisher–Pearson coefficient G1, as spreadsheets and pandas give it). */
    public static double skewness(double[] values) {
        int n = values.length;
        if (n < 3) {
            return Double.NaN;
        }
        double m = mean(values);
        double m2 = 0, m3 = 0;
        for (double v : values) {
            double d = v - m;
            m2 += d * d;
            m3 += d * d * d;
        }
        m2 /= n;
        m3 /= n;
        if (m2 == 0) {
            return Double.NaN;
        }
        double g1 = m3 / Math.pow(m2, 1.5);
        return g1 * Math.sqrt((double) n * (n - 1)) / (n - 2);
    }
}
