package savescope.spark;

import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;

import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Ties-aware ranks in Spark: equal values share the mean of their ranks, as {@code Stats.midRanks} gives.
 * The distinct values are counted and sorted, each partition learns from the driver how many values lie
 * in the partitions before it, and ranks follow from running counts; no partition ever holds all values.
 */
final class MidRanks {
    private MidRanks() {}

    /** For the double column {@code v} of {@code values}: each distinct value and its mid-rank (1-based). */
    static Dataset<Row> of(Dataset<Row> values) {
        JavaRDD<Row> runs = values.groupBy("v").agg(count(lit(1)).as("t")).sort("v").javaRDD();
        long[] before = partitionOffsets(runs.mapPartitions(it -> {
            long n = 0;
            while (it.hasNext()) {
                n += it.next().getLong(1);
            }
            return List.of(n).iterator();
        }).collect());
        // Lazily, row by row: a partition may hold millions of distinct values.
        JavaRDD<Row> ranked = runs.mapPartitionsWithIndex((p, it) -> new Iterator<Row>() {
            private long seen = before[p];

            @Override
            public boolean hasNext() {
                return it.hasNext();
            }

            @Override
            public Row next() {
                Row r = it.next();
                long t = r.getLong(1);
                Row out = RowFactory.create(r.getDouble(0), (seen + 1 + seen + t) / 2.0);
                seen += t;
                return out;
            }
        }, true);
        StructType schema = new StructType().add("v", DataTypes.DoubleType).add("rank", DataTypes.DoubleType);
        return values.sparkSession().createDataFrame(ranked, schema);
    }

    private static long[] partitionOffsets(List<Long> totals) {
        long[] before = new long[totals.size()];
        for (int p = 1; p < before.length; p++) {
            before[p] = before[p - 1] + totals.get(p - 1);
        }
        return before;
    }

    /** Rank sums and sizes per group, the tie sum and the count of one dimension. */
    static final class Sums implements java.io.Serializable {
        final Map<Integer, Double> rankSum = new HashMap<>();
        final Map<Integer, Long> size = new HashMap<>();
        double tieSum;
        long n;

        void add(Sums o) {
            o.rankSum.forEach((g, v) -> rankSum.merge(g, v, Double::sum));
            o.size.forEach((g, v) -> size.merge(g, v, Long::sum));
            tieSum += o.tieSum;
            n += o.n;
        }
    }
}
