package savescope.metrics;

import java.util.ArrayList;
import java.util.List;
import org.apache.commons.math3.distribution.NormalDistribution;
import org.apache.commons.math3.distribution.TDistribution;

/**
 * Pearson, Spearman and Kendall (tau-b) correlations over the pairs where both values are present, each with
 * its n and a two-sided p-value, and the partial correlation controlling for a third variable.
 */
public final class Correlations {
    private Correlations() {}

    /**
     * A correlation coefficient with the number of pairs it used and its two-sided p-value; {@code r} and
     * {@code p} are NaN when it is undefined (fewer than three pairs, or a constant variable).
     */
    public record Correlation(double r, int n, double p) {}

    /**
     * A square matrix of one method's correlations between named variables.
     *
     * @param method {@code pearson}, {@code spearman} or {@code kendall}
     */
    public record Matrix(String method, List<String> names, Correlation[][] cells) {
        public Correlation get(String a, String b) {
            return cells[names.indexOf(a)][names.indexOf(b)];
        }
    }

    public static final String PEARSON = "pearson";
    public static final String SPEARMAN = "spearman";
    public static final String KENDALL = "kendall";

    /** Pearson's r with the t-test p-value on n − 2 degrees of freedom (commons-math3's test). */
    public static Correlation pearson(double[] x, double[] y) {
        double[][] xy = complete(x, y);
        return pearsonComplete(xy[0], xy[1]);
    }

    /** Spearman's rho: Pearson's r on mid-ranks; p-value from the t approximation on n − 2 df. */
    public static Correlation spearman(double[] x, double[] y) {
        double[][] xy = complete(x, y);
        return pearsonComplete(Stats.midRanks(xy[0]), Stats.midRanks(xy[1]));
    }

    /**
     * Kendall's tau-b, counting discordant pairs by merge sort in O(n log n) (Knight's method); the p-value is
     * the normal approximation to its tie-corrected null variance. Above {@link #KENDALL_MAX_N} complete pairs
     * it is computed on a seeded subsample of that size, and {@code n} says so.
     */
    public static Correlation kendall(double[] x, double[] y) {
        double[][] xy = subsample(complete(x, y));
        if (xy[0].length < 3) {
            return new Correlation(Double.NaN, xy[0].length, Double.NaN);
        }
        return kendallRanked(Stats.denseRanks(xy[0]), Stats.denseRanks(xy[1]));
    }

    /**
     * Kendall's tau uses at most this many pairs: above it, a seeded random subsample (same rows for every
     * pair of variables). Its standard error there is about 0.002, far under any difference worth reading.
     */
    public static final int KENDALL_MAX_N = 100_000;
    /** The seed of that subsample. */
    public static final long KENDALL_SEED = 7L;

    /** Rows to keep when n exceeds {@link #KENDALL_MAX_N}: a seeded partial shuffle, then original order. */
    static int[] kendallRows(int n) {
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(KENDALL_SEED);
        for (int i = 0; i < KENDALL_MAX_N; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] keep = java.util.Arrays.copyOf(pool, KENDALL_MAX_N);
        java.util.Arrays.sort(keep);
        return keep;
    }

    private static double[][] subsample(double[][] xy) {
        int n = xy[0].length;
        if (n <= KENDALL_MAX_N) {
            return xy;
        }
        int[] keep = kendallRows(n);
        double[] a = new double[keep.length];
        double[] b = new double[keep.length];
        for (int k = 0; k < keep.length; k++) {
            a[k] = xy[0][keep[k]];
            b[k] = xy[1][keep[k]];
        }
        return new double[][] {a, b};
    }

