package savescope.spark;

import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.math3.distribution.TDistribution;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.storage.StorageLevel;
import savescope.metrics.Correlations;
import savescope.metrics.Correlations.Correlation;
import savescope.metrics.Correlations.Matrix;
import savescope.metrics.SaveCorrelations;
import savescope.model.Canonical;

/**
 * {@link SaveCorrelations} in Spark. Pearson by two passes of centred sums over each pair's complete rows;
 * Spearman as Pearson on exact mid-ranks ({@link MidRanks}) joined back to the rows; Kendall's tau-b on the
 * rows the local engine uses (all complete rows up to 100,000, else the same seeded sample of them, picked by
 * position in row order), which are small enough to bring to the driver and count there.
 */
final class SparkCorrelations {
    private final Dataset<Row> videos;

    SparkCorrelations(Dataset<Row> videos) {
        this.videos = videos;
    }

    SaveCorrelations.Set counts() {
        List<Column> cols = new ArrayList<>();
        for (String name : SaveCorrelations.COUNT_NAMES) {
            cols.add(value(col(name)));
        }
        return set(SaveCorrelations.COUNT_NAMES, cols);
    }

    SaveCorrelations.Set rates() {
        Column v = col(Canonical.VIEWS);
        List<Column> cols = List.of(ratio(Canonical.SAVES, v), ratio(Canonical.LIKES, v), ratio(Canonical.COMMENTS, v),
                ratio(Canonical.SHARES, v), value(col(Canonical.DURATION_S)));
        return set(SaveCorrelations.RATE_NAMES, cols);
    }

    /** A count or duration as a double; missing (or NaN) is null. */
    private static Column value(Column c) {
        Column d = c.cast("double");
        return when(d.isNotNull().and(d.isNaN().unary_$bang()), d);
    }

    private static Column ratio(String numerator, Column views) {
        Column n = col(numerator);
        return when(n.isNotNull().and(views.isNotNull()).and(views.gt(0)), n.cast("double").divide(views.cast("double")));
    }

    private SaveCorrelations.Set set(List<String> names, List<Column> columns) {
        int m = names.size();
        List<Column> select = new ArrayList<>();
        select.add(col(SparkCorpus.ROW));
        String[] xs = new String[m];
        for (int i = 0; i < m; i++) {
            xs[i] = "x" + i;
            select.add(columns.get(i).as(xs[i]));
        }
        Dataset<Row> x = videos.select(select.toArray(Column[]::new)).persist(CACHED);
        Correlation[][][] three = matrices(x, xs);
        x.unpersist();
        List<String> n = List.copyOf(names);
        return new SaveCorrelations.Set(n, new Matrix(Correlations.PEARSON, n, three[0]),
                new Matrix(Correlations.SPEARMAN, n, three[1]), new Matrix(Correlations.KENDALL, n, three[2]));
    }

    /**
     * Pearson, Spearman and Kendall between every pair of the double columns {@code xs} of {@code x} (which
     * also has {@link SparkCorpus#ROW}), each over the pair's complete rows, as {@code Correlations.matrices}.
     */
    static Correlation[][][] matrices(Dataset<Row> x, String[] xs) {
        long t0 = System.nanoTime();
        Correlation[][] pearson = pearson(x, xs, xs);
        SparkAggregates.tick("  pearson", t0);
        Presence presence = Presence.of(x, xs);
        Dataset<Row> patterned = x.withColumn(PATTERN, presence.index(xs));
        Correlation[][] spearman = spearman(patterned, xs, presence);
        SparkAggregates.tick("  spearman", t0);
        Correlation[][] kendall = KendallSamples.of(patterned, SparkCorpus.ROW, PATTERN, xs, presence.members(),
                presence.pairsOf(), presence.sizes());
        SparkAggregates.tick("  kendall", t0);
        return new Correlation[][][] {pearson, spearman, kendall};
    }

    private static final String PATTERN = "_pattern";

