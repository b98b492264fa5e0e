package savescope.spark;

import static org.apache.spark.sql.functions.col;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import savescope.metrics.Accounts;
import savescope.metrics.Accumulation;
import savescope.metrics.Analytics;
import savescope.metrics.AudienceContext;
import savescope.metrics.ChannelWeeks;
import savescope.metrics.CommentThemes;
import savescope.metrics.Correlations;
import savescope.metrics.DataAlerts;
import savescope.metrics.EarlySignal;
import savescope.metrics.Experiment;
import savescope.metrics.GroupComparison;
import savescope.metrics.Histogram;
import savescope.metrics.Intervals;
import savescope.metrics.LocalAnalytics;
import savescope.metrics.Memo;
import savescope.metrics.Quadrants;
import savescope.metrics.Rankings;
import savescope.metrics.Rates;
import savescope.metrics.SaveCorrelations;
import savescope.metrics.SavesAgainstViews;
import savescope.metrics.TitledRate;
import savescope.metrics.TopVideos;
import savescope.metrics.Totals;
import savescope.metrics.Trends;
import savescope.model.Canonical;
import savescope.model.Dataset;

/**
 * {@link Analytics} answered by Apache Spark: every question about the videos and daily tables is an aggregate
 * computed in Spark ({@link SparkAggregates}, {@link SparkVideoQueries}, {@link SparkDailyQueries}), and only
 * its small result comes to the driver, so the same report is built whatever the corpus size. The channel's
 * own Studio tables (followers, audience, viewers, Overview) and the comments are a few rows per day or per
 * comment: when the input carries them (exports read by the loader), they are answered here in the driver by
 * {@link LocalAnalytics} over those tables alone; a Parquet, CSV or JSON Lines corpus has none of them.
 *
 * <p>The values each answer holds are the local engine's (see {@code README}, "Beyond one machine", for how each
 * is kept equal); computed once, on first use.
 */
public final class SparkAnalytics implements Analytics {
    private final SparkCorpus corpus;
    private final Dataset context;
    private final LocalAnalytics channel;
    private final long minViews;
    private final Memo<Aggregates> aggregates;
    private final Memo<SparkVideoQueries> videoQueries;
    private final Memo<SparkDailyQueries> dailyQueries;
    private final Memo<Boolean> hasDaily;

    private SparkAnalytics(SparkCorpus corpus, Dataset context, long minViews) {
        this.corpus = corpus;
        this.context = context;
        this.channel = LocalAnalytics.of(context);
        this.minViews = minViews;
        Long followers = LocalAnalytics.followers(context);
        aggregates = new Memo<>(() -> SparkAggregates.compute(corpus, minViews, followers));
        videoQueries = new Memo<>(() -> new SparkVideoQueries(corpus.videos()));
        dailyQueries = new Memo<>(() -> new SparkDailyQueries(corpus.videos(), corpus.daily()));
        hasDaily = new Memo<>(() -> !corpus.daily().isEmpty());
    }

    /**
     * @param corpus the videos and daily tables in Spark
     * @param context the input's channel tables, comments and snapshots (its videos and daily tables are not
     *     read), or null when the input has none
     * @param minViews the {@code --min-views} the report ranks videos from: the rankings for it are computed
     *     with the other aggregates
     */
    public static SparkAnalytics of(SparkCorpus corpus, Dataset context, long minViews) {
        // Only the channel-level tables, comments and snapshots are kept: every per-video answer comes from Spark.
        Dataset kept = context == null ? Dataset.ofVideos(Canonical.emptyVideos("none"), corpus.load())
                : new Dataset(Canonical.emptyVideos("none"), Canonical.emptyDaily("none"), context.snapshots(),
                        context.channel(), context.comments(), context.load());
        return new SparkAnalytics(corpus, kept, minViews);
    }

    /** Every aggregate of {@link Aggregates}, as {@code --aggregates} writes them. */
    public Aggregates aggregates() {
        return aggregates.get();
    }

