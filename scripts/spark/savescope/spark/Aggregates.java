package savescope.spark;

import java.util.List;
import java.util.Map;
import savescope.metrics.Correlations.Correlation;
import savescope.metrics.GroupComparison;
import savescope.metrics.Histogram;
import savescope.metrics.Intervals.Interval;
import savescope.metrics.Quadrants;
import savescope.metrics.Rankings;
import savescope.metrics.Rates;
import savescope.metrics.SaveCorrelations;
import savescope.metrics.Totals;
import savescope.model.LoadReport;

/**
 * Every aggregate the report reads from the videos and daily tables, as computed by the Spark engine, in
 * the local metrics' own records so that both engines' numbers are compared field by field. Small: its size
 * does not grow with the number of videos.
 *
 * @param totals count and sums
 * @param rates ratios of sums and the per-video save-rate quantiles
 * @param medianCi the seeded bootstrap 95% interval of the median per-video save rate, or null
 * @param groups save rate by content type, hashtag, duration, weekday and hour, by dimension name
 * @param quadrants views × save rate split at the medians
 * @param rankings top, bottom and outlying videos by save rate among those with enough views
 * @param countCorrelations Pearson, Spearman and Kendall between raw counts
 * @param rateCorrelations the same between rates per view
 * @param partialWithSaves saves with each metric holding views fixed, on the log scale
 * @param daily channel totals per day from the daily table, oldest first
 * @param accounts the accounts of the videos, sorted, blanks left out
 * @param firstPosted the earliest posting time (ISO-8601 instant), or null when no video has one
 * @param lastPosted the latest posting time, or null
 * @param saveRateHistogram per-video save rates in {@link #HISTOGRAM_BINS} bins at most, or null without rates
 * @param perView for each list of counts the report divides by views ({@link #PER_VIEW}, joined with "+"):
 *     their sum over the sum of views, over the videos that have views and all of them; null when none has
 * @param load what was read, used and rejected
 */
public record Aggregates(Totals totals, Rates rates, Interval medianCi, Map<String, GroupComparison.Result> groups,
        Quadrants.Summary quadrants, Rankings rankings, SaveCorrelations.Set countCorrelations,
        SaveCorrelations.Set rateCorrelations, Map<String, Correlation> partialWithSaves, List<DailyTotal> daily,
        List<String> accounts, String firstPosted, String lastPosted, Histogram saveRateHistogram,
        Map<String, Double> perView, LoadReport load) {

    /** The most bins of the save-rate histogram, as the report draws it. */
    public static final int HISTOGRAM_BINS = 20;

    /** The lists of counts the report divides by views. */
    public static final List<List<String>> PER_VIEW = List.of(List.of("likes"), List.of("comments"), List.of("shares"),
            List.of("likes", "comments", "shares"));

    /** The key of a list of counts in {@link #perView}. */
    public static String perViewKey(List<String> counts) {
        return String.join("+", counts);
    }

    /**
     * One day of the daily table summed over videos; a count no row of that day has is null.
     *
     * @param date ISO date
     * @param videos videos with a row that day
     */
    public record DailyTotal(String date, long videos, Long views, Long likes, Long comments, Long shares, Long saves) {}
}
