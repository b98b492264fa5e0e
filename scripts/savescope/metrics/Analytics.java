package savescope.metrics;

import java.util.List;
import savescope.model.LoadReport;

/**
 * What the report's sections read from the data, whichever engine computes it. Each method returns a small,
 * immutable result (a record, a few rows, a binned distribution): an engine that keeps the videos elsewhere
 * (a cluster, a database) answers these and sends back only the results. {@link LocalAnalytics} computes them
 * in this process from the loaded tables.
 *
 * <p>Every value a code cell of the report shows is one of these calls (or a pure function of one), so a
 * reader can run the cell's Java on the same data and get the same numbers.
 */
public interface Analytics {

    /** How the input was read: files, rows used and rejected, warnings, assumptions. */
    LoadReport load();

    /** Whether any video has a saves count; without one, the parts about saves say what they need instead. */
    boolean hasSaves();

    // ---- Headline numbers (the Overview section) ----

    /** Sums of each count over the videos; a count no video has is null, never zero. */
    Totals totals();

    /** Save rate and engagement ratios, with the latest follower count when the data has one. */
    Rates rates();

    /**
     * The seeded bootstrap 95% interval of the typical (median) video's save rate, or null with fewer than two
     * videos that have a rate ({@link Intervals#bootstrapMedian(double[])}).
     */
    Intervals.Interval typicalRateInterval();

    /** Per-video save rates binned as {@link Histogram#ofRates(double[], int)} bins them. */
    Histogram saveRateHistogram(int maxBins);

    /**
     * The sum of the given counts over the sum of views, over the videos that have views and every one of the
     * counts; null when no video has them all.
     */
    Double perView(List<String> counts);

    // ---- Content and performance (content types, groups, quadrants, rankings, correlations) ----

    // ---- Time (trends, channel, evergreen, early signal) ----

    // ---- Context (experiment, audience, comments, accounts, videos, data quality) ----
}