    /** Kendall's tau-b from the dense ranks of complete pairs. */
    private static Correlation kendallRanked(int[] ra, int[] rb) {
        int n = ra.length;
        if (n < 3) {
            return new Correlation(Double.NaN, n, Double.NaN);
        }
        // Sort by (a, b) as one long key built from dense ranks: a primitive sort, no index juggling.
        long[] keys = new long[n];
        for (int i = 0; i < n; i++) {
            keys[i] = (long) ra[i] * n + rb[i];
        }
        java.util.Arrays.sort(keys);
        int[] aSorted = new int[n];
        int[] bSorted = new int[n];
        for (int i = 0; i < n; i++) {
            aSorted[i] = (int) (keys[i] / n);
            bSorted[i] = (int) (keys[i] % n);
        }
        return kendallSorted(new int[][] {aSorted, bSorted});
    }

    /** Kendall's tau-b from rank pairs sorted by (a, b); sorts the b ranks in place while counting. */
    private static Correlation kendallSorted(int[][] sortedPairs) {
        int[] aSorted = sortedPairs[0];
        int[] bSorted = sortedPairs[1];
        int n = aSorted.length;
        if (n < 3) {
            return new Correlation(Double.NaN, n, Double.NaN);
        }
        long nPairs = (long) n * (n - 1) / 2;
        TieSums tiesA = ties(aSorted);
        long tiedBoth = 0;
        long run = 1;
        for (int i = 1; i < n; i++) {
            if (aSorted[i] == aSorted[i - 1] && bSorted[i] == bSorted[i - 1]) {
                run++;
            } else {
                tiedBoth += run * (run - 1) / 2;
                run = 1;
            }
        }
        tiedBoth += run * (run - 1) / 2;
        long swaps = countSwaps(bSorted);
        TieSums tiesB = ties(bSorted); // bSorted is now sorted ascending
        long n1 = tiesA.pairs;
        long n2 = tiesB.pairs;
        // concordant − discordant = pairs − ties in a − ties in b + ties in both − 2 × discordant
        double s = (double) nPairs - n1 - n2 + tiedBoth - 2.0 * swaps;
        double denom = Math.sqrt((double) (nPairs - n1) * (double) (nPairs - n2));
        if (denom == 0) {
            return new Correlation(Double.NaN, n, Double.NaN);
        }
        double tau = Math.max(-1, Math.min(1, s / denom));
        double nn = n;
        double var = (nn * (nn - 1) * (2 * nn + 5) - tiesA.v0 - tiesB.v0) / 18
                + tiesA.v1 * tiesB.v1 / (9 * nn * (nn - 1) * (nn - 2))
                + tiesA.v2 * tiesB.v2 / (2 * nn * (nn - 1));
        double p = var <= 0 ? Double.NaN
                : 2 * STANDARD_NORMAL.cumulativeProbability(-Math.abs(s) / Math.sqrt(var));
        return new Correlation(tau, n, p);
    }

    private static final NormalDistribution STANDARD_NORMAL = new NormalDistribution(null, 0, 1);