    @Override
    public savescope.model.LoadReport load() {
        return corpus.load();
    }

    @Override
    public boolean hasSaves() {
        return totals().saves() != null;
    }

    @Override
    public List<String> accounts() {
        return aggregates().accounts();
    }

    @Override
    public PostingRange postingRange() {
        Aggregates a = aggregates();
        return a.firstPosted() == null ? null : new PostingRange(Instant.parse(a.firstPosted()), Instant.parse(a.lastPosted()));
    }

    @Override
    public Totals totals() {
        return aggregates().totals();
    }

    @Override
    public Rates rates() {
        return aggregates().rates();
    }

    @Override
    public Intervals.Interval typicalRateInterval() {
        return aggregates().medianCi();
    }

    @Override
    public Histogram saveRateHistogram(int maxBins) {
        if (maxBins == Aggregates.HISTOGRAM_BINS) {
            return aggregates().saveRateHistogram();
        }
        long n = rates().videosWithRate();
        if (n == 0) {
            return null;
        }
        var rated = videoQueries.get().rated();
        double p99 = OrderStatistics.at(rated.select(col("rate")), new long[] {SparkAggregates.p99Position(n)})
                .get(SparkAggregates.p99Position(n));
        return SparkAggregates.histogram(rated, n, p99, maxBins);
    }

    @Override
    public Double perView(List<String> counts) {
        String key = Aggregates.perViewKey(counts);
        Map<String, Double> known = aggregates().perView();
        return known.containsKey(key) ? known.get(key) : SparkAggregates.perView(corpus.videos(), counts);
    }

    @Override
    public GroupComparison.Result groupsByContentType() {
        return aggregates().groups().get(GroupComparison.CONTENT_TYPE);
    }

    @Override
    public GroupComparison.Result groupsByHashtag() {
        return aggregates().groups().get(GroupComparison.HASHTAG);
    }

    @Override
    public GroupComparison.Result groupsByDuration() {
        return aggregates().groups().get(GroupComparison.DURATION);
    }

    @Override
    public GroupComparison.Result groupsByWeekday() {
        return aggregates().groups().get(GroupComparison.WEEKDAY);
    }

    @Override
    public GroupComparison.Result groupsByHour() {
        return aggregates().groups().get(GroupComparison.HOUR);
    }

    @Override
    public Quadrants.Summary quadrants() {
        return aggregates().quadrants();
    }

    @Override
    public SavesAgainstViews savesAgainstViews(int maxPoints, long seed) {
        return videoQueries.get().savesAgainstViews(maxPoints, seed, totals().videos());
    }

    /** The rankings of the aggregates when asked for their {@code --min-views} and 10 entries, else computed anew. */
    @Override
    public Rankings rankings(long minViews, int limit) {
        if (minViews == this.minViews && limit == RANKED) {
            return aggregates().rankings();
        }
        var eligible = videoQueries.get().rated().filter(col(Canonical.VIEWS).geq(minViews));
        long n = eligible.count();
        double[] quartiles = null;
        if (n >= 4) {
            var values = eligible.select(col("rate"));
            quartiles = new double[] {GroupQuantiles.whole(values, n, 0.25), GroupQuantiles.whole(values, n, 0.5),
                GroupQuantiles.whole(values, n, 0.75)};
        }
        return SparkRankings.of(videoQueries.get().rated(), minViews, limit, n, quartiles);
    }

    /** How many top and bottom videos {@link SparkAggregates} ranks. */
    private static final int RANKED = 10;

    @Override
    public List<DataAlerts.Alert> dataAlerts() {
        return videoQueries.get().dataAlerts();
    }

    @Override
    public SaveCorrelations.Set countCorrelations() {
        return aggregates().countCorrelations();
    }

    @Override
    public SaveCorrelations.Set rateCorrelations() {
        return aggregates().rateCorrelations();
    }

