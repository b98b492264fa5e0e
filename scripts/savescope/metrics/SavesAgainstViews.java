package savescope.metrics;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * What a log–log scatter of saves against views needs, in a bounded size: a seeded sample of the videos to draw,
 * and the extent and least-squares line of all of them. Only videos with views and saves above zero can sit on
 * log axes.
 *
 * @param views the sampled videos' views, in input order (at most the sample size asked for)
 * @param saves the same videos' saves
 * @param placed how many videos have views and saves above zero (the sample is drawn from these)
 * @param videos how many videos there are in all
 * @param minViews the fewest views of a placed video (unused when none is placed)
 * @param maxViews the most views of a placed video
 * @param minSaves the fewest saves of a placed video
 * @param maxSaves the most saves of a placed video
 * @param fit the line of log10(saves) on log10(views) over every placed video
 */
public record SavesAgainstViews(double[] views, double[] saves, int placed, int videos, double minViews,
        double maxViews, double minSaves, double maxSaves, Fit fit) {

    /**
     * A least-squares line of log10(saves) on log10(views): saves ≈ 10^intercept × views^slope.
     *
     * @param n the videos it is fitted on; slope and intercept are NaN with fewer than two (or one distinct
     *     views count)
     */
    public record Fit(double slope, double intercept, int n) {}

    /**
     * The scatter of per-video {@code views} and {@code saves} (NaN where missing), drawing at most
     * {@code maxPoints} of the placed videos, chosen at random with {@code seed} and kept in input order.
     */
    public static SavesAgainstViews of(double[] views, double[] saves, int maxPoints, long seed) {
        int[] rows = new int[views.length];
        int n = 0;
        double minV = Double.MAX_VALUE, maxV = 0, minS = Double.MAX_VALUE, maxS = 0;
        for (int i = 0; i < views.length; i++) {
            if (views[i] > 0 && saves[i] > 0) {
                rows[n++] = i;
                minV = Math.min(minV, views[i]);
                maxV = Math.max(maxV, views[i]);
                minS = Math.min(minS, saves[i]);
                maxS = Math.max(maxS, saves[i]);
            }
        }
        int[] plotted = sample(Arrays.copyOf(rows, n), maxPoints, seed);
        double[] x = new double[plotted.length];
        double[] y = new double[plotted.length];
        for (int k = 0; k < plotted.length; k++) {
            x[k] = views[plotted[k]];
            y[k] = saves[plotted[k]];
        }
        return new SavesAgainstViews(x, y, n, views.length, minV, maxV, minS, maxS, fit(views, saves));
    }

    /** The fit over every video with views and saves above zero. */
    public static Fit fit(double[] views, double[] saves) {
        double sx = 0, sy = 0, sxx = 0, sxy = 0;
        int n = 0;
        for (int i = 0; i < views.length; i++) {
            if (views[i] > 0 && saves[i] > 0) {
                double x = Math.log10(views[i]);
                double y = Math.log10(saves[i]);
                sx += x;
                sy += y;
                sxx += x * x;
                sxy += x * y;
                n++;
            }
        }
        double denom = n * sxx - sx * sx;
        if (n < 2 || denom <= 0) {
            return new Fit(Double.NaN, Double.NaN, n);
        }
        double slope = (n * sxy - sx * sy) / denom;
        return new Fit(slope, (sy - slope * sx) / n, n);
    }

    /** Up to {@code max} of the rows, chosen at random with the seed, kept in their original order. */
    static int[] sample(int[] rows, int max, long seed) {
        if (rows.length <= max) {
            return rows;
        }
        int[] pool = rows.clone();
        SplittableRandom rnd = new SplittableRandom(seed);
        for (int i = 0; i < max; i++) {
            int j = i + rnd.nextInt(pool.length - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] out = Arrays.copyOf(pool, max);
        Arrays.sort(out);
        return out;
    }
}
