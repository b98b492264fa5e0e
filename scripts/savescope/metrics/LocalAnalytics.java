package savescope.metrics;

import java.time.LocalDate;
import java.util.Collections;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
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

    private LocalAnalytics(Dataset data) {
        this.data = data;
        rated = new Memo<>(() -> Collections.unmodifiableList(RatedVideo.of(data.videos())));
        dailyIndex = new Memo<>(() -> DailyIndex.of(data.videos(), data.daily()));
        groupRates = new Memo<>(() -> GroupComparison.Rated.of(data.videos()));
        rates = new Memo<>(() -> Rates.of(data.videos(), followers(data)));
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
    public Totals totals() {
        return Totals.of(data.videos());
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

    // ---- Time (trends, channel, evergreen, early signal) ----

    // ---- Context (experiment, audience, comments, accounts, videos, data quality) ----

    /** The latest follower count from a Studio FollowerHistory table, or null when the data has none. */
    static Long followers(Dataset data) {
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

    /** A value computed on first use, under its own lock. */
    private static final class Memo<T> {
        private final Supplier<T> compute;
        private T value;

        Memo(Supplier<T> compute) {
            this.compute = compute;
        }

        synchronized T get() {
            if (value == null) {
                value = compute.get();
            }
            return value;
        }
    }
}
