package savescope.metrics;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

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
        java.util.Arrays.sort(sorted);
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
        java.util.Arrays.sort(expected);
        double[] actual = a.clone();
        Stats.sort(actual);
        // Arrays.equals compares doubleToLongBits: -0.0 and 0.0 differ, every NaN is one NaN.
        org.junit.jupiter.api.Assertions.assertTrue(java.util.Arrays.equals(expected, actual), "n = " + n);
    }
}
