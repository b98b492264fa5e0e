package savescope.spark;

import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.expr;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.monotonically_increasing_id;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.expressions.Window;
import savescope.metrics.Accumulation;
import savescope.metrics.DailyIndex;
import savescope.metrics.EarlySignal;
import savescope.model.Canonical;

/**
 * The report's questions about the daily series, in Spark: each video's daily rows are joined with its posting
 * day ({@link DailyIndex}'s rules) and summed per video, so a video's accumulation numbers and early signal are
 * single rows computed where the data lies. What comes to the driver is one small row per video with a daily
 * series at most (the JSON lists each video's accumulation numbers, and the early signal ranks its videos),
 * capped at {@link #MAX_VIDEO_ROWS}; daily series come from an account's own Studio exports, so these are
 * thousands of rows, not millions.
 */
final class SparkDailyQueries {
    /** At most this many per-video rows come to the driver (the first in the series' order). */
    static final int MAX_VIDEO_ROWS = 200_000;

    private final Dataset<Row> videos;
    private final Dataset<Row> days;
    private final Dataset<Row> perVideo;

    SparkDailyQueries(Dataset<Row> videos, Dataset<Row> daily) {
        this.videos = videos;
        // The daily rows in their order in the input, which orders the videos as the local index does.
        Dataset<Row> numbered = daily.withColumn("drow", monotonically_increasing_id());
        // A video listed twice keeps its first posting time.
        Dataset<Row> posted = videos.filter(col(Canonical.POSTED_AT).isNotNull())
                .withColumn("_n", org.apache.spark.sql.functions.row_number()
                        .over(Window.partitionBy(Canonical.VIDEO_ID).orderBy(SparkCorpus.ROW)))
                .filter(col("_n").equalTo(1))
                .select(col(Canonical.VIDEO_ID).as("pid"), expr("floor(unix_seconds(posted_at) / 86400)").as("pday"));
        Dataset<Row> usable = numbered.filter(col(Canonical.DATE).isNotNull())
                .join(posted, numbered.col(Canonical.VIDEO_ID).equalTo(posted.col("pid")))
                .select(col(Canonical.VIDEO_ID), col("drow"),
                        expr("greatest(0, unix_date(date) - pday)").cast("int").as("day"),
                        expr("coalesce(views, 0)").as("v"), expr("coalesce(saves, 0)").as("s"));
        this.days = usable.groupBy(Canonical.VIDEO_ID, "day").agg(sum("v").as("v"), sum("s").as("s"), min("drow").as("first"))
                .withColumn("cum", sum("s").over(Window.partitionBy(Canonical.VIDEO_ID).orderBy("day")))
                .withColumn("vtotal", sum("s").over(Window.partitionBy(Canonical.VIDEO_ID)))
                .cache();
        this.perVideo = perVideo(days).cache();
    }

    /** One row per video: the numbers of {@link Accumulation#curve}, from its saves by day since posting. */
    private static Dataset<Row> perVideo(Dataset<Row> days) {
        Dataset<Row> sums = days.groupBy(Canonical.VIDEO_ID).agg(min("first").as("first"),
                max("day").plus(1).as("observed"), sum("s").as("total"),
                sum(when(col("day").lt(Accumulation.FIRST_WEEK), col("s")).otherwise(0)).as("firstWeek"),
                min(when(col("cum").multiply(2).geq(col("vtotal")), col("day"))).as("halfDay"));
        return sums;
    }

    boolean any() {
        return !days.isEmpty();
    }