    /**
     * The partial correlation of x and y controlling for z: Pearson on the three variables, combined by the
     * first-order formula; p-value from the t-test on n − 3 df.
     */
    public static Correlation partial(double[] x, double[] y, double[] z) {
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i]) && !Double.isNaN(z[i])) {
                n++;
            }
        }
        double[] xs = x;
        double[] ys = y;
        double[] zs = z;
        if (n < x.length) { // only the complete rows; where every row is complete, the columns themselves
            xs = new double[n];
            ys = new double[n];
            zs = new double[n];
            int k = 0;
            for (int i = 0; i < x.length; i++) {
                if (!Double.isNaN(x[i]) && !Double.isNaN(y[i]) && !Double.isNaN(z[i])) {
                    xs[k] = x[i];
                    ys[k] = y[i];
                    zs[k++] = z[i];
                }
            }
        }
        if (n < 4) {
            return new Correlation(Double.NaN, n, Double.NaN);
        }
        double rxy = pearsonR(xs, ys);
        double rxz = pearsonR(xs, zs);
        double ryz = pearsonR(ys, zs);
        double denom = Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
        if (!(denom > 0)) {
            return new Correlation(Double.NaN, n, Double.NaN);
        }
        double r = Math.max(-1, Math.min(1, (rxy - rxz * ryz) / denom));
        return new Correlation(r, n, tTestP(r, n - 3));
    }

    /** log(1 + v) of each value (NaN stays NaN), so counts spanning decades can be correlated linearly. */
    public static double[] log1p(double[] values) {
        double[] out = new double[values.length];
        // Counts repeat small whole numbers (likes, comments, shares) many times over a big export: each
        // small whole number's logarithm is worked out once. Same function, same argument, same result.
        double[] small = values.length > LOG_TABLE ? new double[LOG_TABLE] : null;
        if (small != null) {
            java.util.Arrays.fill(small, Double.NaN);
        }
        for (int i = 0; i < out.length; i++) {
            double v = values[i];
            if (v < 0) {
                out[i] = Double.NaN;
            } else if (small != null && v < LOG_TABLE && v == (int) v && (v != 0 || 1 / v > 0)) { // not -0.0
                double known = small[(int) v];
                if (Double.isNaN(known)) {
                    known = Math.log1p(v);
                    small[(int) v] = known;
                }
                out[i] = known;
            } else {
                out[i] = Math.log1p(v);
            }
        }
        return out;
    }

    private static final int LOG_TABLE = 1 << 16;

    /**
     * The matrix of one method between every pair of variables.
     *
     * @param method one of {@link #PEARSON}, {@link #SPEARMAN}, {@link #KENDALL}
     */
    public static Matrix matrix(String method, List<String> names, List<double[]> columns) {
        if (!List.of(PEARSON, SPEARMAN, KENDALL).contains(method)) {
            throw new IllegalArgumentException("unknown correlation method " + method);
        }
        return new Prepared(columns).matrix(method, names);
    }

    /**
     * The Pearson, Spearman and Kendall matrices, in that order, over the same variables: each variable's
     * complete rows, mean and ranks are found once for all three (the same numbers as {@link #matrix}).
     */
    public static List<Matrix> matrices(List<String> names, List<double[]> columns) {
        Prepared prepared = new Prepared(columns);
        int rows = columns.isEmpty() ? 0 : columns.get(0).length;
        if (rows < SIDE_BY_SIDE_ROWS) {
            return List.of(prepared.matrix(PEARSON, names), prepared.matrix(SPEARMAN, names),
                    prepared.matrix(KENDALL, names));
        }
        // At a million videos the matrices were the report's longest single task, its last half a second with
        // one core idle. On two threads: Kendall's matrix, beside each variable's mid-ranks (the costly part of
        // Spearman's) and Pearson's matrix; then Spearman's cells from those ranks. Each task fills only its own
        // slots of what the cells share, and the subsets all of them read are made before they start.
        for (int k = 0; k < columns.size(); k++) {
            prepared.subset(k);
        }
        Matrix[] made = new Matrix[3];
        List<Runnable> tasks = new ArrayList<>();
        tasks.add(() -> made[2] = prepared.matrix(KENDALL, names));
        for (int k = 0; k < columns.size(); k++) {
            int variable = k;
            if (prepared.everyPairComplete(variable)) {
                tasks.add(() -> prepared.midRanks(variable));
            }
        }
        tasks.add(() -> made[0] = prepared.matrix(PEARSON, names));
        savescope.Parallel.forEachIndex(tasks.size(), 2, "savescope-correlations", i -> tasks.get(i).run());
        made[1] = prepared.matrix(SPEARMAN, names);
        return List.of(made);
    }

    /** Below this many rows the three matrices are made one after another: a second thread costs more than it saves. */
    static final int SIDE_BY_SIDE_ROWS = 20_000;

    /**
     * Per-variable work the cells share. Ranks are the costly part at a million rows: pairs whose complete
     * rows are exactly the rows where every variable is present (the usual case) use the values, means and
     * ranks of those rows, computed once per variable.
     */
    private static final class Prepared {
        private final List<double[]> columns;
        private final long[][] presence;
        private final long[] allPresent;
        private final int nAll;
        private final double[][] subset;
        private final double[] subsetMean;
        private final double[][] midRanks;
        /** The mean of each variable's mid-ranks, worked out once for its five Spearman cells. */
        private final double[] midRankMean;
        private int[] kendallKeep;
        private final int[][] denseRanks;
        /** Per variable: rows of its Kendall sample in order of dense rank, and where each rank starts. */
        private final int[][] rowsByRank;
        private final int[][] rankStart;

        Prepared(List<double[]> columns) {
            this.columns = columns;
            int m = columns.size();
            int rows = columns.isEmpty() ? 0 : columns.get(0).length;
            presence = new long[m][];
            allPresent = new long[(rows + 63) >>> 6];
            java.util.Arrays.fill(allPresent, -1L);
            for (int k = 0; k < m; k++) {
                presence[k] = presence(columns.get(k));
                for (int w = 0; w < allPresent.length; w++) {
                    allPresent[w] &= presence[k][w];
                }
            }
            if (rows % 64 != 0) {
                allPresent[allPresent.length - 1] &= (1L << rows) - 1; // no rows past the end
            }
            nAll = pairCount(allPresent, allPresent);
            subset = new double[m][];
            subsetMean = new double[m];
            midRanks = new double[m][];
            midRankMean = new double[m];
            denseRanks = new int[m][];
            rowsByRank = new int[m][];
            rankStart = new int[m][];
        }

        Matrix matrix(String method, List<String> names) {
            int m = names.size();
            Correlation[][] cells = new Correlation[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    Correlation c = cell(method, i, j);
                    cells[i][j] = c;
                    cells[j][i] = c;
                }
            }
            return new Matrix(method, List.copyOf(names), cells);
        }

        private Correlation cell(String method, int i, int j) {
            double[] x = columns.get(i);
            double[] y = columns.get(j);
            if (pairCount(presence[i], presence[j]) != nAll || nAll < 3) {
                return switch (method) {
                    case PEARSON -> pearson(x, y);
                    case SPEARMAN -> spearman(x, y);
                    default -> kendall(x, y);
                };
            }
            if (method.equals(PEARSON)) {
                // The pair's complete rows are the shared subset: the same arrays and means as pearson(x, y).
                return pearsonOn(subset(i), subset(j), subsetMean[i], subsetMean[j]);
            }
            if (method.equals(SPEARMAN)) {
                // As pearsonComplete(midRanks(i), midRanks(j)), each mean computed once rather than once a pair.
                double[] ri = midRanks(i);
                double[] rj = midRanks(j);
                return ri.length < 3 ? new Correlation(Double.NaN, ri.length, Double.NaN)
                        : pearsonOn(ri, rj, midRankMean[i], midRankMean[j]);
            }
            kendallRanks(i);
            kendallRanks(j);
            return kendallSorted(sortedByRanks(i, j));
        }

        /**
         * Whether variable {@code k} is present exactly where every variable is: then each of its pairs uses the
         * shared subset and ranks.
         */
        boolean everyPairComplete(int k) {
            return pairCount(presence[k], presence[k]) == nAll && nAll >= 3;
        }

        private double[] subset(int k) {
            if (subset[k] == null) {
                // Nothing is ever written to a subset: with every row complete the column itself serves.
                double[] column = columns.get(k);
                subset[k] = nAll == column.length ? column : select(column, allPresent, nAll);
                subsetMean[k] = Stats.mean(subset[k]);
            }
            return subset[k];
        }

        private double[] midRanks(int k) {
            if (midRanks[k] == null) {
                double[] ranks = Stats.midRanks(subset(k));
                midRankMean[k] = Stats.mean(ranks);
                midRanks[k] = ranks;
            }
            return midRanks[k];
        }

        /**
         * Dense ranks of the rows Kendall's tau uses (all complete rows, or the seeded sample of them), and
         * those rows bucketed by rank.
         */
        private void kendallRanks(int k) {
            if (denseRanks[k] != null) {
                return;
            }
            double[] s = subset(k);
            if (nAll > KENDALL_MAX_N) {
                if (kendallKeep == null) {
                    kendallKeep = kendallRows(nAll);
                }
                int[] keep = kendallKeep;
                double[] all = s;
                s = new double[keep.length];
                for (int q = 0; q < keep.length; q++) {
                    s[q] = all[keep[q]];
                }
            }
            int[] ranks = Stats.denseRanks(s);
            int distinct = 0;
            for (int r : ranks) {
                distinct = Math.max(distinct, r + 1);
            }
            int[] start = new int[distinct + 1];
            for (int r : ranks) {
                start[r + 1]++;
            }
            for (int r = 0; r < distinct; r++) {
                start[r + 1] += start[r];
            }
            int[] at = java.util.Arrays.copyOf(start, distinct);
            int[] rows = new int[ranks.length];
            for (int q = 0; q < ranks.length; q++) {
                rows[at[ranks[q]]++] = q;
            }
            denseRanks[k] = ranks;
            rowsByRank[k] = rows;
            rankStart[k] = start;
        }

        /**
         * The sample's rank pairs sorted by (rank in i, rank in j): rows taken in order of their rank in j,
         * then placed stably by their rank in i, a linear bucket pass instead of a sort per pair.
         */
        private int[][] sortedByRanks(int i, int j) {
            int[] ra = denseRanks[i];
            int[] rb = denseRanks[j];
            int n = ra.length;
            int[] at = java.util.Arrays.copyOf(rankStart[i], rankStart[i].length - 1);
            int[] aSorted = new int[n];
            int[] bSorted = new int[n];
            for (int q : rowsByRank[j]) {
                int p = at[ra[q]]++;
                aSorted[p] = ra[q];
                bSorted[p] = rb[q];
            }
            return new int[][] {aSorted, bSorted};
        }
    }

    /** One bit per row, set where the value is present: pairs are then counted 64 rows at a time. */
    private static long[] presence(double[] values) {
        long[] bits = new long[(values.length + 63) >>> 6];
        for (int i = 0; i < values.length; i++) {
            if (!Double.isNaN(values[i])) {
                bits[i >>> 6] |= 1L << i;
            }
        }
        return bits;
    }

    private static int pairCount(long[] x, long[] y) {
        int n = 0;
        for (int w = 0; w < x.length; w++) {
            n += Long.bitCount(x[w] & y[w]);
        }
        return n;
    }

    private static double[] select(double[] values, long[] keep, int count) {
        double[] out = new double[count];
        int k = 0;
        // A word at a time: whole runs of 64 kept rows are one copy, others visit only their set bits.
        for (int w = 0; w < keep.length; w++) {
            long bits = keep[w];
            int base = w << 6;
            if (bits == -1L && base + 64 <= values.length) {
                System.arraycopy(values, base, out, k, 64);
                k += 64;
                continue;
            }
            while (bits != 0) {
                out[k++] = values[base + Long.numberOfTrailingZeros(bits)];
                bits &= bits - 1;
            }
        }
        return out;
    }

    private static Correlation pearsonComplete(double[] x, double[] y) {
        return x.length < 3 ? new Correlation(Double.NaN, x.length, Double.NaN)
                : pearsonOn(x, y, Stats.mean(x), Stats.mean(y));
    }

    /** {@link #pearsonComplete} with the means already known. */
    private static Correlation pearsonOn(double[] x, double[] y, double mx, double my) {
        int n = x.length;
        if (n < 3) {
            return new Correlation(Double.NaN, n, Double.NaN);
        }
        double r = pearsonR(x, y, mx, my);
        return Double.isNaN(r) ? new Correlation(Double.NaN, n, Double.NaN) : new Correlation(r, n, tTestP(r, n - 2));
    }

    /** Pearson's r by two-pass centred sums (numerically safer than the one-pass formula). */
    static double pearsonR(double[] x, double[] y) {
        return pearsonR(x, y, Stats.mean(x), Stats.mean(y));
    }

    private static double pearsonR(double[] x, double[] y, double mx, double my) {
        int n = x.length;
        double sxy = 0, sxx = 0, syy = 0;
        for (int i = 0; i < n; i++) {
            double dx = x[i] - mx;
            double dy = y[i] - my;
            sxy += dx * dy;
            sxx += dx * dx;
            syy += dy * dy;
        }
        if (sxx == 0 || syy == 0) {
            return Double.NaN;
        }
        return Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
    }

    /** Two-sided p of r under the null of no correlation: t = r √(df / (1 − r²)) on df degrees of freedom. */
    static double tTestP(double r, int df) {
        if (df < 1) {
            return Double.NaN;
        }
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double t = Math.abs(r) * Math.sqrt(df / (1 - r * r));
        return 2 * new TDistribution(null, df).cumulativeProbability(-t);
    }

    /** The pairs where both values are present. */
    static double[][] complete(double[] x, double[] y) {
        if (x.length != y.length) {
            throw new IllegalArgumentException("columns differ in length: " + x.length + " and " + y.length);
        }
        int n = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                n++;
            }
        }
        if (n == x.length) {
            return new double[][] {x, y};
        }
        double[] a = new double[n];
        double[] b = new double[n];
        int k = 0;
        for (int i = 0; i < x.length; i++) {
            if (!Double.isNaN(x[i]) && !Double.isNaN(y[i])) {
                a[k] = x[i];
                b[k++] = y[i];
            }
        }
        return new double[][] {a, b};
    }

    /** Sums over runs of tied values t: pairs Σt(t−1)/2, and the terms of Kendall's tie-corrected variance. */
    private record TieSums(long pairs, double v0, double v1, double v2) {}

    private static TieSums ties(int[] sorted) {
        long pairs = 0;
        double v0 = 0, v1 = 0, v2 = 0;
        int i = 0;
        while (i < sorted.length) {
            int j = i;
            while (j + 1 < sorted.length && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double t = j - i + 1;
            pairs += (long) t * ((long) t - 1) / 2;
            v0 += t * (t - 1) * (2 * t + 5);
            v1 += t * (t - 1) * (t - 2);
            v2 += t * (t - 1);
            i = j + 1;
        }
        return new TieSums(pairs, v0, v1, v2);
    }

    /** Sorts {@code v} ascending in place by merge sort and returns how many inversions it removed. */
    private static long countSwaps(int[] v) {
        int[] tmp = new int[v.length];
        return mergeCount(v, tmp, 0, v.length);
    }

    /** Below this many values a range is sorted by insertion, counting each step, instead of split further. */
    private static final int INSERTION_RUN = 24;

    private static long mergeCount(int[] v, int[] tmp, int from, int to) {
        if (to - from <= INSERTION_RUN) {
            long swaps = 0;
            for (int i = from + 1; i < to; i++) {
                int x = v[i];
                int j = i;
                while (j > from && v[j - 1] > x) {
                    v[j] = v[j - 1];
                    j--;
                }
                v[j] = x;
                swaps += i - j; // x passed over exactly the earlier values greater than it: its inversions
            }
            return swaps;
        }
        int mid = (from + to) >>> 1;
        long swaps = mergeCount(v, tmp, from, mid) + mergeCount(v, tmp, mid, to);
        if (v[mid - 1] <= v[mid]) {
            return swaps;
        }
        System.arraycopy(v, from, tmp, from, to - from);
        int i = from, j = mid, k = from;
        while (i < mid && j < to) {
            if (tmp[j] < tmp[i]) {
                swaps += mid - i;
                v[k++] = tmp[j++];
            } else {
                v[k++] = tmp[i++];
            }
        }
        while (i < mid) {
            v[k++] = tmp[i++];
        }
        while (j < to) {
            v[k++] = tmp[j++];
        }
        return swaps;
    }
}
