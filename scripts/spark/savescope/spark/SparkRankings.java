package savescope.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import savescope.metrics.Rankings;
import savescope.model.Canonical;

/**
 * {@link Rankings} in Spark: the top and bottom videos by save rate (ties in row order, as the local stable
 * sort leaves them), Tukey's far-out fences from exact quartiles, and the outliers most extreme first.
 */
final class SparkRankings {
    private SparkRankings() {}

    /**
     * @param rated videos with a save rate, column {@code rate}
     * @param eligible how many of them have at least {@code minViews} views
     * @param quartiles Q1, median and Q3 of their rates, or null with fewer than four
     */
    static Rankings of(Dataset<Row> rated, long minViews, int limit, long eligible, double[] quartiles) {
        Dataset<Row> ranked = rated.filter(col(Canonical.VIEWS).geq(minViews));
        Column row = col(SparkCorpus.ROW);
        Column rate = col("rate");
        List<Rankings.Entry> top = entries(ranked.orderBy(rate.desc(), row.desc()).limit(limit));
        List<Rankings.Entry> bottom = entries(ranked.orderBy(rate.asc(), row.asc()).limit(limit));
        double lowFence = Double.NaN;
        double highFence = Double.NaN;
        List<Rankings.Entry> outliers = new ArrayList<>();
        int outlierCount = 0;
        if (quartiles != null) {
            double iqr = quartiles[2] - quartiles[0];
            lowFence = quartiles[0] - 3 * iqr;
            highFence = quartiles[2] + 3 * iqr;
            double median = quartiles[1];
            outlierCount = Math.toIntExact(ranked.filter(rate.lt(lowFence).or(rate.gt(highFence))).count());
            List<Rankings.Entry> lows = entries(ranked.filter(rate.lt(lowFence)).orderBy(rate.asc(), row.asc()).limit(limit));
            List<Rankings.Entry> highs = entries(ranked.filter(rate.gt(highFence)).orderBy(rate.desc(), row.desc())
                    .limit(limit));
            // The local walk from both ends inward: the side further from the median first, high on a tie.
            int lo = 0;
            int hi = 0;
            while (outliers.size() < limit && (lo < lows.size() || hi < highs.size())) {
                boolean lowOut = lo < lows.size();
                boolean highOut = hi < highs.size();
                if (highOut && (!lowOut || highs.get(hi).saveRate() - median >= median - lows.get(lo).saveRate())) {
                    outliers.add(highs.get(hi++));
                } else {
                    outliers.add(lows.get(lo++));
                }
            }
        }
        return new Rankings(minViews, Math.toIntExact(eligible), top, bottom, lowFence, highFence, List.copyOf(outliers),
                outlierCount);
    }

    private static List<Rankings.Entry> entries(Dataset<Row> rows) {
        List<Rankings.Entry> out = new ArrayList<>();
        for (Row r : rows.select(col(SparkCorpus.ROW), col(Canonical.VIDEO_ID), col(Canonical.TITLE),
                col(Canonical.VIEWS), col(Canonical.SAVES), col("rate")).collectAsList()) {
            out.add(new Rankings.Entry((int) Math.min(r.getLong(0), Integer.MAX_VALUE), r.getString(1), r.isNullAt(2) ? "" : r.getString(2),
                    r.getLong(3), r.getLong(4), r.getDouble(5)));
        }
        return List.copyOf(out);
    }
}