    /** The per-video rows with every field of {@link Accumulation.VideoSummary}, in the series' order. */
    private Dataset<Row> summaries() {
        Dataset<Row> lastWeek = days.join(perVideo.select(col(Canonical.VIDEO_ID).as("lid"), col("observed")),
                        days.col(Canonical.VIDEO_ID).equalTo(col("lid")))
                .filter(col("day").gt(col("observed").minus(Accumulation.FIRST_WEEK + 1)))
                .groupBy("lid").agg(sum("s").as("lastWeek"));
        Column total = col("total");
        Column days = col("observed");
        Column late = total.minus(col("firstWeek"));
        Column score = when(total.equalTo(0).or(days.lt(Accumulation.MIN_DAYS)), lit(Double.NaN))
                .otherwise(late.cast("double").divide(total.cast("double")));
        Column firstPerDay = col("firstWeek").cast("double").divide(lit((double) Accumulation.FIRST_WEEK));
        Column lastPerDay = col("lastWeek").cast("double").divide(lit((double) Accumulation.FIRST_WEEK));
        Column gaining = days.geq(Accumulation.MIN_DAYS).and(col("lastWeek").geq(Accumulation.STILL_GAINING_MIN_SAVES))
                .and(lastPerDay.geq(lit(Accumulation.STILL_GAINING_SHARE).multiply(firstPerDay)));
        return perVideo.join(lastWeek, perVideo.col(Canonical.VIDEO_ID).equalTo(col("lid")))
                .select(col(Canonical.VIDEO_ID), col("first"), days.cast("int").as("observed"), total, late.as("late"),
                        score.as("score"), when(total.gt(0), col("halfDay").plus(1)).otherwise(0).cast("int").as("half"),
                        lastPerDay.as("lastPerDay"), gaining.as("gaining"));
    }

    private static Accumulation.VideoSummary summary(Row r) {
        return new Accumulation.VideoSummary(r.getString(0), r.getInt(2), r.getLong(3), r.getLong(4), r.getDouble(5),
                r.getInt(6), r.getDouble(7), r.getBoolean(8));
    }

    /** {@code LocalAnalytics.accumulationByVideo}: one row per video in the series' order (see the cap above). */
    List<Accumulation.VideoSummary> byVideo() {
        List<Accumulation.VideoSummary> out = new ArrayList<>();
        for (Row r : summaries().orderBy("first").limit(MAX_VIDEO_ROWS).collectAsList()) {
            out.add(summary(r));
        }
        return out;
    }

    /** {@link Accumulation#summarize} of every video's curve: counts, exact medians and pooled sums per day. */
    Accumulation.Summary summarize(int horizon) {
        Dataset<Row> s = summaries().cache();
        Column scored = expr("not isnan(score)");
        Column evergreen = scored.and(col("score").geq(Accumulation.EVERGREEN_SCORE));
        Column halved = col("total").gt(0).and(col("observed").geq(Accumulation.MIN_DAYS));
        Row r = s.agg(count(lit(1)), count(when(scored, lit(1))), count(when(evergreen, lit(1))),
                count(when(col("gaining"), lit(1))), count(when(halved, lit(1))),
                count(when(col("observed").geq(horizon), lit(1)))).first();
        long scoredN = r.getLong(1);
        double medianScore = GroupQuantiles.whole(s.filter(scored).select(col("score")), scoredN, 0.5);
        double medianHalf = GroupQuantiles.whole(s.filter(halved).select(col("half").cast("double")), r.getLong(4), 0.5);
        Dataset<Row> full = s.filter(col("observed").geq(horizon)).select(col(Canonical.VIDEO_ID).as("fid"),
                evergreen.as("evergreen"));
        long[][] byDay = new long[2][horizon];
        for (Row d : days.join(full, days.col(Canonical.VIDEO_ID).equalTo(col("fid"))).filter(col("day").lt(horizon))
                .groupBy("evergreen", "day").agg(sum("s")).collectAsList()) {
            byDay[d.getBoolean(0) ? 1 : 0][d.getInt(1)] += d.getLong(2);
        }
        s.unpersist();
        long[] all = new long[horizon];
        for (int d = 0; d < horizon; d++) {
            all[d] = byDay[0][d] + byDay[1][d];
        }
        return new Accumulation.Summary(Math.toIntExact(r.getLong(0)), Math.toIntExact(scoredN), medianScore,
                Math.toIntExact(r.getLong(2)), Math.toIntExact(r.getLong(3)), medianHalf, horizon,
                Math.toIntExact(r.getLong(5)), pooled(all), pooled(byDay[1]), pooled(byDay[0]));
    }

