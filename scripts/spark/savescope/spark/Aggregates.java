package savescope.spark;

import java.util.List;
import java.util.Map;
import savescope.metrics.Correlations.Correlation;
import savescope.metrics.GroupComparison;
import savescope.metrics.Intervals.Interval;
import savescope.metrics.Quadrants;
import savescope.metrics.Rankings;
import savescope.metrics.Rates;
import savescope.metrics.SaveCorrelations;
import savescope.metrics.Totals;

/**
 * Every aggregate the report reads from the videos and daily tables, as computed by the Spark engine, in
 * the local metrics' own records so that both engines' numbers are compared field by field. Small: its size
 * does not grow with the number of videos.
 *
 * @param totals count and sums
 * @param rates ratios of sums and the per-video save-rate quantiles
 * @param medianCi the seeded bootstrap 95% interval of the median per-video save rate, or null
 * @param groups save rate by content type, hashtag, duration, weekday and hour, by dimension name
 * @param quadrants views × save rate split at the medians ({@code quadrantOfRow} is empty: no per-row data)
 * @param rankings top, bottom and outlying videos by save rate among those with enough views
 * @param countCorrelations Pearson, Spearman and Kendall between raw counts
 * @param rateCorrelations the same between rates per view
 * @param partialWithSaves saves with each metric holding views fixed, on the log scale
 * @param daily channel totals per day from the daily table, oldest first
 * @param rejected input rows not used, and {@code rejections} why
 */
public record Aggregates(Totals totals, Rates rates, Interval medianCi, Map<String, GroupComparison.Result> groups,
        Quadrants quadrants, Rankings rankings, SaveCorrelations.Set countCorrelations,
        SaveCorrelations.Set rateCorrelations, Map<String, Correlation> partialWithSaves, List<DailyTotal> daily,
        long rejected, List<String> rejections) {

    /**
     * One day of the daily table summed over videos; a count no row of that day has is null.
     *
     * @param date ISO date
     * @param videos videos with a row that day
     */
    public record DailyTotal(String date, long videos, Long views, Long likes, Long comments, Long shares, Long saves) {}
}
