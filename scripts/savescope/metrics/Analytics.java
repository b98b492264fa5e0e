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

    /**
     * Experiment variants read from the data when none are named ({@link Experiment#detect}): the values of a
     * {@code variant} column, or sibling hashtags such as #hooka and #hookb; empty when there are none.
     */
    List<Experiment.Arm> experimentArms();

    /**
     * The videos with a save rate split into {@code arms} (a video matching two is left out), and each variant
     * after the first compared with the first ({@link Experiment#outcome}).
     */
    Experiment.Outcome experiment(List<Experiment.Arm> arms);

    /** Whether a TikTok Studio channel table of this kind (FollowerHistory, Viewers, …) was loaded. */
    boolean hasChannelTable(String kind);

    /** First and last follower counts of the FollowerHistory table; null when it is not loaded or holds none. */
    AudienceContext.Growth followerGrowth();

    /** Returning viewers' share of daily viewers from the Viewers table; null when it is not loaded. */
    AudienceContext.Returning returningViewers();

    /**
     * The FollowerGender shares, each sized with the latest follower count and hidden under {@code minSegment}
     * people ({@link AudienceContext#segments}); null when the table is not loaded.
     */
    List<AudienceContext.Segment> followerGender(int minSegment);

    /** As {@link #followerGender(int)}, for the FollowerTopTerritories table. */
    List<AudienceContext.Segment> followerTerritories(int minSegment);

    /**
     * Mean active followers per hour of day (24 values, NaN for an hour without rows) from the FollowerActivity
     * table; null when it is not loaded.
     */
    double[] activeFollowersByHour();

    /**
     * Each video's save rate against the follower activity at its posting hour ({@link AudienceContext#postingHours});
     * null when the FollowerActivity table is not loaded.
     */
    AudienceContext.PostingHours postingHours();

    /** Save rate by posting weekday and band of {@code bandHours} hours (UTC), the slots with videos only. */
    List<AudienceContext.PostingCell> postingGrid(int bandHours);

    /**
     * Counts, sentiment and recurring terms of the comments ({@link CommentThemes#summarize}); never a comment's
     * text or author. Null when no comment was loaded.
     */
    CommentThemes.Summary commentSummary(int minThemeComments, int maxThemes);

    /** For each id, in order: the video's title and save rate (both null when no video has the id). */
    List<TitledRate> titledRates(List<String> ids);

    /** Distinct named accounts among the videos with a save rate. */
    int accountCount();

    /** One summary per account, most saves first ({@link Accounts#summarize}). */
    List<Accounts.Summary> accountSummaries();
}
