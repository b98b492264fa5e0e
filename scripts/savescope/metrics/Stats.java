package savescope.metrics;

import java.util.Arrays;

/** Small numeric building blocks shared by the metrics: quantiles, means, mid-ranks, skewness. */
public final class Stats {
    private Stats() {}

    /** The q-quantile by linear interpolation between order statistics (NumPy's default, R type 7). */
    public static double quantile(double[] values, double q) {
        int n = values.length;
        if (n < SELECT_MIN) {
            return quantileBySort(values, q);
        }
        // Only the one or two order statistics around q matter: select them in linear time rather than sort
        // a million values. Keys order the doubles exactly as Arrays.sort does (-0.0 before 0.0), so the
        // values picked are bit for bit the ones a sort would put there.
        for (double v : values) {
            if (Double.isNaN(v)) {
                return quantileBySort(values, q);
            }
        }
        Scratch s = Scratch.take(n);
        try {
            return quantileOfKeys(values, q, s.keys);
        } finally {
            Scratch.give(s);
        }
    }

    /** {@link #quantile} of values without NaN, selecting in {@code keys} (at least as long as the values). */
    private static double quantileOfKeys(double[] values, double q, long[] keys) {
        int n = values.length;
        for (int i = 0; i < n; i++) {
            long bits = Double.doubleToRawLongBits(values[i]);
            keys[i] = bits ^ ((bits >> 63) & Long.MAX_VALUE);
        }
        double pos = q * (n - 1);
        int lo = (int) Math.floor(pos);
        int hi = (int) Math.ceil(pos);
        long low = select(keys, n, lo);
        long high = low;
        if (hi > lo) {
            // select leaves every later key at or above the chosen one: the next order statistic is their least.
            high = keys[lo + 1];
            for (int i = lo + 2; i < n; i++) {
                high = Math.min(high, keys[i]);
            }
        }
        double a = fromKey(low);
        double b = fromKey(high);
        return a + (b - a) * (pos - lo);
    }

    /** Below this many values {@link Arrays#sort} is as quick as {@link #sort}'s radix passes. */
    static final int RADIX_SORT_MIN = 4096;

