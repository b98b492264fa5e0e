package savescope.metrics;

import savescope.model.Canonical;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.Table;

/**
 * The canonical per-video columns as primitive arrays, missing values as NaN, so the metrics can loop over
 * a million videos without boxing.
 */
public final class VideoValues {
    private VideoValues() {}

    /** A count or duration column as doubles; a missing cell (or a column the frame lacks) is NaN. */
    public static double[] of(Table videos, String column) {
        int n = videos.rowCount();
        double[] out = new double[n];
        if (!videos.containsColumn(column)) {
            java.util.Arrays.fill(out, Double.NaN);
            return out;
        }
        if (videos.column(column) instanceof LongColumn c) {
            for (int i = 0; i < n; i++) {
                out[i] = c.isMissing(i) ? Double.NaN : c.getLong(i);
            }
        } else if (videos.column(column) instanceof DoubleColumn c) {
            for (int i = 0; i < n; i++) {
                out[i] = c.isMissing(i) ? Double.NaN : c.getDouble(i);
            }
        } else {
            throw new IllegalArgumentException("column " + column + " is not numeric");
        }
        return out;
    }

    /** Per-video ratio numerator / denominator where both are present and the denominator is above zero. */
    public static double[] ratio(double[] numerator, double[] denominator) {
        double[] out = new double[numerator.length];
        for (int i = 0; i < out.length; i++) {
            double d = denominator[i];
            out[i] = Double.isNaN(numerator[i]) || Double.isNaN(d) || d <= 0 ? Double.NaN : numerator[i] / d;
        }
        return out;
    }

    /** Each video's save rate (saves / views), NaN where views are zero or either count is missing. */
    public static double[] saveRates(Table videos) {
        return ratio(of(videos, Canonical.SAVES), of(videos, Canonical.VIEWS));
    }

    /** The values that are not NaN, in order. */
    public static double[] present(double[] values) {
        int n = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                n++;
            }
        }
        double[] out = new double[n]; // counted first: one array of the final size, not a second copy
        int k = 0;
        for (double v : values) {
            if (!Double.isNaN(v)) {
                out[k++] = v;
            }
        }
        return out;
    }

    /** True when at least one value is present. */
    public static boolean anyPresent(double[] values) {
        for (double v : values) {
            if (!Double.isNaN(v)) {
                return true;
            }
        }
        return false;
    }
}