    @Override
    public Map<String, Correlations.Correlation> savesWithViewsHeldFixed() {
        return aggregates().partialWithSaves();
    }

    @Override
    public List<TopVideos.Video> topVideos(String count, int limit) {
        return videoQueries.get().topVideos(count, limit);
    }

    @Override
    public List<Trends.Period> weeklyTrend(int window) {
        return videoQueries.get().trend("week", window);
    }

    @Override
    public List<Trends.Period> monthlyTrend(int window) {
        return videoQueries.get().trend("month", window);
    }

    @Override
    public ChannelWeeks channelWeeks() {
        return channel.channelWeeks();
    }

    @Override
    public boolean hasDailySeries() {
        return hasDaily.get();
    }

    @Override
    public boolean hasSnapshots() {
        return context.snapshots().rowCount() > 0;
    }

    @Override
    public Accumulation.Summary accumulation(int horizon) {
        return dailyQueries.get().summarize(horizon);
    }

    /**
     * As the local engine, in the series' order, but at most {@link SparkDailyQueries#MAX_VIDEO_ROWS} videos (the
     * first ones): the list goes whole into the {@code --json} document, and a series of more videos than that
     * would make a document no reader opens.
     */
    @Override
    public List<Accumulation.VideoSummary> accumulationByVideo() {
        return dailyQueries.get().byVideo();
    }

    @Override
    public List<Accumulation.Titled> mostEvergreen(int n) {
        return dailyQueries.get().mostEvergreen(n, videoQueries.get());
    }

    @Override
    public Instant latestExportTime() {
        return SparkDailyQueries.latestExportTime(corpus.daily());
    }

    @Override
    public List<Accumulation.SnapshotGain> snapshotGains(int oldDays) {
        if (!hasSnapshots()) {
            return List.of();
        }
        return dailyQueries.get().snapshotGains(SparkDailyQueries.snapshots(corpus.videos().sparkSession(),
                context.snapshots()), latestExportTime(), oldDays);
    }

    @Override
    public EarlySignal.Summary earlySignal(int horizon) {
        return dailyQueries.get().earlySignal(horizon);
    }

    @Override
    public List<Experiment.Arm> experimentArms() {
        return videoQueries.get().experimentArms();
    }

    @Override
    public Experiment.Outcome experiment(List<Experiment.Arm> arms) {
        return videoQueries.get().experiment(arms);
    }

    @Override
    public boolean hasChannelTable(String kind) {
        return channel.hasChannelTable(kind);
    }

    @Override
    public AudienceContext.Growth followerGrowth() {
        return channel.followerGrowth();
    }

    @Override
    public AudienceContext.Returning returningViewers() {
        return channel.returningViewers();
    }

    @Override
    public List<AudienceContext.Segment> followerGender(int minSegment) {
        return channel.followerGender(minSegment);
    }

    @Override
    public List<AudienceContext.Segment> followerTerritories(int minSegment) {
        return channel.followerTerritories(minSegment);
    }

    @Override
    public double[] activeFollowersByHour() {
        return channel.activeFollowersByHour();
    }

    @Override
    public AudienceContext.PostingHours postingHours() {
        double[] byHour = activeFollowersByHour();
        return byHour == null ? null : videoQueries.get().postingHours(byHour);
    }

    @Override
    public List<AudienceContext.PostingCell> postingGrid(int bandHours) {
        return videoQueries.get().postingGrid(bandHours);
    }

    @Override
    public CommentThemes.Summary commentSummary(int minThemeComments, int maxThemes) {
        return channel.commentSummary(minThemeComments, maxThemes);
    }

    @Override
    public List<TitledRate> titledRates(List<String> ids) {
        return videoQueries.get().titledRates(ids);
    }

    @Override
    public int accountCount() {
        return videoQueries.get().accountCount();
    }

    @Override
    public List<Accounts.Summary> accountSummaries() {
        return videoQueries.get().accountSummaries();
    }
}
