package savescope.spark;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.metrics.Analytics;
import savescope.metrics.GroupComparison;
import savescope.metrics.LocalAnalytics;
import savescope.metrics.Intervals;
import savescope.metrics.Quadrants;
import savescope.metrics.Rankings;
import savescope.metrics.Rates;
import savescope.metrics.SaveCorrelations;
import savescope.metrics.Totals;
import savescope.metrics.VideoColumns;
import savescope.model.Canonical;
import savescope.model.Dataset;
import tech.tablesaw.api.Table;

/**
 * {@link Aggregates} from the local metrics, in memory: the reference the Spark engine is held to, and what
 * the comparison of the two engines reads.
 */
public final class LocalAggregates {
    private LocalAggregates() {}

    public static Aggregates of(Dataset data, long minViews, Long followers) {
        Table videos = data.videos();
        LocalAnalytics analytics = LocalAnalytics.of(data);
        Analytics.PostingRange range = analytics.postingRange();
        VideoColumns columns = new VideoColumns(videos);
        GroupComparison.Rated rated = GroupComparison.Rated.of(columns);
        double[] sorted = rated.sortedRates();
        Map<String, GroupComparison.Result> groups = new LinkedHashMap<>();
        groups.put(GroupComparison.CONTENT_TYPE, GroupComparison.byContentType(rated));
        groups.put(GroupComparison.HASHTAG, GroupComparison.byHashtag(rated));
        groups.put(GroupComparison.DURATION, GroupComparison.byDuration(rated));
        groups.put(GroupComparison.WEEKDAY, GroupComparison.byWeekday(rated));
        groups.put(GroupComparison.HOUR, GroupComparison.byHour(rated));
        Quadrants q = Quadrants.of(columns);
        return new Aggregates(Totals.of(videos), Rates.of(columns, followers),
                sorted.length == 0 ? null : Intervals.bootstrapMedianSorted(sorted, 0.95, Intervals.BOOTSTRAP_RESAMPLES,
                        Intervals.DEFAULT_SEED),
                groups, q.summary(),
                Rankings.of(columns, minViews, 10), SaveCorrelations.counts(columns), SaveCorrelations.rates(columns),
                SaveCorrelations.partialWithSaves(columns), daily(data.daily()), analytics.accounts(),
                range == null ? null : range.first().toString(), range == null ? null : range.last().toString(),
                sorted.length == 0 ? null : analytics.saveRateHistogram(Aggregates.HISTOGRAM_BINS), perView(analytics),
                data.load());
    }

    private static Map<String, Double> perView(LocalAnalytics analytics) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (List<String> counts : Aggregates.PER_VIEW) {
            out.put(Aggregates.perViewKey(counts), analytics.perView(counts));
        }
        return out;
    }

    private static List<Aggregates.DailyTotal> daily(Table daily) {
        Map<String, long[]> byDay = new java.util.TreeMap<>();
        Map<String, boolean[]> present = new java.util.HashMap<>();
        Map<String, java.util.Set<String>> ids = new java.util.HashMap<>();
        var dates = daily.dateColumn(Canonical.DATE);
        var idColumn = daily.stringColumn(Canonical.VIDEO_ID);
        for (int i = 0; i < daily.rowCount(); i++) {
            if (dates.isMissing(i)) {
                continue;
            }
            String d = dates.get(i).toString();
            long[] sums = byDay.computeIfAbsent(d, k -> new long[5]);
            boolean[] has = present.computeIfAbsent(d, k -> new boolean[5]);
            ids.computeIfAbsent(d, k -> new java.util.HashSet<>()).add(idColumn.get(i));
            for (int c = 0; c < 5; c++) {
                var col = daily.longColumn(Canonical.COUNTS.get(c));
                if (!col.isMissing(i)) {
                    sums[c] += col.getLong(i);
                    has[c] = true;
                }
            }
        }
        List<Aggregates.DailyTotal> out = new ArrayList<>();
        byDay.forEach((d, s) -> {
            boolean[] h = present.get(d);
            out.add(new Aggregates.DailyTotal(d, ids.get(d).size(), h[0] ? s[0] : null, h[1] ? s[1] : null,
                    h[2] ? s[2] : null, h[3] ? s[3] : null, h[4] ? s[4] : null));
        });
        return out;
    }
}