    /**
     * Sorts {@code a} ascending in the order {@link Arrays#sort} gives (-0.0 before 0.0, NaNs last): large arrays
     * by an LSD radix sort on the values' order-preserving bit patterns, linear in n, which at a million values
     * took a third of the time of the library's sort as this JVM runs it (compiled by C1 only).
     */
    public static void sort(double[] a) {
        int n = a.length;
        if (n < RADIX_SORT_MIN) {
            Arrays.sort(a);
            return;
        }
        Scratch s = Scratch.take(n);
        try {
            long[] keys = s.keys;
            for (int i = 0; i < n; i++) {
                long bits = Double.doubleToLongBits(a[i]); // every NaN as the one NaN, which sorts after +Infinity
                keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE); // unsigned order of the keys = order of the values
            }
            s.passes(n, false, -1L);
            keys = s.keys;
            for (int i = 0; i < n; i++) {
                long k = keys[i];
                a[i] = Double.longBitsToDouble(k < 0 ? k ^ Long.MIN_VALUE : ~k);
            }
        } finally {
            Scratch.give(s);
        }
    }

    /**
     * One pass of an LSD radix sort on 16-bit digits: fills {@code count} with where the keys of each digit at
     * {@code shift} start in the pass's output; false when every key has the same digit there (the pass would
     * move nothing, and is skipped).
     */
    private static boolean digitStarts(long[] keys, int n, int shift, int[] count) {
        Arrays.fill(count, 0);
        for (int i = 0; i < n; i++) {
            count[(int) (keys[i] >>> shift) & 0xFFFF]++;
        }
        if (n == 0 || count[(int) (keys[0] >>> shift) & 0xFFFF] == n) {
            return false;
        }
        int sum = 0;
        for (int d = 0; d < count.length; d++) {
            int c = count[d];
            count[d] = sum;
            sum += c;
        }
        return true;
    }

    /**
     * The arrays of the radix passes: keys and, where an order is wanted, the indexes they carry, each with a
     * spare to pass into. A report at a million videos ranked some fifteen columns, each sort making four arrays
     * of 24 MB in all and dropping them tens of milliseconds later; the young collections met them half-used
     * on the other metrics thread, copied them into the old generation, and full collections then had to find
     * them there. Sets are now handed out and given back, so a run makes about as many as it has threads sorting
     * at once (the threads themselves are new for each group of sections and each correlation matrix, so sets
     * kept per thread were made again for each: some 190 MB at a million videos), each grown to the largest
     * column it sorted.
     */
    private static final class Scratch {
        /** Sets not in use, each behind a soft reference (memory the heap can take back); at most one per thread at work. */
        private static final java.util.concurrent.ConcurrentLinkedDeque<java.lang.ref.SoftReference<Scratch>> FREE =
                new java.util.concurrent.ConcurrentLinkedDeque<>();

        long[] keys;
        long[] spareKeys;
        int[] order;
        int[] spareOrder;
        final int[] count = new int[1 << 16];

        Scratch(int n) {
            keys = new long[n];
            spareKeys = new long[n];
            order = new int[n];
            spareOrder = new int[n];
        }

        /**
         * A set of at least {@code n} entries for the caller alone until it {@link #give gives} it back: a free
         * one where one is large enough (a smaller one is dropped, so it can go before the larger one is made).
         */
        static Scratch take(int n) {
            for (java.lang.ref.SoftReference<Scratch> ref = FREE.pollFirst(); ref != null; ref = FREE.pollFirst()) {
                Scratch s = ref.get();
                if (s != null && s.keys.length >= n) {
                    return s;
                }
            }
            return new Scratch(n);
        }

        /** Returns a set {@link #take} handed out; its arrays' contents are then anyone's. */
        static void give(Scratch s) {
            FREE.offerFirst(new java.lang.ref.SoftReference<>(s));
        }

        /**
         * Sorts {@code keys[0..n)} as unsigned numbers, stably, four 16-bit digits from the lowest, moving
         * {@code order[0..n)} along when {@code withOrder}; both end in {@code keys} and {@code order}. No key has a
         * bit that {@code any} lacks: digits above its highest bit are zero in every key, and not even counted.
         */
        void passes(int n, boolean withOrder, long any) {
            for (int shift = 0; shift < 64 && (any >>> shift) != 0; shift += 16) {
                if (!digitStarts(keys, n, shift, count)) {
                    continue;
                }
                long[] from = keys;
                long[] to = spareKeys;
                if (withOrder) {
                    int[] fromOrder = order;
                    int[] toOrder = spareOrder;
                    for (int i = 0; i < n; i++) {
                        int at = count[(int) (from[i] >>> shift) & 0xFFFF]++;
                        to[at] = from[i];
                        toOrder[at] = fromOrder[i];
                    }
                    order = toOrder;
                    spareOrder = fromOrder;
                } else {
                    for (int i = 0; i < n; i++) {
                        long k = from[i];
                        to[count[(int) (k >>> shift) & 0xFFFF]++] = k;
                    }
                }
                keys = to;
                spareKeys = from;
            }
        }
    }

    /** Below this many values a plain sort is as quick as selection. */
    static final int SELECT_MIN = 1024;

    private static double quantileBySort(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return quantileSorted(sorted, q);
    }

    private static double fromKey(long key) {
        return Double.longBitsToDouble(key ^ ((key >> 63) & Long.MAX_VALUE));
    }

    /**
     * Rearranges {@code a} so that {@code a[k]} holds the k-th smallest key, every key before it is no larger
     * and every key after it no smaller (Hoare's selection, median-of-three pivots); returns that key.
     */
    static long select(long[] a, int k) {
        return select(a, a.length, k);
    }

    /** {@link #select(long[], int)} among the first {@code n} entries of {@code a}. */
    static long select(long[] a, int n, int k) {
        int left = 0;
        int right = n - 1;
        while (right > left) {
            int mid = (left + right) >>> 1;
            long x = a[left];
            long y = a[mid];
            long z = a[right];
            long pivot = Math.max(Math.min(x, y), Math.min(Math.max(x, y), z));
            int i = left;
            int j = right;
            while (i <= j) {
                while (a[i] < pivot) {
                    i++;
                }
                while (a[j] > pivot) {
                    j--;
                }
                if (i <= j) {
                    long t = a[i];
                    a[i] = a[j];
                    a[j] = t;
                    i++;
                    j--;
                }
            }
            if (k <= j) {
                right = j;
            } else if (k >= i) {
                left = i;
            } else {
                return a[k];
            }
        }
        return a[k];
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
     * Kruskal–Wallis test need.
     */
    public static double[] midRanks(double[] values) {
        int n = values.length;
        double[] counted = n < RADIX_SORT_MIN ? null : midRanksByCounting(values);
        if (counted != null) {
            return counted;
        }
        if (n < RADIX_SORT_MIN) {
            long[][] keys = new long[1][];
            int[] order = sortedOrder(values, keys);
            return midRanks(n, keys[0], order);
        }
        Scratch s = Scratch.take(n);
        try {
            orderByRadix(values, s);
            return midRanks(n, s.keys, s.order);
        } finally {
            Scratch.give(s);
        }
    }

    /**
     * {@link #midRanks} of whole numbers from 0 to a few times their count (likes, comments, shares, saves and
     * durations of a million videos), counted rather than sorted: how many values lie below each value gives its
     * rank, in three reads of the values and one of the counts, where the radix sort took two passes each moving
     * keys and indexes. Null for any other values, which are sorted.
     */
    static double[] midRanksByCounting(double[] values) {
        int n = values.length;
        long limit = Math.max(1L << 16, 4L * n);
        double max = 0;
        for (double v : values) {
            // NaN fails the first test; -0.0 passes and counts as 0, as its key does.
            if (!(v >= 0 && v <= limit) || v != (long) v) {
                return null;
            }
            if (v > max) {
                max = v;
            }
        }
        int[] below = new int[(int) max + 2];
        for (double v : values) {
            below[(int) v + 1]++;
        }
        for (int k = 1; k < below.length; k++) {
            below[k] += below[k - 1]; // below[k]: values less than k
        }
        double[] ranks = new double[n];
        for (int i = 0; i < n; i++) {
            int k = (int) values[i];
            // Sorted, the ties of k fill positions below[k] to below[k + 1] - 1: their mean rank, as midRanks has it.
            ranks[i] = (below[k] + below[k + 1] - 1) / 2.0 + 1;
        }
        return ranks;
    }

    /** Mid-ranks from the first {@code n} sorted keys and the indexes they came from. */
    private static double[] midRanks(int n, long[] sorted, int[] order) {
        // Equal keys are equal values (both zeros share a key), and the keys come out sorted: ties are found
        // reading them in sequence, with no gather of the values into sorted order.
        double[] ranks = new double[n];
        int i = 0;
        while (i < n) {
            int j = i;
            while (j + 1 < n && sorted[j + 1] == sorted[i]) {
                j++;
            }
            double rank = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) {
                ranks[order[k]] = rank;
            }
            i = j + 1;
        }
        return ranks;
    }

    /** Dense ranks 0..(distinct values − 1): equal values share a rank, with no gaps. */
    public static int[] denseRanks(double[] values) {
        int[] order = sortedOrder(values);
        double[] sorted = inOrder(values, order);
        int[] ranks = new int[values.length];
        int rank = -1;
        for (int k = 0; k < order.length; k++) {
            if (k == 0 || sorted[k] != sorted[k - 1]) {
                rank++;
            }
            ranks[order[k]] = rank;
        }
        return ranks;
    }

    /**
     * Indexes of {@code values} in ascending order of value, ties in index order: an LSD radix sort on the
     * order-preserving bit patterns of the doubles (four 16-bit passes), linear in n and with sequential
     * memory access, which is what keeps a million-row rank cheap. Values must not be NaN.
     */
    static int[] sortedOrder(double[] values) {
        return sortedOrder(values, null);
    }

    /**
     * {@link #sortedOrder}, also handing back the sort keys in sorted order in {@code sortedKeys[0]} unless
     * {@code sortedKeys} is null.
     */
    private static int[] sortedOrder(double[] values, long[][] sortedKeys) {
        int n = values.length;
        if (n < RADIX_SORT_MIN) {
            return smallSortedOrder(orderKeys(values, new long[n]), sortedKeys == null ? new long[1][] : sortedKeys);
        }
        // Sorted in a shared set; the order (and the keys, when asked for) are the caller's to keep: copies.
        Scratch s = Scratch.take(n);
        try {
            orderByRadix(values, s);
            if (sortedKeys != null) {
                sortedKeys[0] = Arrays.copyOf(s.keys, n);
            }
            return Arrays.copyOf(s.order, n);
        } finally {
            Scratch.give(s);
        }
    }

    /** The first {@code values.length} keys of {@code keys}: one per value, in the unsigned order of the values. */
    private static long[] orderKeys(double[] values, long[] keys) {
        for (int i = 0; i < values.length; i++) {
            double v = values[i] == 0 ? 0.0 : values[i]; // -0.0 and 0.0 are equal values, so one key
            long bits = Double.doubleToLongBits(v);
            // Flip negatives entirely and positives' sign bit: unsigned order of keys = numeric order.
            keys[i] = bits ^ ((bits >> 63) | Long.MIN_VALUE);
        }
        return keys;
    }

    /**
     * Keys that are the values themselves, when every value is a whole number from 0 to 2^53 (counts, durations in
     * seconds): the bits of all of them or-ed together, with {@code keys} filled; -1 (no such value) at the first
     * other value, with {@code keys} part-filled. Their high digits are then all zero, and the radix passes skip
     * them without counting: views below 2^32 take two passes, not four.
     * Equal values give equal keys (-0.0 and 0.0 too) and the order is the same as {@link #orderKeys}'.
     */
    private static long wholeKeys(double[] values, long[] keys) {
        long any = 0;
        for (int i = 0; i < values.length; i++) {
            double v = values[i];
            if (!(v >= 0 && v <= 0x1p53) || v != (long) v) { // NaN fails the first test
                return -1L;
            }
            keys[i] = (long) v;
            any |= keys[i];
        }
        return any;
    }

    /** Sorts the values' keys in {@code s}, with their indexes: s.keys and s.order, first {@code values.length}. */
    private static void orderByRadix(double[] values, Scratch s) {
        int n = values.length;
        long any = wholeKeys(values, s.keys);
        if (any == -1L) {
            orderKeys(values, s.keys);
        }
        int[] order = s.order;
        for (int i = 0; i < n; i++) {
            order[i] = i;
        }
        s.passes(n, true, any);
    }

    /**
     * {@link #sortedOrder} for few keys, where the radix passes' 65,536 digit counters would cost more than the
     * keys: the keys sorted as signed numbers with their top bit flipped (the same order as unsigned), then each
     * index placed, in index order, at the next free slot of its key's run.
     */
    private static int[] smallSortedOrder(long[] keys, long[][] sortedKeys) {
        int n = keys.length;
        long[] sorted = new long[n];
        for (int i = 0; i < n; i++) {
            sorted[i] = keys[i] ^ Long.MIN_VALUE;
        }
        Arrays.sort(sorted);
        int[] placed = new int[n];
        int[] order = new int[n];
        for (int i = 0; i < n; i++) {
            int run = firstAtLeast(sorted, keys[i] ^ Long.MIN_VALUE);
            order[run + placed[run]++] = i;
        }
        for (int i = 0; i < n; i++) {
            sorted[i] ^= Long.MIN_VALUE;
        }
        sortedKeys[0] = sorted;
        return order;
    }

    /** The first position in ascending {@code a} holding a value no smaller than {@code key}. */
    private static int firstAtLeast(long[] a, long key) {
        int lo = 0;
        int hi = a.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (a[mid] < key) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    // Tie scans then read neighbours in sequence instead of jumping through the whole array.
    private static double[] inOrder(double[] values, int[] order) {
        double[] out = new double[order.length];
        for (int k = 0; k < order.length; k++) {
            out[k] = values[order[k]];
        }
        return out;
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
