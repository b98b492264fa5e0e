package savescope.metrics;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import savescope.metrics.Correlations.Correlation;
import savescope.metrics.Correlations.Matrix;
import savescope.model.Canonical;
import tech.tablesaw.api.Table;

/**
 * The correlation views the report shows: between raw counts (which all grow with reach), between rates per
 * view (which do not), and of saves with each metric once views are held fixed.
 */
public final class SaveCorrelations {
    /** The count variables, under the names the JSON uses. */
    public static final List<String> COUNT_NAMES = List.of(Canonical.VIEWS, Canonical.LIKES, Canonical.COMMENTS,
            Canonical.SHARES, Canonical.SAVES, Canonical.DURATION_S);
    /** The rate variables: each count per view, and duration (already independent of reach). */
    public static final List<String> RATE_NAMES = List.of("save_rate", "like_rate", "comment_rate", "share_rate",
            Canonical.DURATION_S);
    /** What saves are partially correlated with. */
    public static final List<String> PARTIAL_WITH = List.of(Canonical.LIKES, Canonical.COMMENTS, Canonical.SHARES,
            Canonical.DURATION_S);

    /** The three methods over one set of variables. */
    public record Set(List<String> names, Matrix pearson, Matrix spearman, Matrix kendall) {
        public List<Matrix> all() {
            return List.of(pearson, spearman, kendall);
        }
    }

    private SaveCorrelations() {}

    public static Set counts(Table videos) {
        return counts(new VideoColumns(videos));
    }

    public static Set counts(VideoColumns videos) {
        List<double[]> columns = new ArrayList<>();
        for (String name : COUNT_NAMES) {
            columns.add(videos.of(name));
        }
        return of(COUNT_NAMES, columns);
    }

    public static Set rates(Table videos) {
        return rates(new VideoColumns(videos));
    }

    public static Set rates(VideoColumns videos) {
        double[] views = videos.of(Canonical.VIEWS);
        List<double[]> columns = List.of(
                videos.saveRates(),
                VideoValues.ratio(videos.of(Canonical.LIKES), views),
                VideoValues.ratio(videos.of(Canonical.COMMENTS), views),
                VideoValues.ratio(videos.of(Canonical.SHARES), views),
                videos.of(Canonical.DURATION_S));
        return of(RATE_NAMES, columns);
    }

    static Set of(List<String> names, List<double[]> columns) {
        List<Matrix> m = Correlations.matrices(names, columns);
        return new Set(names, m.get(0), m.get(1), m.get(2));
    }

    /**
     * Saves against each of {@link #PARTIAL_WITH} with log(1 + views) held fixed, all on the log(1 + x) scale
     * (counts span decades, and on logs the dependence on reach is close to a straight line).
     */
    public static Map<String, Correlation> partialWithSaves(Table videos) {
        return partialWithSaves(new VideoColumns(videos));
    }

    public static Map<String, Correlation> partialWithSaves(VideoColumns videos) {
        double[] saves = Correlations.log1p(videos.of(Canonical.SAVES));
        double[] views = Correlations.log1p(videos.of(Canonical.VIEWS));
        Map<String, Correlation> out = new LinkedHashMap<>();
        for (String name : PARTIAL_WITH) {
            out.put(name, Correlations.partial(saves, Correlations.log1p(videos.of(name)), views));
        }
        return out;
    }
}
