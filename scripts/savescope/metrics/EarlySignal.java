package savescope.metrics;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import tech.tablesaw.api.Table;

/**
 * Whether a video's early save rate (its first 48 hours: posting day and the day after) goes with the
 * views it gets later (day 3 to the end of the horizon), measured on this account's own daily series. An
 * association, never a cause: both may follow from the video being good.
 */
public final class EarlySignal {
    private EarlySignal() {}

    /**
     * One video's early and later numbers.
     *
     * @param id video id
     * @param earlyViews views on days 0–1
     * @param earlySaves saves on days 0–1
     * @param laterViews views on days 2 to horizon - 1 (the third day onward)
     */
    public record Point(String id, long earlyViews, long earlySaves, long laterViews) {
        public double earlyRate() {
            return (double) earlySaves / earlyViews;
        }
    }

    /**
     * The association.
     *
     * @param horizon days since posting covered (day 0 to horizon - 1)
     * @param points the videos used: observed through the whole horizon, with early views above zero
     * @param rateVsLater Spearman of early save rate and later views
     * @param viewsVsLater Spearman of early views and later views, for comparison
     * @param quartiles median later views of the videos in each quarter of early save rate, lowest first
     */
    public record Result(int horizon, List<Point> points, RankCorrelation rateVsLater, RankCorrelation viewsVsLater,
            double[] quartiles) {}

    /**
     * A {@link Result} without its per-video points: what a report shows.
     *
     * @param horizon days since posting covered
     * @param videos how many videos were used
     * @param rateVsLater Spearman of early save rate and later views
     * @param viewsVsLater Spearman of early views and later views
     * @param quartiles median later views in each quarter of early save rate, lowest first
     */
    public record Summary(int horizon, int videos, RankCorrelation rateVsLater, RankCorrelation viewsVsLater,
            double[] quartiles) {
        public static Summary of(Result r) {
            return new Summary(r.horizon(), r.points().size(), r.rateVsLater(), r.viewsVsLater(), r.quartiles());
        }
    }

    public static Result measure(Table videos, Table daily, int horizon) {
        return measure(DailyIndex.of(videos, daily), horizon);
    }

    /** {@link #measure(Table, Table, int)} from the daily series already grouped by video. */
    public static Result measure(DailyIndex index, int horizon) {
        List<Point> points = new ArrayList<>();
        for (int k = 0; k < index.videos(); k++) {
            long earlyViews = 0;
            long earlySaves = 0;
            long laterViews = 0;
            int lastDay = 0;
            for (int r = index.start(k); r < index.end(k); r++) {
                int day = index.day(r);
                lastDay = Math.max(lastDay, day);
                if (day <= 1) {
                    earlyViews += index.views(r);
                    earlySaves += index.saves(r);
                } else if (day < horizon) {
                    laterViews += index.views(r);
                }
            }
            if (lastDay >= horizon - 1 && earlyViews > 0) {
                points.add(new Point(index.id(k), earlyViews, earlySaves, laterViews));
            }
        }
        points.sort(Comparator.comparing(Point::id));
        return of(horizon, points);
    }

    public static Result of(int horizon, List<Point> points) {
        double[] rate = points.stream().mapToDouble(Point::earlyRate).toArray();
        double[] early = points.stream().mapToDouble(p -> p.earlyViews()).toArray();
        double[] later = points.stream().mapToDouble(p -> p.laterViews()).toArray();
        return new Result(horizon, List.copyOf(points), RankCorrelation.spearman(rate, later),
                RankCorrelation.spearman(early, later), quartileMedians(rate, later));
    }

    /** Median of y within each quarter of x (sorted by x, split as evenly as the count allows). */
    static double[] quartileMedians(double[] x, double[] y) {
        int n = x.length;
        if (n < 4) {
            return new double[0];
        }
        // Each point's place in the order by x, ties kept in input order (as a stable sort of indices would
        // give), found from a sorted copy of x rather than by sorting boxed indices with a comparator.
        double[] sorted = x.clone();
        Stats.sort(sorted);
        int[] tiesPlaced = new int[n];
        double[][] parts = new double[4][];
        for (int q = 0; q < 4; q++) {
            parts[q] = new double[(q + 1) * n / 4 - q * n / 4];
        }
        for (int i = 0; i < n; i++) {
            int first = firstAtLeast(sorted, x[i]);
            int place = first + tiesPlaced[first]++;
            int q = 0;
            while (place >= (q + 1) * n / 4) {
                q++;
            }
            parts[q][place - q * n / 4] = y[i];
        }
        double[] out = new double[4];
        for (int q = 0; q < 4; q++) {
            out[q] = SaveRate.quantile(parts[q], 0.5);
        }
        return out;
    }

    /** The first index of {@code sorted} whose value is not below {@code v}, in {@link Double#compare} order. */
    private static int firstAtLeast(double[] sorted, double v) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (Double.compare(sorted[mid], v) < 0) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }
}
