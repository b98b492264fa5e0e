package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.Comparator;
import java.util.SplittableRandom;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class StatsTest {
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 4, 5, 6, 7})
    void orderEqualsAStableComparisonSort(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        // Both ways of ordering: few values (one sort and a placing pass) and many (radix passes).
        int[] sizes = {5000, 0, 1, 2, 17, 300, Stats.RADIX_SORT_MIN - 1};
        double[] v = new double[sizes[(int) (seed - 1)]];
        double[] pool = {0.0, -0.0, -1.5, 3, 1e300, -1e-300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(4) == 0 ? pool[rnd.nextInt(pool.length)] : rnd.nextGaussian() * Math.pow(10, rnd.nextInt(12) - 6);
        }
        int[] expected = IntStream.range(0, v.length).boxed()
                .sorted(Comparator.comparingDouble((Integer i) -> v[i] == 0 ? 0.0 : v[i]))
                .mapToInt(Integer::intValue).toArray();
        assertArrayEquals(expected, Stats.sortedOrder(v));
        // Mid-ranks from that order, against ranks counted directly: 1 + (smaller values) + (equal others) / 2.
        double[] ranks = Stats.midRanks(v);
        for (int i = 0; i < v.length; i += 1 + v.length / 200) {
            int below = 0;
            int equal = 0;
            for (double w : v) {
                below += Double.compare(w == 0 ? 0.0 : w, v[i] == 0 ? 0.0 : v[i]) < 0 ? 1 : 0;
                equal += (w == 0 ? 0.0 : w) == (v[i] == 0 ? 0.0 : v[i]) ? 1 : 0;
            }
            assertEquals(1 + below + (equal - 1) / 2.0, ranks[i], 0.0, "rank of value " + i);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 2, 3, 64, Stats.RADIX_SORT_MIN - 1})
    void fewValuesAreOrderedAndRankedAsTheRadixPassesDo(int n) {
        // The radix passes on the same values: NaN padding up to RADIX_SORT_MIN sorts after every value (and, by
        // index, after the values' own NaNs), so the padded order starts with the order of the values alone.
        double[] hostile = {0.0, -0.0, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY, Double.MIN_VALUE,
            -Double.MIN_VALUE, Double.MIN_NORMAL, -Double.MIN_NORMAL, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-310,
            -1e-310, 0.1 + 0.2, 0.3, 1, -1};
        SplittableRandom rnd = new SplittableRandom(n);
        for (int mode = 0; mode < 4; mode++) {
            double[] v = new double[n];
            for (int i = 0; i < n; i++) {
                v[i] = switch (mode) {
                    case 0 -> hostile[rnd.nextInt(hostile.length)];
                    case 1 -> 42.0; // all equal
                    case 2 -> Double.longBitsToDouble(rnd.nextLong()); // any bits, NaNs of every payload included
                    default -> rnd.nextInt(5) - 2 + (rnd.nextBoolean() ? -0.0 : 0.0);
                };
            }
            double[] padded = Arrays.copyOf(v, Stats.RADIX_SORT_MIN + 1);
            Arrays.fill(padded, n, padded.length, Double.NaN);
            String what = "n = " + n + ", values of kind " + mode;
            assertArrayEquals(Arrays.copyOf(Stats.sortedOrder(padded), n), Stats.sortedOrder(v), what);
            if (Arrays.stream(v).noneMatch(Double::isNaN)) {
                assertArrayEquals(Arrays.copyOf(Stats.midRanks(padded), n), Stats.midRanks(v), what);
                assertArrayEquals(Arrays.copyOf(Stats.denseRanks(padded), n), Stats.denseRanks(v), what);
            }
        }
    }

    @Test
    void ranksAndSortsStayRightWhenOneThreadReusesItsArraysAcrossSizes() {
        // Large sorts on one thread share its arrays: a smaller column after a larger one leaves stale keys and
        // indexes past its end, and a sort of values in between leaves its keys in them. Each result is checked
        // against mid-ranks counted with a boxed comparison sort and against the library's sort.
        SplittableRandom rnd = new SplittableRandom(11);
        int[] sizes = {9_000, Stats.RADIX_SORT_MIN, 5_003, 20_000, 9_000};
        for (int size : sizes) {
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                v[i] = rnd.nextInt(3) == 0 ? rnd.nextInt(50) - 25 : rnd.nextGaussian() * 1e4;
            }
            double[] ranks = Stats.midRanks(v);
            Integer[] byValue = IntStream.range(0, size).boxed().toArray(Integer[]::new);
            Arrays.sort(byValue, Comparator.comparingDouble((Integer i) -> v[i] == 0 ? 0.0 : v[i]));
            double[] expected = new double[size];
            for (int i = 0; i < size;) {
                int j = i;
                while (j + 1 < size && v[byValue[j + 1]] == v[byValue[i]]) {
                    j++;
                }
                for (int k = i; k <= j; k++) {
                    expected[byValue[k]] = (i + j) / 2.0 + 1;
                }
                i = j + 1;
            }
            assertArrayEquals(expected, ranks, 0.0, "mid-ranks of " + size + " values");
            double[] sorted = v.clone();
            Stats.sort(sorted);
            double[] library = v.clone();
            Arrays.sort(library);
            assertArrayEquals(library, sorted, 0.0, "sort of " + size + " values");
        }
    }

    @Test
    void wholeNumberColumnsRankAndOrderAsAnyOther() {
        // Counts take the radix passes on their own values; one value that is not a whole number from 0 to 2^53
        // (a fraction, a negative, 2^53 + 2, NaN) sends the column to the doubles' bit patterns. Both checked
        // against a boxed comparison sort: mid-ranks, and the order of sortedOrder with ties in index order.
        SplittableRandom rnd = new SplittableRandom(5);
        double[] spoilers = {Double.NaN, 0.5, -1, 0x1p53 + 2, Double.POSITIVE_INFINITY, 0x1p53};
        for (int round = 0; round <= spoilers.length; round++) {
            int size = 6_000;
            double[] v = new double[size];
            for (int i = 0; i < size; i++) {
                int kind = rnd.nextInt(4);
                v[i] = kind == 0 ? rnd.nextInt(10) : kind == 1 ? rnd.nextLong(1L << 40) : kind == 2 ? -0.0 : rnd.nextInt(70_000);
            }
            v[size - 1] = 0x1p53; // the largest whole number kept as its own key
            boolean hasNaN = round < spoilers.length && Double.isNaN(spoilers[round]);
            if (round < spoilers.length) {
                v[rnd.nextInt(size)] = spoilers[round];
            }
            Integer[] byValue = IntStream.range(0, size).boxed().toArray(Integer[]::new);
            Arrays.sort(byValue, Comparator.comparingDouble((Integer i) -> v[i] == 0 ? 0.0 : v[i])); // stable
            if (!hasNaN) {
                assertArrayEquals(byValue, Arrays.stream(Stats.sortedOrder(v)).boxed().toArray(Integer[]::new),
                        "order, round " + round);
            }
            if (!hasNaN) {
                assertArrayEquals(midRanksBySorting(v), Stats.midRanks(v), 0.0, "mid-ranks, round " + round);
            }
        }
    }

    /**
     * Whole numbers from 0 to four times their count (or 65,536) are ranked by counting: checked against a boxed
     * comparison sort, with ties, -0.0, the largest value counted and the smallest refused (one past the limit, a
     * fraction, a negative, NaN), which rank by sorting as before.
     */
    @Test
    void smallWholeNumbersRankByCountingAsBySorting() {
        SplittableRandom rnd = new SplittableRandom(6);
        for (int size : new int[] {4_096, 20_000}) {
            long limit = Math.max(1L << 16, 4L * size);
            double[] spoilers = {Double.NaN, 2.5, -1, limit + 1, limit};
            for (int round = 0; round <= spoilers.length; round++) {
                double[] v = new double[size];
                for (int i = 0; i < size; i++) {
                    int kind = rnd.nextInt(4);
                    v[i] = kind == 0 ? rnd.nextInt(7) : kind == 1 ? -0.0 : kind == 2 ? rnd.nextInt(300) : rnd.nextLong(limit);
                }
                boolean counted = true;
                boolean hasNaN = false;
                if (round < spoilers.length) {
                    v[rnd.nextInt(size)] = spoilers[round];
                    counted = spoilers[round] == limit;
                    hasNaN = Double.isNaN(spoilers[round]);
                }
                String what = size + " values, round " + round;
                assertEquals(counted, Stats.midRanksByCounting(v) != null, what);
                if (!hasNaN) {
                    assertArrayEquals(midRanksBySorting(v), Stats.midRanks(v), 0.0, what);
                }
            }
        }
    }

    /** Mid-ranks from a stable boxed sort, -0.0 equal to 0.0: the independent answer. */
    private static double[] midRanksBySorting(double[] v) {
        int size = v.length;
        Integer[] byValue = IntStream.range(0, size).boxed().toArray(Integer[]::new);
        Arrays.sort(byValue, Comparator.comparingDouble((Integer i) -> v[i] == 0 ? 0.0 : v[i]));
        double[] expected = new double[size];
        for (int i = 0; i < size;) {
            int j = i;
            while (j + 1 < size && Double.compare(v[byValue[j + 1]] == 0 ? 0.0 : v[byValue[j + 1]],
                    v[byValue[i]] == 0 ? 0.0 : v[byValue[i]]) == 0) {
                j++;
            }
            for (int k = i; k <= j; k++) {
                expected[byValue[k]] = (i + j) / 2.0 + 1;
            }
            i = j + 1;
        }
        return expected;
    }

    @Test
    void ranksByHand() {
        // 10, 20, 20, 5, -0.0, 0.0: sorted 0 0 | 5 | 10 | 20 20 -> mid-ranks 1.5 1.5 3 4 5.5 5.5; dense 0 0 1 2 3 3
        double[] v = {10, 20, 20, 5, -0.0, 0.0};
        assertArrayEquals(new double[] {4, 5.5, 5.5, 3, 1.5, 1.5}, Stats.midRanks(v));
        assertArrayEquals(new int[] {2, 3, 3, 1, 0, 0}, Stats.denseRanks(v));
        // quantile type 7 of 1, 2, 4, 8: q = 0.25 -> position 0.75 -> 1 + 0.75 = 1.75
        assertEquals(1.75, Stats.quantile(new double[] {8, 1, 4, 2}, 0.25), 1e-15);
    }

    @ParameterizedTest
    @ValueSource(longs = {4, 5, 6})
    void selectedQuantilesAreBitForBitThoseOfASortedCopy(long seed) {
        SplittableRandom rnd = new SplittableRandom(seed);
        // Above the selection threshold, with heavy ties, both zeros, infinities and tiny values.
        double[] v = new double[Stats.SELECT_MIN * 3 + 7];
        double[] pool = {0.0, -0.0, -1.5, 3, 1e300, -1e-300, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY};
        for (int i = 0; i < v.length; i++) {
            v[i] = rnd.nextInt(3) == 0 ? pool[rnd.nextInt(pool.length)] : Math.round(rnd.nextGaussian() * 20) / 4.0;
        }
        double[] sorted = v.clone();
        Arrays.sort(sorted);
        for (double q : new double[] {0, 0.1, 0.25, 0.5, 0.5 + 1e-9, 0.75, 0.9, 1}) {
            double expected = Stats.quantileSorted(sorted, q);
            double got = Stats.quantile(v.clone(), q);
            assertEquals(Double.doubleToRawLongBits(expected), Double.doubleToRawLongBits(got), "q " + q);
        }
        // The input is left as it was.
        double[] before = v.clone();
        Stats.quantile(v, 0.5);
        assertArrayEquals(before, v);
    }

    @ParameterizedTest
    @ValueSource(ints = {0, 1, 7, Stats.RADIX_SORT_MIN - 1, Stats.RADIX_SORT_MIN, 5_000, 120_000})
    void sortsAsTheLibrarySortsBitForBit(int n) {
        SplittableRandom rnd = new SplittableRandom(n);
        double[] specials = {0.0, -0.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
                Double.MIN_VALUE, -Double.MIN_VALUE, Double.MAX_VALUE, -Double.MAX_VALUE, 1e-310, -1e-310};
        double[] a = new double[n];
        for (int i = 0; i < n; i++) {
            a[i] = switch (rnd.nextInt(4)) {
                case 0 -> specials[rnd.nextInt(specials.length)];
                case 1 -> rnd.nextInt(20) - 10; // many ties
                case 2 -> rnd.nextDouble() * 1e6 - 5e5;
                default -> Double.longBitsToDouble(rnd.nextLong()); // any bit pattern, NaNs with payloads too
            };
        }
        double[] expected = a.clone();
        Arrays.sort(expected);
        double[] actual = a.clone();
        Stats.sort(actual);
        // Arrays.equals compares doubleToLongBits: -0.0 and 0.0 differ, every NaN is one NaN.
        org.junit.jupiter.api.Assertions.assertTrue(Arrays.equals(expected, actual), "n = " + n);
    }
}
