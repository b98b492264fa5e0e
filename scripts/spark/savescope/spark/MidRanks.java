package savescope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.collect_list;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;

import java.util.ArrayList;
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
        JavaRDD<Row> ranked = runs.mapPartitionsWithIndex((p, it) -> {
            long seen = before[p];
            List<Row> out = new ArrayList<>();
            while (it.hasNext()) {
                Row r = it.next();
                long t = r.getLong(1);
                out.add(RowFactory.create(r.getDouble(0), (seen + 1 + seen + t) / 2.0));
                seen += t;
            }
            return out.iterator();
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

    /**
     * The sums a Kruskal–Wallis test needs, per dimension: each group's rank sum, the count, and Σ(t³ − t)
     * over runs of tied values, with ranks taken within the dimension.
     *
     * @param rows columns {@code dim} (int), {@code g} (int), {@code v} (double)
     */
    static Map<Integer, Sums> kruskalSums(Dataset<Row> rows) {
        Dataset<Row> runs = rows.groupBy("dim", "v", "g").agg(count(lit(1)).as("c"))
                .groupBy("dim", "v").agg(sum("c").as("t"), collect_list(struct(col("g"), col("c"))).as("groups"));
        JavaRDD<Row> sorted = runs.sort("dim", "v").javaRDD();
        List<Map<Integer, Long>> perPartition = sorted.mapPartitions(it -> {
            Map<Integer, Long> n = new HashMap<>();
            while (it.hasNext()) {
                Row r = it.next();
                n.merge(r.getInt(0), r.getLong(2), Long::sum);
            }
            return List.of(n).iterator();
        }).collect();
        List<Map<Integer, Long>> before = new ArrayList<>();
        Map<Integer, Long> running = new HashMap<>();
        for (Map<Integer, Long> m : perPartition) {
            before.add(new HashMap<>(running));
            m.forEach((d, n) -> running.merge(d, n, Long::sum));
        }
        List<Map<Integer, Sums>> parts = sorted.mapPartitionsWithIndex((p, it) -> {
            Map<Integer, Long> seen = new HashMap<>(before.get(p));
            Map<Integer, Sums> out = new HashMap<>();
            while (it.hasNext()) {
                Row r = it.next();
                int dim = r.getInt(0);
                long t = r.getLong(2);
                long s = seen.getOrDefault(dim, 0L);
                double rank = (s + (s + t - 1)) / 2.0 + 1;
                Sums sums = out.computeIfAbsent(dim, d -> new Sums());
                for (Row gc : r.<Row>getList(3)) {
                    sums.rankSum.merge(gc.getInt(0), rank * gc.getLong(1), Double::sum);
                    sums.size.merge(gc.getInt(0), gc.getLong(1), Long::sum);
                }
                double tt = t;
                sums.tieSum += tt * tt * tt - tt;
                sums.n += t;
                seen.put(dim, s + t);
            }
            return List.of(out).iterator();
        }, true).collect();
        Map<Integer, Sums> total = new HashMap<>();
        for (Map<Integer, Sums> part : parts) {
            part.forEach((d, s) -> total.computeIfAbsent(d, x -> new Sums()).add(s));
        }
        return total;
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
