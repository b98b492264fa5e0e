package savescope.spark;

import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaPairRDD;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * Exact order statistics of a distributed column: the rows are sorted once and numbered, and only the values
 * at the positions asked for come back to the driver. Quantiles built from them are the local metrics'
 * exactly (linear interpolation between the same two order statistics), never an approximation.
 */
final class OrderStatistics {
    private OrderStatistics() {}

    /**
     * The values at the given 0-based positions of {@code rows} sorted by all of its columns, the last of which
     * must be the double value returned (earlier ones are group keys, so each group's rows are contiguous).
     */
    static Map<Long, Double> at(Dataset<Row> rows, long[] positions) {
        long[] wanted = positions.clone();
        Arrays.sort(wanted);
        String[] cols = rows.columns();
        int last = cols.length - 1;
        Broadcast<long[]> shared = org.apache.spark.api.java.JavaSparkContext.fromSparkContext(rows.sparkSession().sparkContext())
                .broadcast(wanted);
        JavaPairRDD<Row, Long> numbered = rows.sort(cols[0], Arrays.copyOfRange(cols, 1, cols.length)).javaRDD()
                .zipWithIndex();
        var hits = numbered.filter(t -> Arrays.binarySearch(shared.value(), t._2()) >= 0).collect();
        Map<Long, Double> out = new HashMap<>();
        for (var t : hits) {
            out.put(t._2(), ((Number) t._1().get(last)).doubleValue());
        }
        shared.destroy();
        return out;
    }

    /** The q-quantile of a sorted run of n values starting at {@code offset}, as {@code Stats.quantileSorted}. */
    static double quantile(Map<Long, Double> values, long offset, long n, double q) {
        double pos = q * (n - 1);
        long lo = (long) Math.floor(pos);
        long hi = (long) Math.ceil(pos);
        double a = values.get(offset + lo);
        double b = values.get(offset + hi);
        return a + (b - a) * (pos - lo);
    }

    /** The positions {@link #quantile} reads. */
    static void quantilePositions(long offset, long n, double q, java.util.Set<Long> into) {
        double pos = q * (n - 1);
        into.add(offset + (long) Math.floor(pos));
        into.add(offset + (long) Math.ceil(pos));
    }
}
