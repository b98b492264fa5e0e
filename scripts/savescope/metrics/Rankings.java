package savescope.metrics;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import savescope.model.Canonical;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Top and bottom videos by save rate among those with enough views for the rate to mean something, and the
 * videos whose save rate lies far outside the rest (Tukey's far-out fences, Q1 − 3·IQR and Q3 + 3·IQR).
 *
 * @param minViews the threshold used
 * @param eligible how many videos reached it (and have a saves count)
 * @param top the highest save rates, best first
 * @param bottom the lowest save rates, worst first
 * @param lowFence the lower fence on the save rate (NaN with fewer than four eligible videos)
 * @param highFence the upper fence
 * @param outliers eligible videos outside the fences, most extreme first, at most {@code limit}
 * @param outlierCount how many there are in all
 */
public record Rankings(long minViews, int eligible, List<Entry> top, List<Entry> bottom, double lowFence,
        double highFence, List<Entry> outliers, int outlierCount) {

    /** One video: its row in the frame, id, title, counts and save rate. */
    public record Entry(int row, String videoId, String title, long views, long saves, double saveRate) {}

    /**
     * @param minViews only videos with at least this many views are ranked
     * @param limit how many videos in each list
     */
    public static Rankings of(Table videos, long minViews, int limit) {
        return of(new VideoColumns(videos), minViews, limit);
    }

    /** {@link #of(Table, long, int)} from columns shared with other metrics. */
    public static Rankings of(VideoColumns columns, long minViews, int limit) {
        Table videos = columns.videos();
        double[] views = columns.of(Canonical.VIEWS);
        double[] saves = columns.of(Canonical.SAVES);
        double[] rates = columns.saveRates();
        int[] rows = new int[rates.length];
        int n = 0;
        for (int i = 0; i < rates.length; i++) {
            if (!Double.isNaN(rates[i]) && views[i] >= minViews) {
                rows[n++] = i;
            }
        }
        rows = Arrays.copyOf(rows, n);
        double[] eligibleRates = new double[n];
        for (int k = 0; k < n; k++) {
            eligibleRates[k] = rates[rows[k]];
        }
        int[] ascending = Stats.sortedOrder(eligibleRates);
        StringColumn ids = videos.stringColumn(Canonical.VIDEO_ID);
        StringColumn titles = videos.stringColumn(Canonical.TITLE);
        List<Entry> top = new ArrayList<>();
        List<Entry> bottom = new ArrayList<>();
        for (int k = 0; k < Math.min(limit, n); k++) {
            top.add(entry(rows[ascending[n - 1 - k]], ids, titles, views, saves, rates));
            bottom.add(entry(rows[ascending[k]], ids, titles, views, saves, rates));
        }
        double lowFence = Double.NaN;
        double highFence = Double.NaN;
        List<Entry> outliers = new ArrayList<>();
        int outlierCount = 0;
        if (n >= 4) {
            double[] sorted = eligibleRates.clone();
            Stats.sort(sorted);
            double q1 = Stats.quantileSorted(sorted, 0.25);
            double q3 = Stats.quantileSorted(sorted, 0.75);
            lowFence = q1 - 3 * (q3 - q1);
            highFence = q3 + 3 * (q3 - q1);
            double median = Stats.quantileSorted(sorted, 0.5);
            // Walk from both ends inward so the most extreme come first.
            int lo = 0;
            int hi = n - 1;
            while (lo <= hi) {
                double low = eligibleRates[ascending[lo]];
                double high = eligibleRates[ascending[hi]];
                boolean lowOut = low < lowFence;
                boolean highOut = high > highFence;
                if (!lowOut && !highOut) {
                    break;
                }
                int pick;
                if (highOut && (!lowOut || high - median >= median - low)) {
                    pick = ascending[hi--];
                } else {
                    pick = ascending[lo++];
                }
                outlierCount++;
                if (outliers.size() < limit) {
                    outliers.add(entry(rows[pick], ids, titles, views, saves, rates));
                }
            }
        }
        return new Rankings(minViews, n, List.copyOf(top), List.copyOf(bottom), lowFence, highFence,
                List.copyOf(outliers), outlierCount);
    }

    private static Entry entry(int row, StringColumn ids, StringColumn titles, double[] views, double[] saves,
            double[] rates) {
        return new Entry(row, ids.get(row), titles.get(row), (long) views[row], (long) saves[row], rates[row]);
    }
}
