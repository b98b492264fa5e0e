package savescope.load;

import it.unimi.dsi.fastutil.longs.LongArrays;
import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;
import savescope.model.Rejection;

/**
 * Finds rows of a daily file that give a (video, day) pair again. A daily export holds one row per video and
 * day; a repeat is that day exported again (a later download appended, a re-run), so the later row replaces
 * the earlier instead of adding to it: summing would count the day twice.
 */
final class DailyRepeats {
    /** Repeats named in the warning. */
    private static final int PLACES_SHOWN = 3;

    private DailyRepeats() {}

    /**
     * For each row given again later, the index of that later row; null when no pair repeats.
     *
     * @param videoKeys each row's video, numbered from 0 in order of first appearance
     * @param days each row's day as a comparable int
     */
    static int[] laterRepeatOf(int[] videoKeys, int[] days, int rows) {
        if (inOrder(videoKeys, days, rows)) {
            return null;
        }
        long[] pairs = new long[rows];
        long[] index = new long[rows];
        for (int r = 0; r < rows; r++) {
            pairs[r] = (long) videoKeys[r] << 32 | (days[r] & 0xffffffffL);
            index[r] = r;
        }
        LongArrays.radixSort(pairs, index);
        int[] later = null;
        for (int i = 0; i + 1 < rows; i++) {
            if (pairs[i] == pairs[i + 1]) {
                if (later == null) {
                    later = new int[rows];
                    java.util.Arrays.fill(later, -1);
                }
                later[(int) index[i]] = (int) index[i + 1];
            }
        }
        return later;
    }

    /**
     * The common layout, checked in one pass: each video's rows together, its days rising. Then no pair can
     * repeat and nothing needs sorting.
     */
    private static boolean inOrder(int[] videoKeys, int[] days, int rows) {
        int nextNew = 0;
        for (int r = 0; r < rows; r++) {
            int key = videoKeys[r];
            if (r > 0 && key == videoKeys[r - 1]) {
                if (days[r] <= days[r - 1]) {
                    return false;
                }
            } else if (key == nextNew) {
                nextNew++;
            } else {
                return false;
            }
        }
        return true;
    }

    /**
     * The rejection of each replaced row, in file order.
     *
     * @param location a row's place as rejections give it ({@code 14}, {@code Sheet1!14})
     * @param words a row's place in a sentence ({@code line 14}, {@code Sheet1!14})
     * @param what the row's video and day in words
     */
    static List<Rejection> rejections(String file, int[] later, IntFunction<String> location, IntFunction<String> words,
            IntFunction<String> what) {
        List<Rejection> out = new ArrayList<>();
        for (int r = 0; r < later.length; r++) {
            if (later[r] >= 0) {
                out.add(new Rejection(file, location.apply(r), what.apply(r) + " is given again at "
                        + words.apply(later[r]) + "; the later row was kept, as a repeated day is that day exported again."));
            }
        }
        return out;
    }

    /** The warning for the replaced rows, naming the first few pairs of places ({@code words} as above). */
    static String warning(int[] later, IntFunction<String> place) {
        int count = 0;
        List<String> shown = new ArrayList<>();
        for (int r = 0; r < later.length; r++) {
            if (later[r] >= 0) {
                count++;
                if (shown.size() < PLACES_SHOWN) {
                    shown.add(place.apply(r) + " and " + place.apply(later[r]));
                }
            }
        }
        return count + (count == 1 ? " row gave" : " rows gave") + " a video's day that a later row gives again (first: "
                + String.join("; ", shown) + (count > shown.size() ? "; …" : "") + "); each such day keeps its last "
                + "row, so no day is counted twice.";
    }
}
