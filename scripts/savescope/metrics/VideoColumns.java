package savescope.metrics;

import java.util.concurrent.ConcurrentHashMap;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/**
 * The per-video columns of one frame as arrays ({@link VideoValues#of}), each taken from the frame once and then
 * shared by every metric that reads it, from any thread: at a million videos the report took 39 copies of
 * eight columns, 312 MB, most of them alike. The arrays are read, never written: a metric that needs to sort or
 * filter works on its own copy. The frame must not change while this is in use.
 */
public final class VideoColumns {
    /** The key of {@link #saveRates()} among the columns. */
    private static final String SAVE_RATES = "\0save_rate";

    private final Table videos;
    private final ConcurrentHashMap<String, double[]> read = new ConcurrentHashMap<>();

    public VideoColumns(Table videos) {
        this.videos = videos;
    }

    /** The frame the columns come from. */
    public Table videos() {
        return videos;
    }

    /** The column {@code name} as doubles, missing cells as NaN ({@link VideoValues#of}); not to be written to. */
    public double[] of(String name) {
        double[] values = read.get(name);
        return values != null ? values : read.computeIfAbsent(name, n -> VideoValues.of(videos, n));
    }

    /** Each video's saves per view ({@link VideoValues#saveRates}); not to be written to. */
    public double[] saveRates() {
        double[] values = read.get(SAVE_RATES);
        if (values != null) {
            return values;
        }
        // Its inputs first: a computation may not reach into the map it is computing for.
        double[] saves = of(Canonical.SAVES);
        double[] views = of(Canonical.VIEWS);
        return read.computeIfAbsent(SAVE_RATES, k -> VideoValues.ratio(saves, views));
    }
}
