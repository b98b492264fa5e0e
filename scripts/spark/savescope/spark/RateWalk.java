package savescope.spark;

import static org.apache.spark.sql.functions.col;

import java.io.Serializable;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.broadcast.Broadcast;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;

/**
 * One distributed sort of the rated videos by save rate serves every quantile, bootstrap interval and
 * Kruskal–Wallis test of every group. A sort by range sends equal rates to one partition and keeps the
 * partitions in order, so a first walk counts each group per partition, and a second walk, told by the driver
 * which of each group's order statistics every partition holds, returns just those values and each
 * dimension's rank sums (ties share their mean rank, tie runs never straddle partitions).
 */
final class RateWalk implements Serializable {
    /** A group: dimension and index, packed as {@code dim << 32 | g}. */
    static long key(int dim, int g) {
        return ((long) dim << 32) | g;
    }

    static int dim(long key) {
        return (int) (key >> 32);
    }

    static int group(long key) {
        return (int) key;
    }

    /** Column order of the rows walked: rate, then the group columns. */
    static final String[] COLUMNS = {"rate", "type_g", "duration_g", "weekday_g", "hour_g", "tag_g", "eligible",
        "views", "saves"};

    private final int[] dims;

    /**
     * @param dims the dimension number of the columns type_g, duration_g, weekday_g, hour_g, tag_g, eligible, in
     *     that order; the whole sequence is dimension {@code allDim}
     */
    RateWalk(int allDim, int[] dims) {
        this.allDim = allDim;
        this.dims = dims.clone();
    }

    private final int allDim;

    /** The groups of one row, as keys. */
    private long[] keysOf(Row r) {
        List<Long> out = new ArrayList<>(8);
        out.add(key(allDim, 0));
        for (int c = 0; c < 4; c++) {
            int g = r.getInt(1 + c);
            if (g >= 0) {
                out.add(key(dims[c], g));
            }
        }
        for (Object t : r.getList(5)) {
            out.add(key(dims[4], (Integer) t));
        }
        if (r.getBoolean(6)) {
            out.add(key(dims[5], 0));
        }
        long[] a = new long[out.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = out.get(i);
        }
        return a;
    }

    /** Per partition: each group's {count, views, saves}. */
    List<Map<Long, long[]>> count(JavaRDD<Row> sorted) {
        return sorted.mapPartitions((Iterator<Row> it) -> {
            Map<Long, long[]> m = new HashMap<>();
            while (it.hasNext()) {
                Row r = it.next();
                long views = r.getLong(7);
                long saves = r.getLong(8);
                for (long k : keysOf(r)) {
                    long[] s = m.computeIfAbsent(k, x -> new long[3]);
                    s[0]++;
                    s[1] += views;
                    s[2] += saves;
                }
            }
            return List.of(m).iterator();
        }).collect();
    }

    /** What the second walk returns from one partition. */
    static final class Found implements Serializable {
        /** (group key, position within the group) → value. */
        final Map<Long, Map<Long, Double>> values = new HashMap<>();
        final Map<Integer, MidRanks.Sums> kruskal = new HashMap<>();
    }

    /**
     * @param wanted per partition: group key → positions (within the group, over all partitions) it holds
     * @param before per partition: group key → how many of the group's rows lie in earlier partitions
     * @param judged the groups that take part in each dimension's Kruskal–Wallis test
     * @param judgedBefore per partition: dimension → judged rows in earlier partitions
     */
    List<Found> fetch(JavaRDD<Row> sorted, List<Map<Long, long[]>> wanted, List<Map<Long, Long>> before,
            Set<Long> judged, List<Map<Integer, Long>> judgedBefore) {
        JavaSparkContext sc = JavaSparkContext.fromSparkContext(sorted.context());
        Broadcast<List<Map<Long, long[]>>> want = sc.broadcast(wanted);
        Broadcast<List<Map<Long, Long>>> start = sc.broadcast(before);
        Broadcast<List<Map<Integer, Long>>> judgedStart = sc.broadcast(judgedBefore);
        Broadcast<Set<Long>> judgedGroups = sc.broadcast(judged);
        List<Found> out = sorted.mapPartitionsWithIndex((p, it) -> {
            Found f = new Found();
            Map<Long, long[]> w = want.value().get(p);
            Map<Long, Long> seen = new HashMap<>(start.value().get(p));
            Map<Integer, Long> ranked = new HashMap<>(judgedStart.value().get(p));
            Map<Long, Long> run = new HashMap<>();
            double runValue = Double.NaN;
            while (it.hasNext()) {
                Row r = it.next();
                double v = r.getDouble(0);
                if (v != runValue) {
                    closeRun(run, ranked, f);
                    runValue = v;
                }
                for (long k : keysOf(r)) {
                    long at = seen.merge(k, 1L, Long::sum) - 1;
                    long[] positions = w.get(k);
                    if (positions != null && Arrays.binarySearch(positions, at) >= 0) {
                        f.values.computeIfAbsent(k, x -> new HashMap<>()).put(at, v);
                    }
                    if (judgedGroups.value().contains(k)) {
                        run.merge(k, 1L, Long::sum);
                    }
                }
            }
            closeRun(run, ranked, f);
            return List.of(f).iterator();
        }, true).collect();
        want.destroy();
        start.destroy();
        judgedStart.destroy();
        judgedGroups.destroy();
        return out;
    }

    /** Gives a finished run of equal rates its mean rank in each dimension it touches. */
    private static void closeRun(Map<Long, Long> run, Map<Integer, Long> ranked, Found f) {
        if (run.isEmpty()) {
            return;
        }
        Map<Integer, Long> tiesPerDim = new HashMap<>();
        run.forEach((k, c) -> tiesPerDim.merge(dim(k), c, Long::sum));
        tiesPerDim.forEach((d, t) -> {
            long s = ranked.getOrDefault(d, 0L);
            double rank = (s + (s + t - 1)) / 2.0 + 1;
            MidRanks.Sums sums = f.kruskal.computeIfAbsent(d, x -> new MidRanks.Sums());
            run.forEach((k, c) -> {
                if (dim(k) == d) {
                    sums.rankSum.merge(group(k), rank * c, Double::sum);
                    sums.size.merge(group(k), c, Long::sum);
                }
            });
            double tt = t;
            sums.tieSum += tt * tt * tt - tt;
            sums.n += t;
            ranked.put(d, s + t);
        });
        run.clear();
    }

    /** The rated rows sorted by rate, as the walks read them. */
    static JavaRDD<Row> sorted(Dataset<Row> keyed) {
        return keyed.select(Arrays.stream(COLUMNS).map(c -> col(c)).toArray(org.apache.spark.sql.Column[]::new))
                .sort("rate").javaRDD();
    }
}
