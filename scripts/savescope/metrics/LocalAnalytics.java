package savescope.metrics;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import savescope.model.Canonical;
import savescope.model.Dataset;
import savescope.model.LoadReport;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * {@link Analytics} computed in this process from the loaded tables. Values that several sections read (rated
 * videos, the daily index, sorted group rates) are computed once, on first use; sections may ask from several
 * threads at once, and each value has its own lock.
 */
public final class LocalAnalytics implements Analytics {
    private final Dataset data;
    private final Memo<List<RatedVideo>> rated;
    private final Memo<DailyIndex> dailyIndex;
    private final Memo<GroupComparison.Rated> groupRates;
    private final Memo<Rates> rates;
    private final Memo<List<Accumulation.VideoCurve>> curves;
    /** The per-video columns the metrics share (each taken from the frame once). */
    private final Memo<VideoColumns> columns;
    private final Memo<Totals> totals;
    private final Map<Period, Analytics> postedIn = new java.util.concurrent.ConcurrentHashMap<>();
    private final Map<List<Period>, PeriodComparison> comparisons = new java.util.concurrent.ConcurrentHashMap<>();

    private LocalAnalytics(Dataset data) {
        this.data = data;
        columns = new Memo<>(() -> new VideoColumns(data.videos()));
        totals = new Memo<>(() -> Totals.of(data.videos()));
        rated = new Memo<>(() -> Collections.unmodifiableList(RatedVideo.of(data.videos())));
        dailyIndex = new Memo<>(() -> DailyIndex.of(data.videos(), data.daily()));
        groupRates = new Memo<>(() -> GroupComparison.Rated.of(columns()));
        rates = new Memo<>(() -> Rates.of(columns(), followers(data)));
        curves = new Memo<>(() -> Collections.unmodifiableList(Accumulation.curves(dailyIndex())));
    }

    private VideoColumns columns() {
        return columns.get();
    }

    /** The analytics of a loaded dataset (what {@code Loader.load} returns). */
    public static LocalAnalytics of(Dataset data) {
        return new LocalAnalytics(data);
    }

    /** The tables these numbers come from. */
    public Dataset data() {
        return data;
    }

    /** {@link RatedVideo#of} the videos, computed once (read-only). */
    public List<RatedVideo> ratedVideos() {
        return rated.get();
    }

    /** {@link DailyIndex#of} the videos and the daily series, computed once. */
    public DailyIndex dailyIndex() {
        return dailyIndex.get();
    }

    /** Every video's save rate and their order, sorted once (immutable). */
    public GroupComparison.Rated groupRates() {
        return groupRates.get();
    }

    @Override
    public LoadReport load() {
        return data.load();
    }

    @Override
    public boolean hasSaves() {
        LongColumn saves = data.videos().longColumn(Canonical.SAVES);
        return saves.countMissing() < saves.size();
    }

    @Override
    public List<String> accounts() {
        return data.videos().stringColumn(Canonical.ACCOUNT).unique().asList().stream().filter(a -> !a.isBlank())
                .sorted().toList();
    }

    @Override
    public PostingRange postingRange() {
        var posted = data.videos().instantColumn(Canonical.POSTED_AT);
        // Compared as milliseconds since the epoch (what the column keeps), without an Instant per row.
        long first = Long.MAX_VALUE;
        long last = Long.MIN_VALUE;
        for (int i = 0; i < posted.size(); i++) {
            long ms = savescope.model.PackedTimes.epochMilli(posted, i);
            if (ms != Long.MIN_VALUE) {
                first = Math.min(first, ms);
                last = Math.max(last, ms);
            }
        }
        return last == Long.MIN_VALUE ? null
                : new PostingRange(java.time.Instant.ofEpochMilli(first), java.time.Instant.ofEpochMilli(last));
    }

    @Override
    public Totals totals() {
        return totals.get();
    }

    @Override
    public Rates rates() {
        return rates.get();
    }

    @Override
    public Intervals.Interval typicalRateInterval() {
        // The rates already sorted once for the report: the interval need not sort a million again.
        return Intervals.bootstrapMedianSorted(groupRates().sortedRates(), 0.95, Intervals.BOOTSTRAP_RESAMPLES,
                Intervals.DEFAULT_SEED);
    }

    @Override
    public Histogram saveRateHistogram(int maxBins) {
        return Histogram.ofRates(SaveRate.perVideo(data.videos()), maxBins);
    }

    @Override
    public Double perView(List<String> counts) {
        Table videos = data.videos();
        LongColumn views = videos.longColumn(Canonical.VIEWS);
        List<LongColumn> cols = counts.stream().map(videos::longColumn).toList();
        long sumViews = 0;
        long sum = 0;
        for (int i = 0; i < videos.rowCount(); i++) {
            final int row = i;
            if (views.isMissing(i) || cols.stream().anyMatch(c -> c.isMissing(row))) {
                continue;
            }
            sumViews += views.getLong(i);
            for (LongColumn c : cols) {
                sum += c.getLong(i);
            }
        }
        return sumViews == 0 ? null : (double) sum / sumViews;
    }

    // ---- Content and performance (content types, groups, quadrants, rankings, correlations) ----