    /**
     * How the tables read several times are kept: as Spark SQL's own compressed column batches. Not a serialized
     * level: those keep each block in 1 MiB byte arrays, and under G1 every such array is a humongous object
     * that takes a whole heap region (two, with 1 MiB regions), so a cache that fits Spark's storage memory
     * filled the heap (10 million videos with a 1.2 GB heap, 50 million with 4 GB: out of memory).
     */
    private static final StorageLevel CACHED = StorageLevel.MEMORY_AND_DISK();

    /**
     * Which columns each row has. A pair's complete rows are the rows of every presence pattern holding both
     * columns; pairs with the same patterns share one subset, so its ranks and Kendall sample are found once.
     *
     * @param patterns the patterns present (bit i: column i present), indexed as rows refer to them
     * @param subsets per subset, the indexes of its patterns; {@code subsetOf[i][j]} names the pair's subset
     */
    record Presence(int[] patterns, long[] counts, List<List<Integer>> subsets, int[][] subsetOf) {
        static Presence of(Dataset<Row> x, String[] xs) {
            List<Row> found = x.groupBy(mask(xs).as("p")).count().orderBy("p").collectAsList();
            int[] patterns = new int[found.size()];
            long[] counts = new long[found.size()];
            for (int k = 0; k < patterns.length; k++) {
                patterns[k] = found.get(k).getInt(0);
                counts[k] = found.get(k).getLong(1);
            }
            int m = xs.length;
            List<List<Integer>> subsets = new ArrayList<>();
            int[][] subsetOf = new int[m][m];
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    int both = (1 << i) | (1 << j);
                    List<Integer> in = new ArrayList<>();
                    for (int k = 0; k < patterns.length; k++) {
                        if ((patterns[k] & both) == both) {
                            in.add(k);
                        }
                    }
                    int s = subsets.indexOf(in);
                    if (s < 0) {
                        s = subsets.size();
                        subsets.add(in);
                    }
                    subsetOf[i][j] = subsetOf[j][i] = s;
                }
            }
            return new Presence(patterns, counts, subsets, subsetOf);
        }

        private static Column mask(String[] xs) {
            Column p = lit(0);
            for (int i = 0; i < xs.length; i++) {
                p = p.plus(when(col(xs[i]).isNotNull(), lit(1 << i)).otherwise(lit(0)));
            }
            return p;
        }

        /** The row's pattern index, from its mask. */
        Column index(String[] xs) {
            Column m = mask(xs);
            Column out = lit(-1);
            for (int k = patterns.length - 1; k >= 0; k--) {
                out = when(m.equalTo(patterns[k]), lit(k)).otherwise(out);
            }
            return out;
        }

        boolean[][] members() {
            boolean[][] out = new boolean[subsets.size()][patterns.length];
            for (int s = 0; s < out.length; s++) {
                for (int k : subsets.get(s)) {
                    out[s][k] = true;
                }
            }
            return out;
        }

        long[] sizes() {
            long[] out = new long[subsets.size()];
            for (int s = 0; s < out.length; s++) {
                for (int k : subsets.get(s)) {
                    out[s] += counts[k];
                }
            }
            return out;
        }

        /** Per subset, the pairs {i, j} (i ≤ j) whose complete rows it is. */
        int[][][] pairsOf() {
            List<List<int[]>> out = new ArrayList<>();
            for (int s = 0; s < subsets.size(); s++) {
                out.add(new ArrayList<>());
            }
            for (int i = 0; i < subsetOf.length; i++) {
                for (int j = i; j < subsetOf.length; j++) {
                    out.get(subsetOf[i][j]).add(new int[] {i, j});
                }
            }
            return out.stream().map(l -> l.toArray(int[][]::new)).toArray(int[][][]::new);
        }

        /** Per column, the distinct subsets it is ranked within (those of its pairs), in order. */
        int[][] subsetsOfColumns() {
            int[][] out = new int[subsetOf.length][];
            for (int i = 0; i < out.length; i++) {
                out[i] = Arrays.stream(subsetOf[i]).distinct().toArray();
            }
            return out;
        }
    }

    /**
     * Pearson's r between every pair of columns {@code a[i]}, {@code b[j]} over the rows where both are present,
     * by the local two-pass formula (means first, then centred sums), with its t-test p-value.
     */
    static Correlation[][] pearson(Dataset<Row> x, String[] a, String[] b) {
        int m = a.length;
        List<Column> means = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                Column both = col(a[i]).isNotNull().and(col(b[j]).isNotNull());
                means.add(count(when(both, lit(1))));
                means.add(avg(when(both, col(a[i]))));
                means.add(avg(when(both, col(b[j]))));
            }
        }
        Row mr = x.agg(means.get(0), means.subList(1, means.size()).toArray(Column[]::new)).first();
        List<Column> sums = new ArrayList<>();
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                Column both = col(a[i]).isNotNull().and(col(b[j]).isNotNull());
                double mx = mr.isNullAt(k + 1) ? 0 : mr.getDouble(k + 1);
                double my = mr.isNullAt(k + 2) ? 0 : mr.getDouble(k + 2);
                Column dx = col(a[i]).minus(lit(mx));
                Column dy = col(b[j]).minus(lit(my));
                sums.add(sum(when(both, dx.multiply(dy))));
                sums.add(sum(when(both, dx.multiply(dx))));
                sums.add(sum(when(both, dy.multiply(dy))));
                k += 3;
            }
        }
        Row sr = x.agg(sums.get(0), sums.subList(1, sums.size()).toArray(Column[]::new)).first();
        Correlation[][] out = new Correlation[m][m];
        k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                long n = mr.getLong(3 * k);
                double sxy = sr.isNullAt(3 * k) ? 0 : sr.getDouble(3 * k);
                double sxx = sr.isNullAt(3 * k + 1) ? 0 : sr.getDouble(3 * k + 1);
                double syy = sr.isNullAt(3 * k + 2) ? 0 : sr.getDouble(3 * k + 2);
                out[i][j] = out[j][i] = correlation(sxy, sxx, syy, n, 2);
                k++;
            }
        }
        return out;
    }

    /** {@code Correlations.pearsonOn}: NaN below three pairs or with no variance; p on n − {@code lost} df. */
    static Correlation correlation(double sxy, double sxx, double syy, long n, int lost) {
        int count = Math.toIntExact(n);
        if (n < 3 || sxx == 0 || syy == 0) {
            return new Correlation(Double.NaN, count, Double.NaN);
        }
        double r = Math.max(-1, Math.min(1, sxy / Math.sqrt(sxx * syy)));
        return new Correlation(r, count, tTestP(r, count - lost));
    }

    /** {@code Correlations.tTestP}: two-sided p of r from the t distribution's lower tail at −|t|. */
    static double tTestP(double r, int df) {
        if (df < 1) {
            return Double.NaN;
        }
        if (Math.abs(r) >= 1) {
            return 0;
        }
        double t = Math.abs(r) * Math.sqrt(df / (1 - r * r));
        return 2 * new TDistribution(null, df).cumulativeProbability(-t);
    }

    /**
     * Spearman's rho of every pair: Pearson on mid-ranks within the pair's complete rows. All columns are
     * ranked in one sort ({@link MidRanks#within}); the ranks are joined back to the rows, one column at a
     * time, and one pass sums every pair's centred products. Mid-ranks of n rows sum to n(n + 1)/2 exactly,
     * so their mean is (n + 1)/2, the local mean to the last bit.
     */
    private static Correlation[][] spearman(Dataset<Row> x, String[] xs, Presence presence) {
        int m = xs.length;
        Correlation[][] out = new Correlation[m][m];
        if (presence.patterns().length == 0) {
            for (Correlation[] row : out) {
                Arrays.fill(row, new Correlation(Double.NaN, 0, Double.NaN));
            }
            return out;
        }
        int[][] subsetsOf = presence.subsetsOfColumns();
        Dataset<Row> ranks = MidRanks.within(x, xs, PATTERN, presence.patterns().length, presence.members(),
                subsetsOf).persist(CACHED);
        Dataset<Row> joined = x;
        for (int i = 0; i < m; i++) {
            List<Column> cols = new ArrayList<>();
            cols.add(col("v").as("_v" + i));
            for (int u = 0; u < subsetsOf[i].length; u++) {
                cols.add(col("r" + u).as(rank(i, subsetsOf[i][u])));
            }
            Dataset<Row> table = ranks.filter(col("i").equalTo(i)).select(cols.toArray(Column[]::new));
            joined = joined.join(table, col(xs[i]).equalTo(col("_v" + i)), "left_outer");
        }
        long[] sizes = presence.sizes();
        Column[] sums = rankSums(xs, presence, sizes);
        Row r = joined.agg(sums[0], Arrays.copyOfRange(sums, 1, sums.length)).first();
        ranks.unpersist();
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                long n = sizes[presence.subsetOf()[i][j]];
                out[i][j] = out[j][i] = correlation(num(r, k), num(r, k + 1), num(r, k + 2), n, 2);
                k += 3;
            }
        }
        return out;
    }

    /** Per pair (i ≤ j): the sums of centred rank products x·y, x·x and y·y over its complete rows. */
    private static Column[] rankSums(String[] xs, Presence presence, long[] sizes) {
        List<Column> sums = new ArrayList<>();
        for (int i = 0; i < xs.length; i++) {
            for (int j = i; j < xs.length; j++) {
                int s = presence.subsetOf()[i][j];
                Column mean = lit((sizes[s] + 1) / 2.0);
                Column both = col(xs[i]).isNotNull().and(col(xs[j]).isNotNull());
                Column dx = col(rank(i, s)).minus(mean);
                Column dy = col(rank(j, s)).minus(mean);
                sums.add(sum(when(both, dx.multiply(dy))));
                sums.add(sum(when(both, dx.multiply(dx))));
                sums.add(sum(when(both, dy.multiply(dy))));
            }
        }
        return sums.toArray(Column[]::new);
    }

    private static String rank(int column, int subset) {
        return "_r" + column + "_" + subset;
    }

    private static double num(Row r, int i) {
        return r.isNullAt(i) ? 0 : r.getDouble(i);
    }

    /** Saves with each of {@link SaveCorrelations#PARTIAL_WITH}, log(1 + views) held fixed. */
    Map<String, Correlation> partialWithSaves() {
        Map<String, Correlation> out = new LinkedHashMap<>();
        Column saves = log1p(Canonical.SAVES);
        Column views = log1p(Canonical.VIEWS);
        for (String name : SaveCorrelations.PARTIAL_WITH) {
            Dataset<Row> t = videos.select(saves.as("s"), log1p(name).as("y"), views.as("v"))
                    .filter(col("s").isNotNull().and(col("y").isNotNull()).and(col("v").isNotNull()));
            // Pairs (a[i], b[j]): [0][0] is saves–metric, [0][1] saves–views, [2][2] metric–views.
            Correlation[][] r = pearson(t, new String[] {"s", "s", "y"}, new String[] {"y", "v", "v"});
            long n = r[0][0].n();
            double rxy = r[0][0].r();
            double rxz = r[0][1].r();
            double ryz = r[2][2].r();
            out.put(name, partial(rxy, rxz, ryz, n));
        }
        return out;
    }

    private static Correlation partial(double rxy, double rxz, double ryz, long n) {
        int count = Math.toIntExact(n);
        if (n < 4) {
            return new Correlation(Double.NaN, count, Double.NaN);
        }
        double denom = Math.sqrt((1 - rxz * rxz) * (1 - ryz * ryz));
        if (!(denom > 0)) {
            return new Correlation(Double.NaN, count, Double.NaN);
        }
        double r = Math.max(-1, Math.min(1, (rxy - rxz * ryz) / denom));
        return new Correlation(r, count, tTestP(r, count - 3));
    }

    private static Column log1p(String column) {
        Column d = value(col(column));
        return when(d.geq(0), org.apache.spark.sql.functions.log1p(d));
    }
}