    /** {@code Accumulation.pooled} from the saves of each day summed over the videos. */
    private static double[] pooled(long[] savesByDay) {
        int horizon = savesByDay.length;
        double[] cum = new double[horizon];
        double running = 0;
        for (int d = 0; d < horizon; d++) {
            running += savesByDay[d];
            cum[d] = running;
        }
        double total = horizon == 0 ? 0 : cum[horizon - 1];
        if (total == 0) {
            return new double[0];
        }
        for (int d = 0; d < horizon; d++) {
            cum[d] /= total;
        }
        return cum;
    }

    /** {@link Accumulation#top}: the highest evergreen scores, ties by id, each with its first title. */
    List<Accumulation.Titled> mostEvergreen(int n, SparkVideoQueries queries) {
        List<Accumulation.VideoSummary> top = new ArrayList<>();
        for (Row r : summaries().filter(expr("not isnan(score)")).orderBy(col("score").desc(), col(Canonical.VIDEO_ID).asc())
                .limit(n).collectAsList()) {
            top.add(summary(r));
        }
        Map<String, String> titles = new HashMap<>();
        queries.titledRates(top.stream().map(Accumulation.VideoSummary::id).toList())
                .forEach(t -> titles.put(t.id(), t.title()));
        return top.stream().map(v -> new Accumulation.Titled(titles.get(v.id()) == null ? v.id() : titles.get(v.id()), v))
                .toList();
    }

    /** {@link EarlySignal#measure}: each video's early and later sums in Spark, the ranks of those points here. */
    EarlySignal.Summary earlySignal(int horizon) {
        List<EarlySignal.Point> points = new ArrayList<>();
        for (Row r : days.groupBy(Canonical.VIDEO_ID).agg(sum(when(col("day").leq(1), col("v")).otherwise(0)).as("ev"),
                        sum(when(col("day").leq(1), col("s")).otherwise(0)).as("es"),
                        sum(when(col("day").geq(2).and(col("day").lt(horizon)), col("v")).otherwise(0)).as("lv"),
                        max("day").as("last"))
                .filter(col("last").geq(horizon - 1).and(col("ev").gt(0))).orderBy(Canonical.VIDEO_ID)
                .limit(MAX_VIDEO_ROWS).collectAsList()) {
            points.add(new EarlySignal.Point(r.getString(0), r.getLong(1), r.getLong(2), r.getLong(3)));
        }
        return EarlySignal.Summary.of(EarlySignal.of(horizon, points));
    }

    /** {@code LocalAnalytics.latestExportTime}: the day after the series' last date, or null. */
    static Instant latestExportTime(Dataset<Row> daily) {
        Row r = daily.agg(max(Canonical.DATE)).first();
        return r.isNullAt(0) ? null : ((LocalDate) r.get(0)).plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant();
    }

