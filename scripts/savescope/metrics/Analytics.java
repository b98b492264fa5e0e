package savescope.metrics;

import java.time.Instant;
import java.util.List;
import java.util.Map;
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

    /** The accounts the videos belong to, sorted, blanks left out. */
    List<String> accounts();

    /** The first and last posting time over the videos, or null when no video has one. */
    PostingRange postingRange();

    /** The first and last posting time of the videos. */
    record PostingRange(java.time.Instant first, java.time.Instant last) {}

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

    /**
     * Save rate by content type ({@link GroupComparison#byContentType}): a few groups, most viewed first, with
     * intervals and the Kruskal–Wallis test.
     */
    GroupComparison.Result groupsByContentType();

    /** Save rate by each of the {@link GroupComparison#TOP_HASHTAGS} most used hashtags (overlapping, untested). */
    GroupComparison.Result groupsByHashtag();

    /** Save rate by duration bucket ({@link GroupComparison#DURATION_BUCKETS}). */
    GroupComparison.Result groupsByDuration();

    /** Save rate by weekday posted, in UTC. */
    GroupComparison.Result groupsByWeekday();

    /** Save rate by hour posted, in UTC (at most 24 groups). */
    GroupComparison.Result groupsByHour();

    /** The videos split at the median views and median save rate ({@link Quadrants}), without per-video rows. */
    Quadrants.Summary quadrants();

    /**
     * Saves against views for a log–log scatter: at most {@code maxPoints} videos drawn at random with
     * {@code seed}, and the extent and fitted line of all of them.
     */
    SavesAgainstViews savesAgainstViews(int maxPoints, long seed);

    /**
     * The {@code limit} highest and lowest save rates among videos with at least {@code minViews} views, and
     * at most {@code limit} outliers ({@link Rankings}).
     */
    Rankings rankings(long minViews, int limit);

    /** Checks on the data itself ({@link DataAlerts}): a handful of alerts at most. */
    List<DataAlerts.Alert> dataAlerts();

    /** Pearson, Spearman and Kendall correlations between the raw counts and duration (6 × 6). */
    SaveCorrelations.Set countCorrelations();

    /** The same between the rates per view and duration (5 × 5). */
    SaveCorrelations.Set rateCorrelations();

    /**
     * The partial correlation of saves with each of {@link SaveCorrelations#PARTIAL_WITH}, views held fixed,
     * on log(1 + x), by name in that order.
     */
    Map<String, Correlations.Correlation> savesWithViewsHeldFixed();

    /**
     * The {@code limit} videos with the most {@code count} (a canonical count, e.g. {@code "saves"}), most first,
     * ties in input order, videos without the count last.
     */
    List<TopVideos.Video> topVideos(String count, int limit);

    // ---- Time (trends, channel, evergreen, early signal) ----

    /**
     * Saves and views of the rated videos by posting week (from Monday, UTC), with a rolling median over
     * {@code window} weeks ({@link Trends#weekly}); weeks with no rated video are left out.
     */
    List<Trends.Period> weeklyTrend(int window);

    /** As {@link #weeklyTrend}, by posting month ({@link Trends#monthly}). */
    List<Trends.Period> monthlyTrend(int window);

    /**
     * The channel's daily totals from Studio's Overview export, summed by week ({@link ChannelWeeks#of}), or null
     * when the data has no Overview export with a dated row.
     */
    ChannelWeeks channelWeeks();

    /** Whether a daily series was loaded (any row, whether or not it names a known video). */
    boolean hasDailySeries();

    /** Whether snapshots of the per-video totals were loaded. */
    boolean hasSnapshots();

    /**
     * {@link Accumulation#summarize} of every video's accumulation curve, pooled over {@code horizon} days; its
     * {@code videos()} is 0 when the daily series names no video that has a posting time.
     */
    Accumulation.Summary accumulation(int horizon);

    /**
     * Each video's accumulation numbers, in the order of the daily series, without its day-by-day curve. One row
     * per video with a daily series: the {@code --json} document lists them all.
     */
    List<Accumulation.VideoSummary> accumulationByVideo();

    /** The {@code n} videos with the highest evergreen score (ties by id; {@link Accumulation#top}), titled. */
    List<Accumulation.Titled> mostEvergreen(int n);

    /**
     * When the per-video totals were read, as far as the data says: the start of the day after the daily
     * series' last date (UTC); null without a dated daily row.
     */
    Instant latestExportTime();

    /**
     * Saves gained between consecutive snapshots, the last ending at {@link #latestExportTime()} with the current
     * totals ({@link Accumulation#snapshotGains}); {@code oldDays} marks the videos counted as old.
     */
    List<Accumulation.SnapshotGain> snapshotGains(int oldDays);

    /** {@link EarlySignal#measure} over {@code horizon} days since posting, without the per-video points. */
    EarlySignal.Summary earlySignal(int horizon);

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

    // ---- Periods (--period, --vs) ----

    /** The last day the data covers: its latest daily date, snapshot or posting time (UTC); null with none. */
    default java.time.LocalDate lastDataDay() {
        throw new UnsupportedOperationException("--period is not computed by this engine yet");
    }

    /** The videos posted in {@code period} against those in {@code comparison}, and the saves gained in each. */
    default PeriodComparison periodComparison(Period period, Period comparison) {
        throw new UnsupportedOperationException("--period is not computed by this engine yet");
    }

    /**
     * The same questions over the videos posted in {@code period} only (with their daily rows, snapshots and
     * comments; channel tables stay whole), so a section answers them for a period as it does for all videos.
     */
    default Analytics postedIn(Period period) {
        throw new UnsupportedOperationException("--period is not computed by this engine yet");
    }

    /**
     * The save rate of the videos posted in {@code period} against those posted in {@code comparison}, with the
     * experiments' per-video interval on the difference ({@link PeriodRates#of}).
     */
    default PeriodRates periodRates(Period period, Period comparison) {
        throw new UnsupportedOperationException("--period is not computed by this engine yet");
    }

    /**
     * {@link #channelWeeks()} over the days of {@code period} only, or null when the Overview export has no day in
     * it (or is not loaded).
     */
    default ChannelWeeks channelWeeksIn(Period period) {
        throw new UnsupportedOperationException("--period is not computed by this engine yet");
    }

    /**
     * {@link #periodRates} for each of {@code groups} of a group table, in that order: {@code dimension} is one of
     * {@link PeriodGroups#DIMENSIONS}, the group names those the whole table gives ({@link PeriodGroups#names}).
     */
    default List<PeriodGroups.Row> periodGroups(String dimension, List<String> groups, Period period,
            Period comparison) {
        throw new UnsupportedOperationException("--period is not computed by this engine yet");
    }
}
