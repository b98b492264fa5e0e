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
        for (int i = 0; i < m; i++) {
            select.add(columns.get(i).as("x" + i));
        }
        Dataset<Row> x = videos.select(select.toArray(Column[]::new)).cache();
        String[] xs = new String[m];
        for (int i = 0; i < m; i++) {
            xs[i] = "x" + i;
        }
        long[][] pairs = pairCounts(x, xs);
        long all = x.filter(allPresent(xs)).count();
        Correlation[][] pearson = pearson(x, xs, xs);
        Correlation[][] spearman = new Correlation[m][m];
        Correlation[][] kendall = new Correlation[m][m];
        boolean shared = all >= 3;
        if (shared) {
            Correlation[][] sharedRanks = spearmanOn(x.filter(allPresent(xs)), xs);
            Correlation[][] sharedTau = kendallOn(x, xs, all);
            for (int i = 0; i < m; i++) {
                for (int j = i; j < m; j++) {
                    if (pairs[i][j] == all) {
                        spearman[i][j] = spearman[j][i] = sharedRanks[i][j];
                        kendall[i][j] = kendall[j][i] = sharedTau[i][j];
                    }
                }
            }
        }
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                if (spearman[i][j] == null) {
                    String[] pair = i == j ? new String[] {xs[i]} : new String[] {xs[i], xs[j]};
                    Correlation[][] s = spearmanOn(x.filter(allPresent(pair)), pair);
                    spearman[i][j] = spearman[j][i] = i == j ? s[0][0] : s[0][1];
                    Correlation[][] k = kendallOn(x, pair, pairs[i][j]);
                    kendall[i][j] = kendall[j][i] = i == j ? k[0][0] : k[0][1];
                }
            }
        }
        x.unpersist();
        return new SaveCorrelations.Set(List.copyOf(names), new Matrix(Correlations.PEARSON, List.copyOf(names), pearson),
                new Matrix(Correlations.SPEARMAN, List.copyOf(names), spearman),
                new Matrix(Correlations.KENDALL, List.copyOf(names), kendall));
    }

    private static Column allPresent(String[] xs) {
        Column c = lit(true);
        for (String x : xs) {
            c = c.and(col(x).isNotNull());
        }
        return c;
    }

    private static long[][] pairCounts(Dataset<Row> x, String[] xs) {
        int m = xs.length;
        List<Column> aggs = new ArrayList<>();
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                aggs.add(count(when(col(xs[i]).isNotNull().and(col(xs[j]).isNotNull()), lit(1))));
            }
        }
        Row r = x.agg(aggs.get(0), aggs.subList(1, aggs.size()).toArray(Column[]::new)).first();
        long[][] out = new long[m][m];
        int k = 0;
        for (int i = 0; i < m; i++) {
            for (int j = i; j < m; j++) {
                out[i][j] = out[j][i] = r.getLong(k++);
            }
        }
        return out;
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

    /** Spearman's rho between the columns over {@code complete} (rows where all of them are present). */
    private static Correlation[][] spearmanOn(Dataset<Row> complete, String[] xs) {
        Dataset<Row> ranked = complete.select(Arrays.stream(xs).map(c -> col(c)).toArray(Column[]::new));
        String[] rs = new String[xs.length];
        for (int i = 0; i < xs.length; i++) {
            Dataset<Row> table = MidRanks.of(complete.select(col(xs[i]).as("v")))
                    .withColumnRenamed("v", xs[i]).withColumnRenamed("rank", "r" + i);
            ranked = ranked.join(table, xs[i]);
            rs[i] = "r" + i;
        }
        return pearson(ranked, rs, rs);
    }

    /**
     * Kendall's tau-b over the complete rows of {@code xs}: all of them when at most
     * {@link Correlations#KENDALL_MAX_N}, else the local engine's seeded sample, fetched by position.
     */
    private static Correlation[][] kendallOn(Dataset<Row> x, String[] xs, long n) {
        int[] keep = n <= Correlations.KENDALL_MAX_N ? null : kendallRows(Math.toIntExact(n));
        double[][] columns = RowSample.fetch(x.filter(allPresent(xs)), SparkCorpus.ROW, xs, keep);
        List<String> names = new ArrayList<>();
        for (String c : xs) {
            names.add(c);
        }
        Correlation[][] out = new Correlation[xs.length][xs.length];
        Matrix m = Correlations.matrix(Correlations.KENDALL, names, List.of(columns));
        for (int i = 0; i < xs.length; i++) {
            for (int j = 0; j < xs.length; j++) {
                Correlation c = m.cells()[i][j];
                // n is the count of all complete pairs, as the local matrix reports it.
                out[i][j] = c;
            }
        }
        return out;
    }

    /** {@code Correlations.kendallRows}: a seeded partial shuffle of positions 0..n−1, then in order. */
    static int[] kendallRows(int n) {
        int[] pool = new int[n];
        for (int i = 0; i < n; i++) {
            pool[i] = i;
        }
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(Correlations.KENDALL_SEED);
        for (int i = 0; i < Correlations.KENDALL_MAX_N; i++) {
            int j = i + rnd.nextInt(n - i);
            int t = pool[i];
            pool[i] = pool[j];
            pool[j] = t;
        }
        int[] keep = Arrays.copyOf(pool, Correlations.KENDALL_MAX_N);
        Arrays.sort(keep);
        return keep;
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
