package savescope.spark;

import static org.apache.spark.sql.functions.ceil;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.row_number;

import java.util.HashMap;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;

/**
 * Exact quantiles of a double column, as {@code Stats.quantileSorted} defines them: within groups (weeks,
 * accounts, hour bands) by numbering each group's sorted values in a window, or over a whole column by one
 * distributed sort ({@link OrderStatistics}). Only the one or two values each quantile reads come back.
 */
final class GroupQuantiles {
    private GroupQuantiles() {}

    /**
     * The q-quantile of {@code value} within each group of {@code key}. A group is sorted in one task, so this
     * suits groups of up to some millions of rows each, however many groups there are.
     */
    static Map<Object, Double> within(Dataset<Row> rows, String key, String value, double q) {
        Dataset<Row> numbered = rows.select(col(key).as("k"), col(value).cast("double").as("v"))
                .withColumn("i", row_number().over(Window.partitionBy("k").orderBy("v")).minus(1))
                .withColumn("n", count(lit(1)).over(Window.partitionBy("k")));
        Column pos = lit(q).multiply(col("n").minus(1).cast("double"));
        Map<Object, Map<Long, Double>> values = new HashMap<>();
        Map<Object, Long> sizes = new HashMap<>();
        for (Row r : numbered.filter(col("i").equalTo(floor(pos)).or(col("i").equalTo(ceil(pos))))
                .select("k", "n", "i", "v").collectAsList()) {
            sizes.put(r.get(0), r.getLong(1));
            values.computeIfAbsent(r.get(0), k -> new HashMap<>()).put((long) r.getInt(2), r.getDouble(3));
        }
        Map<Object, Double> out = new HashMap<>();
        sizes.forEach((k, n) -> out.put(k, OrderStatistics.quantile(values.get(k), 0, n, q)));
        return out;
    }

    /** The q-quantile of the {@code n} values of the one double column of {@code values}; NaN when n is 0. */
    static double whole(Dataset<Row> values, long n, double q) {
        if (n == 0) {
            return Double.NaN;
        }
        TreeSet<Long> at = new TreeSet<>();
        OrderStatistics.quantilePositions(0, n, q, at);
        return OrderStatistics.quantile(OrderStatistics.at(values, at.stream().mapToLong(Long::longValue).toArray()),
                0, n, q);
    }
}
