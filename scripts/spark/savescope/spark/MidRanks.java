package savescope.spark;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;

/**
 * Ties-aware ranks in Spark: equal values share the mean of their ranks, as {@code Stats.midRanks} gives.
 * Every column is ranked in one sort of (column, value) runs, and within several subsets of the rows at once:
 * a row's subsets follow from which columns it has (its presence pattern), so each run carries its count per
 * pattern, each partition learns from the driver how many values of each pattern lie before it, and a rank
 * within a subset is read off the running counts of the patterns in it. No partition holds all values.
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

    /**
     * For every column {@code xs[i]} and each of its distinct values: the value's mid-rank (1-based) within each
     * subset of {@code subsetsOf[i]}, in that order, as columns {@code r0, r1, ...} (NaN where no row of the
     * subset has the value).
     *
     * @param x rows with the double columns {@code xs} (null: missing) and an int column {@code pattern}, the
     *     index of the row's presence pattern, 0 to {@code patterns} − 1
     * @param members {@code members[s][k]}: whether rows of pattern {@code k} belong to subset {@code s}
     * @return columns {@code i} (the column's index), {@code v} (the value), {@code r0...}
     */
    static Dataset<Row> within(Dataset<Row> x, String[] xs, String pattern, int patterns, boolean[][] members,
            int[][] subsetsOf) {
        Column[] entries = new Column[xs.length];
        for (int i = 0; i < xs.length; i++) {
            entries[i] = struct(lit(i).as("i"), col(xs[i]).as("v"));
        }
        List<Column> perPattern = new ArrayList<>();
        for (int k = 0; k < patterns; k++) {
            perPattern.add(count(when(col("k").equalTo(k), lit(1))).as("c" + k));
        }
        JavaRDD<Row> runs = x.select(explode(array(entries)).as("e"), col(pattern).as("k"))
                .select(col("e.i").as("i"), col("e.v").as("v"), col("k")).filter(col("v").isNotNull())
                .groupBy("i", "v").agg(perPattern.get(0), perPattern.subList(1, patterns).toArray(Column[]::new))
                .sort("i", "v").javaRDD();
        int m = xs.length;
        long[][][] before = offsets(runs.mapPartitions(it -> {
            long[][] t = new long[m][patterns];
            while (it.hasNext()) {
                Row r = it.next();
                for (int k = 0; k < patterns; k++) {
                    t[r.getInt(0)][k] += r.getLong(2 + k);
                }
            }
            return java.util.Collections.singletonList(t).iterator();
        }).collect(), m, patterns);
        int width = 0;
        for (int[] s : subsetsOf) {
            width = Math.max(width, s.length);
        }
        int ranks = width;
        JavaRDD<Row> ranked = runs.mapPartitionsWithIndex((p, it) -> new RankedRuns(it, before[p], members,
                subsetsOf, ranks), true);
        StructType schema = new StructType().add("i", DataTypes.IntegerType).add("v", DataTypes.DoubleType);
        for (int u = 0; u < width; u++) {
            schema = schema.add("r" + u, DataTypes.DoubleType);
        }
        return x.sparkSession().createDataFrame(ranked, schema);
    }

    /** Per partition, column and pattern: how many values lie in the partitions before it. */
    private static long[][][] offsets(List<long[][]> totals, int m, int patterns) {
        long[][][] before = new long[totals.size()][m][patterns];
        for (int p = 1; p < before.length; p++) {
            for (int i = 0; i < m; i++) {
                for (int k = 0; k < patterns; k++) {
                    before[p][i][k] = before[p - 1][i][k] + totals.get(p - 1)[i][k];
                }
            }
        }
        return before;
    }

    /** One partition's runs with their ranks, produced lazily: a partition may hold millions of values. */
    private static final class RankedRuns implements Iterator<Row> {
        private final Iterator<Row> runs;
        private final long[][] seen;
        private final boolean[][] members;
        private final int[][] subsetsOf;
        private final int width;

        RankedRuns(Iterator<Row> runs, long[][] before, boolean[][] members, int[][] subsetsOf, int width) {
            this.runs = runs;
            this.seen = new long[before.length][];
            for (int i = 0; i < before.length; i++) {
                seen[i] = before[i].clone();
            }
            this.members = members;
            this.subsetsOf = subsetsOf;
            this.width = width;
        }

        @Override
        public boolean hasNext() {
            return runs.hasNext();
        }

        @Override
        public Row next() {
            Row r = runs.next();
            int i = r.getInt(0);
            long[] cum = seen[i];
            Object[] out = new Object[2 + width];
            out[0] = i;
            out[1] = r.getDouble(1);
            for (int u = 0; u < width; u++) {
                out[2 + u] = Double.NaN;
            }
            int[] subsets = subsetsOf[i];
            for (int u = 0; u < subsets.length; u++) {
                boolean[] in = members[subsets[u]];
                long less = 0;
                long tied = 0;
                for (int k = 0; k < cum.length; k++) {
                    if (in[k]) {
                        less += cum[k];
                        tied += r.getLong(2 + k);
                    }
                }
                // Positions less .. less + tied − 1 (0-based) share their mean, plus one.
                out[2 + u] = tied == 0 ? Double.NaN : (2.0 * less + tied + 1) / 2;
            }
            for (int k = 0; k < cum.length; k++) {
                cum[k] += r.getLong(2 + k);
            }
            return RowFactory.create(out);
        }
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