    @Override
    public GroupComparison.Result groupsByContentType() {
        return GroupComparison.byContentType(groupRates());
    }

    @Override
    public GroupComparison.Result groupsByHashtag() {
        return GroupComparison.byHashtag(groupRates());
    }

    @Override
    public GroupComparison.Result groupsByDuration() {
        return GroupComparison.byDuration(groupRates());
    }

    @Override
    public GroupComparison.Result groupsByWeekday() {
        return GroupComparison.byWeekday(groupRates());
    }

    @Override
    public GroupComparison.Result groupsByHour() {
        return GroupComparison.byHour(groupRates());
    }

    @Override
    public Quadrants.Summary quadrants() {
        return Quadrants.of(columns()).summary();
    }

    @Override
    public SavesAgainstViews savesAgainstViews(int maxPoints, long seed) {
        return SavesAgainstViews.of(columns().of(Canonical.VIEWS), columns().of(Canonical.SAVES), maxPoints, seed);
    }

    @Override
    public Rankings rankings(long minViews, int limit) {
        return Rankings.of(columns(), minViews, limit);
    }

    @Override
    public List<DataAlerts.Alert> dataAlerts() {
        return DataAlerts.of(columns());
    }

    @Override
    public SaveCorrelations.Set countCorrelations() {
        return SaveCorrelations.counts(columns());
    }

    @Override
    public SaveCorrelations.Set rateCorrelations() {
        return SaveCorrelations.rates(columns());
    }

    @Override
    public Map<String, Correlations.Correlation> savesWithViewsHeldFixed() {
        return Collections.unmodifiableMap(SaveCorrelations.partialWithSaves(columns()));
    }

    @Override
    public List<TopVideos.Video> topVideos(String count, int limit) {
        return TopVideos.of(data.videos(), count, limit);
    }

    // ---- Time (trends, channel, evergreen, early signal) ----

    @Override
    public List<Trends.Period> weeklyTrend(int window) {
        return Trends.weekly(ratedVideos(), window);
    }

    @Override
    public List<Trends.Period> monthlyTrend(int window) {
        return Trends.monthly(ratedVideos(), window);
    }

    @Override
    public ChannelWeeks channelWeeks() {
        return data.channelTable("Overview").map(ChannelWeeks::of).orElse(null);
    }

    @Override
    public boolean hasDailySeries() {
        return data.daily().rowCount() > 0;
    }

    @Override
    public boolean hasSnapshots() {
        return data.snapshots().rowCount() > 0;
    }

    @Override
    public Accumulation.Summary accumulation(int horizon) {
        return Accumulation.summarize(curves.get(), horizon);
    }

    @Override
    public List<Accumulation.VideoSummary> accumulationByVideo() {
        return curves.get().stream().map(Accumulation.VideoCurve::summary).toList();
    }

    @Override
    public List<Accumulation.Titled> mostEvergreen(int n) {
        List<Accumulation.VideoCurve> top = Accumulation.top(curves.get(), n);
        Map<String, String> titles = titles(data.videos(), top.stream().map(Accumulation.VideoCurve::id).toList());
        return top.stream().map(c -> new Accumulation.Titled(titles.getOrDefault(c.id(), c.id()), c.summary())).toList();
    }