    /**
     * {@link Accumulation#snapshotGains}: the looks' times are few and come to the driver; each pair of
     * consecutive looks is joined and summed in Spark (a later row of a video in one look replaces an earlier).
     */
    List<Accumulation.SnapshotGain> snapshotGains(Dataset<Row> snapshots, Instant exportTime, int oldDays) {
        Dataset<Row> looks = latestPer(snapshots.filter(col(Canonical.TAKEN_AT).isNotNull()
                .and(col(Canonical.SAVES).isNotNull())), Canonical.TAKEN_AT, Canonical.VIDEO_ID, "srow")
                .select(col(Canonical.TAKEN_AT).as("t"), col(Canonical.VIDEO_ID).as("id"), col(Canonical.SAVES).as("s"))
                .cache();
        TreeSet<Instant> times = new TreeSet<>();
        looks.select("t").distinct().collectAsList().forEach(r -> times.add((Instant) r.get(0)));
        Dataset<Row> latest = latestPer(videos.filter(col(Canonical.SAVES).isNotNull()), null, Canonical.VIDEO_ID,
                SparkCorpus.ROW).select(col(Canonical.VIDEO_ID).as("id"), col(Canonical.SAVES).as("s"));
        Dataset<Row> postedAt = latestPer(videos.filter(col(Canonical.POSTED_AT).isNotNull()), null, Canonical.VIDEO_ID,
                SparkCorpus.ROW).select(col(Canonical.VIDEO_ID).as("pid"), col(Canonical.POSTED_AT).as("p"));
        boolean withExport = exportTime != null && !times.isEmpty() && exportTime.isAfter(times.last());
        List<Instant> order = new ArrayList<>(times);
        if (withExport) {
            order.add(exportTime);
        }
        List<Accumulation.SnapshotGain> out = new ArrayList<>();
        for (int i = 1; i < order.size(); i++) {
            Instant prev = order.get(i - 1);
            Instant t = order.get(i);
            Dataset<Row> a = looks.filter(col("t").equalTo(lit(prev))).select(col("id").as("aid"), col("s").as("before"));
            Dataset<Row> b = (withExport && i == order.size() - 1 ? latest : looks.filter(col("t").equalTo(lit(t)))
                    .select("id", "s")).select(col("id").as("bid"), col("s").as("after"));
            Dataset<Row> both = a.join(b, col("aid").equalTo(col("bid")))
                    .join(postedAt, col("aid").equalTo(col("pid")), "left")
                    .withColumn("g", col("after").minus(col("before")))
                    .withColumn("old", col("p").isNotNull().and(expr("(" + micros(prev)
                            + "L - unix_micros(p)) div 86400000000L").gt(oldDays)));
            Row r = both.agg(count(lit(1)), sum("g"), sum(when(col("old"), col("g")).otherwise(0)),
                    count(when(col("old"), lit(1))), count(when(col("old").and(col("g").gt(0)), lit(1)))).first();
            out.add(new Accumulation.SnapshotGain(prev, t, Math.toIntExact(r.getLong(0)), r.isNullAt(1) ? 0 : r.getLong(1),
                    r.isNullAt(2) ? 0 : r.getLong(2), Math.toIntExact(r.getLong(3)), Math.toIntExact(r.getLong(4))));
        }
        looks.unpersist();
        return out;
    }

    private static long micros(Instant t) {
        return Math.addExact(Math.multiplyExact(t.getEpochSecond(), 1_000_000L), t.getNano() / 1000);
    }

    /** The last row (by {@code order}) of each {@code id}, within each {@code within} when given. */
    private static Dataset<Row> latestPer(Dataset<Row> rows, String within, String id, String order) {
        var w = within == null ? Window.partitionBy(id) : Window.partitionBy(within, id);
        return rows.withColumn("_n", org.apache.spark.sql.functions.row_number().over(w.orderBy(col(order).desc())))
                .filter(col("_n").equalTo(1)).drop("_n");
    }

    /** The snapshots table of a loaded dataset as a DataFrame, its rows numbered in table order ({@code srow}). */
    static Dataset<Row> snapshots(SparkSession spark, tech.tablesaw.api.Table table) {
        List<Row> rows = new ArrayList<>();
        var ids = table.stringColumn(Canonical.VIDEO_ID);
        var taken = table.instantColumn(Canonical.TAKEN_AT);
        var saves = table.longColumn(Canonical.SAVES);
        for (int i = 0; i < table.rowCount(); i++) {
            rows.add(org.apache.spark.sql.RowFactory.create((long) i, ids.get(i), taken.isMissing(i) ? null : taken.get(i),
                    saves.isMissing(i) ? null : saves.getLong(i)));
        }
        var schema = new org.apache.spark.sql.types.StructType()
                .add("srow", org.apache.spark.sql.types.DataTypes.LongType)
                .add(Canonical.VIDEO_ID, org.apache.spark.sql.types.DataTypes.StringType)
                .add(Canonical.TAKEN_AT, org.apache.spark.sql.types.DataTypes.TimestampType)
                .add(Canonical.SAVES, org.apache.spark.sql.types.DataTypes.LongType);
        return spark.createDataFrame(rows, schema);
    }
}
