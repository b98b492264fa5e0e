package savescope.metrics;

import savescope.model.Canonical;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/** Save rate (saves / views): over the whole channel as a ratio of sums, and as a per-video distribution. */
public final class SaveRate {
    private SaveRate() {}

    /**
     * The overall rate: total saves over total views of the videos that have both; null when none has.
     * A ratio of sums weights big videos more, which is what "of all views, how many ended in a save" means.
     */
    public static Double overall(Table videos) {
        LongColumn views = videos.longColumn(Canonical.VIEWS);
        LongColumn saves = videos.longColumn(Canonical.SAVES);
        long v = 0;
        long s = 0;
        for (int i = 0, n = videos.rowCount(); i < n; i++) {
            if (!views.isMissing(i) && !saves.isMissing(i)) {
                v += views.getLong(i);
                s += saves.getLong(i);
            }
        }
        return v == 0 ? null : (double) s / v;
    }

    /** Each video's save rate, for videos with views above zero and a saves count, in row order. */
    public static double[] perVideo(Table videos) {
        LongColumn views = videos.longColumn(Canonical.VIEWS);
        LongColumn saves = videos.longColumn(Canonical.SAVES);
        double[] out = new double[videos.rowCount()];
        int k = 0;
        for (int i = 0, n = videos.rowCount(); i < n; i++) {
            if (!views.isMissing(i) && !saves.isMissing(i) && views.getLong(i) > 0) {
                out[k++] = (double) saves.getLong(i) / views.getLong(i);
            }
        }
        return java.util.Arrays.copyOf(out, k);
    }

    /** The median of the per-video rates (mean of the middle two for an even count); null when there are none. */
    public static Double medianPerVideo(Table videos) {
        double[] rates = perVideo(videos);
        return rates.length == 0 ? null : quantile(rates, 0.5);
    }

    /**
     * The q-quantile by linear interpolation between order statistics (the default of NumPy and R type 7).
     */
    public static double quantile(double[] values, double q) {
        return Stats.quantile(values, q);
    }
}