    @Override
    public Instant latestExportTime() {
        Table daily = data.daily();
        LocalDate max = daily.rowCount() == 0 ? null : daily.dateColumn(Canonical.DATE).max();
        return max == null ? null : max.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    @Override
    public List<Accumulation.SnapshotGain> snapshotGains(int oldDays) {
        return Accumulation.snapshotGains(data.videos(), data.snapshots(), latestExportTime(), oldDays);
    }

    @Override
    public EarlySignal.Summary earlySignal(int horizon) {
        return EarlySignal.Summary.of(EarlySignal.measure(dailyIndex(), horizon));
    }

    /** The titles of the listed videos only ("(untitled)" when blank; the first listing of an id wins). */
    static Map<String, String> titles(Table videos, List<String> listed) {
        Set<String> wanted = new HashSet<>(listed);
        Map<String, String> titles = new HashMap<>();
        var ids = videos.stringColumn(Canonical.VIDEO_ID);
        var t = videos.stringColumn(Canonical.TITLE);
        for (int i = 0; i < videos.rowCount() && titles.size() < wanted.size(); i++) {
            String id = ids.get(i);
            if (wanted.contains(id) && !titles.containsKey(id)) {
                titles.put(id, t.get(i).isBlank() ? "(untitled)" : t.get(i));
            }
        }
        return titles;
    }

    // ---- Context (experiment, audience, comments, accounts, videos, data quality) ----

    @Override
    public List<Experiment.Arm> experimentArms() {
        return Experiment.detect(data.videos(), ratedVideos());
    }

    @Override
    public Experiment.Outcome experiment(List<Experiment.Arm> arms) {
        return Experiment.outcome(Experiment.assign(data.videos(), ratedVideos(), arms, ""));
    }

    @Override
    public boolean hasChannelTable(String kind) {
        return data.channelTable(kind).isPresent();
    }

    @Override
    public AudienceContext.Growth followerGrowth() {
        return data.channelTable("FollowerHistory").map(AudienceContext::growth).orElse(null);
    }

    @Override
    public AudienceContext.Returning returningViewers() {
        return data.channelTable("Viewers").map(AudienceContext::returning).orElse(null);
    }

    @Override
    public List<AudienceContext.Segment> followerGender(int minSegment) {
        return segments("FollowerGender", "gender", minSegment);
    }

    @Override
    public List<AudienceContext.Segment> followerTerritories(int minSegment) {
        return segments("FollowerTopTerritories", "territory", minSegment);
    }

    private List<AudienceContext.Segment> segments(String kind, String labelColumn, int minSegment) {
        AudienceContext.Growth growth = followerGrowth();
        Long followers = growth == null ? null : growth.end();
        return data.channelTable(kind).map(t -> AudienceContext.segments(t, labelColumn, followers, minSegment))
                .orElse(null);
    }

    @Override
    public double[] activeFollowersByHour() {
        return data.channelTable("FollowerActivity").map(AudienceContext::activeByHour).orElse(null);
    }

    @Override
    public AudienceContext.PostingHours postingHours() {
        double[] byHour = activeFollowersByHour();
        return byHour == null ? null : AudienceContext.postingHours(ratedVideos(), byHour);
    }

    @Override
    public List<AudienceContext.PostingCell> postingGrid(int bandHours) {
        return AudienceContext.postingGrid(ratedVideos(), bandHours);
    }

    @Override
    public CommentThemes.Summary commentSummary(int minThemeComments, int maxThemes) {
        Table comments = data.comments();
        return comments.rowCount() == 0 ? null : CommentThemes.summarize(comments, minThemeComments, maxThemes);
    }

    @Override
    public List<TitledRate> titledRates(List<String> ids) {
        Set<String> wanted = new HashSet<>(ids);
        Map<String, String> titles = new HashMap<>();
        var idColumn = data.videos().stringColumn(Canonical.VIDEO_ID);
        var titleColumn = data.videos().stringColumn(Canonical.TITLE);
        for (int i = 0; i < idColumn.size() && titles.size() < wanted.size(); i++) {
            String id = idColumn.get(i);
            if (wanted.contains(id)) {
                titles.putIfAbsent(id, titleColumn.get(i).isBlank() ? "(untitled)" : titleColumn.get(i));
            }
        }
        Map<String, Double> rates = new HashMap<>();
        for (RatedVideo v : ratedVideos()) {
            if (wanted.contains(v.id())) {
                rates.putIfAbsent(v.id(), v.rate());
            }
        }
        return ids.stream().map(id -> new TitledRate(id, titles.get(id), rates.get(id))).toList();
    }

    @Override
    public int accountCount() {
        return Accounts.count(ratedVideos());
    }

    @Override
    public List<Accounts.Summary> accountSummaries() {
        return List.copyOf(Accounts.summarize(ratedVideos()));
    }

    /** The latest follower count from a Studio FollowerHistory table, or null when the data has none. */
    public static Long followers(Dataset data) {
        Optional<Table> history = data.channelTable("FollowerHistory");
        if (history.isEmpty() || !history.get().containsColumn("followers")) {
            return null;
        }
        Table h = history.get();
        var col = h.column("followers");
        var dates = h.containsColumn("date") ? h.dateColumn("date") : null;
        Long latest = null;
        LocalDate latestDate = null;
        for (int i = 0; i < h.rowCount(); i++) {
            if (col.isMissing(i)) {
                continue;
            }
            LocalDate d = dates == null || dates.isMissing(i) ? null : dates.get(i);
            if (latest == null || (d != null && (latestDate == null || !d.isBefore(latestDate)))) {
                latest = ((Number) col.get(i)).longValue();
                latestDate = d;
            }
        }
        return latest;
    }

    @Override
    public LocalDate lastDataDay() {
        return PeriodComparison.anchor(data);
    }

    @Override
    public PeriodComparison periodComparison(Period period, Period comparison) {
        // The period section and the headline cards both ask: bootstrap and permutations run once.
        return comparisons.computeIfAbsent(List.of(period, comparison), k -> PeriodComparison.of(data, period,
                comparison));
    }

    @Override
    public Analytics postedIn(Period period) {
        return postedIn.computeIfAbsent(period, p -> LocalAnalytics.of(PeriodDataset.postedIn(data, p)));
    }

    @Override
    public ChannelWeeks channelWeeksIn(Period period) {
        return data.channelTable("Overview").map(t -> ChannelWeeks.of(PeriodDataset.daysIn(t, period))).orElse(null);
    }

    @Override
    public PeriodRates periodRates(Period period, Period comparison) {
        List<RatedVideo> rated = ratedVideos();
        return PeriodRates.of(rated.stream().filter(v -> period.contains(v.postedAt())).toList(),
                rated.stream().filter(v -> comparison.contains(v.postedAt())).toList());
    }

    @Override
    public List<PeriodGroups.Row> periodGroups(String dimension, List<String> groups, Period period,
            Period comparison) {
        return PeriodGroups.of(data.videos(), dimension, groups, period, comparison);
    }
}
