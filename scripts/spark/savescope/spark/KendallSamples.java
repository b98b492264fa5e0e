package savescope.spark;

import static org.apache.spark.sql.functions.col;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import savescope.metrics.Correlations;
import savescope.metrics.Correlations.Correlation;

/**
 * Kendall's tau-b of many pairs of columns, each on the rows the local engine uses: the pair's complete rows
 * up to {@link Correlations#KENDALL_MAX_N}, else its seeded sample, picked by position among them in row
 * order. One sort by row serves every pair: a pair's complete rows are the rows of some presence patterns, so
 * a walk that counts each pattern knows every row's position among each pair's rows. The samples (at most
 * {@link Correlations#KENDALL_MAX_N} rows each) are counted where they are gathered, never at the driver.
 */
final class KendallSamples {
    private KendallSamples() {}

    /**
     * @param x rows with the long column {@code row}, an int column {@code pattern} (the presence pattern's
     *     index) and the double columns {@code xs} (null: missing)
     * @param members {@code members[s][k]}: whether rows of pattern {@code k} belong to subset {@code s}
     * @param pairsOf {@code pairsOf[s]}: the pairs {i, j} of columns whose complete rows are subset {@code s}
     * @param sizes {@code sizes[s]}: how many rows subset {@code s} has
     * @return tau-b of every pair named, by [i][j] and [j][i]
     */
    static Correlation[][] of(Dataset<Row> x, String row, String pattern, String[] xs, boolean[][] members,
            int[][][] pairsOf, long[] sizes) {
        Column[] select = new Column[xs.length + 2];
        select[0] = col(row);
        select[1] = col(pattern);
        for (int i = 0; i < xs.length; i++) {
            select[i + 2] = col(xs[i]);
        }
        JavaRDD<Row> sorted = x.select(select).sort(row).javaRDD();
        int patterns = members.length == 0 ? 0 : members[0].length;
        List<long[]> perPartition = sorted.mapPartitions(it -> {
            long[] n = new long[patterns];
            while (it.hasNext()) {
                n[it.next().getInt(1)]++;
            }
            return List.of(n).iterator();
        }).collect();
        int subsets = members.length;
        long[][] before = new long[perPartition.size()][subsets];
        for (int p = 1; p < before.length; p++) {
            for (int s = 0; s < subsets; s++) {
                before[p][s] = before[p - 1][s];
                for (int k = 0; k < patterns; k++) {
                    before[p][s] += members[s][k] ? perPartition.get(p - 1)[k] : 0;
                }
            }
        }
        int[][] keep = new int[subsets][];
        for (int s = 0; s < subsets; s++) {
            keep[s] = sizes[s] <= Correlations.KENDALL_MAX_N ? null : kendallRows(Math.toIntExact(sizes[s]));
        }
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(x.sparkSession().sparkContext());
        Broadcast<int[][]> kept = sc.broadcast(keep);
        int m = xs.length;
        // Each picked row as {subset, values...}: its subset leads, so rows group by it.
        JavaRDD<double[]> picked = sorted.mapPartitionsWithIndex((p, it) -> {
            long[] seen = before[p].clone();
            int[][] k = kept.value();
            List<double[]> out = new ArrayList<>();
            while (it.hasNext()) {
                Row r = it.next();
                int pat = r.getInt(1);
                for (int s = 0; s < subsets; s++) {
                    if (!members[s][pat]) {
                        continue;
                    }
                    long at = seen[s]++;
                    if (k[s] == null || Arrays.binarySearch(k[s], (int) at) >= 0) {
                        out.add(valuesOf(s, r, m));
                    }
                }
            }
            return out.iterator();
        }, true);
        List<double[]> cells = picked.groupBy(v -> (int) v[0], Math.max(1, subsets)).flatMap(t -> {
            List<double[]> rows = new ArrayList<>();
            t._2().forEach(rows::add);
            List<double[]> out = new ArrayList<>();
            for (int[] pair : pairsOf[t._1()]) {
                Correlation c = Correlations.kendall(column(rows, 1 + pair[0]), column(rows, 1 + pair[1]));
                out.add(new double[] {pair[0], pair[1], c.r(), c.n(), c.p()});
            }
            return out.iterator();
        }).collect();
        kept.destroy();
        return matrix(cells, m, pairsOf);
    }

    private static double[] valuesOf(int subset, Row r, int m) {
        double[] v = new double[m + 1];
        v[0] = subset;
        for (int i = 0; i < m; i++) {
            v[i + 1] = r.isNullAt(i + 2) ? Double.NaN : r.getDouble(i + 2);
        }
        return v;
    }

    private static double[] column(List<double[]> rows, int i) {
        double[] out = new double[rows.size()];
        for (int q = 0; q < out.length; q++) {
            out[q] = rows.get(q)[i];
        }
        return out;
    }

    /** The cells computed; a pair whose subset has no row has none, and gets the local engine's empty answer. */
    private static Correlation[][] matrix(List<double[]> cells, int m, int[][][] pairsOf) {
        Correlation[][] out = new Correlation[m][m];
        for (int[][] pairs : pairsOf) {
            for (int[] pair : pairs) {
                out[pair[0]][pair[1]] = out[pair[1]][pair[0]] = new Correlation(Double.NaN, 0, Double.NaN);
            }
        }
        for (double[] c : cells) {
            int i = (int) c[0];
            int j = (int) c[1];
            out[i][j] = out[j][i] = new Correlation(c[2], (int) c[3], c[4]);
        }
        return out;
    }

    /**
     * {@code Correlations.kendallRows}: a seeded partial shuffle of positions 0..n−1, then in order. Only the
     * positions it moves are stored, so the draw needs memory for the sample, not for n.
     */
    static int[] kendallRows(int n) {
        Map<Integer, Integer> moved = new HashMap<>();
        SplittableRandom rnd = new SplittableRandom(Correlations.KENDALL_SEED);
        int[] keep = new int[Correlations.KENDALL_MAX_N];
        for (int i = 0; i < keep.length; i++) {
            int j = i + rnd.nextInt(n - i);
            int atI = moved.getOrDefault(i, i);
            // Swap positions i and j; position i is never read again, so it is kept rather than stored.
            keep[i] = moved.getOrDefault(j, j);
            moved.put(j, atI);
        }
        Arrays.sort(keep);
        return keep;
    }
}
